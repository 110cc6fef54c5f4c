"use client";

import { debounce, useQueryStates, type ParserMap, type Values } from "nuqs";
import { useCallback, useTransition } from "react";
import {
  hasActiveFilters,
  pagePatch,
  resetPagePatch,
  sortPatch,
  type PageSize,
  type SortDir,
  type TableDefinition,
} from "./table-params";

/**
 * The URL state of a table on the client. Every change navigates (shallow: false) so the server
 * page reads the same params and renders the new rows; `pending` is true until it has.
 * Sorting, a new page size or a filter starts from the first page.
 */
export function useTableState<S extends string, F extends ParserMap>(table: TableDefinition<S, F>) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(table.parsers, {
    shallow: false,
    scroll: false,
    startTransition,
  });
  type State = Values<TableDefinition<S, F>["parsers"]>;

  const toggleSort = useCallback(
    (column: S) =>
      void setState(
        sortPatch(state as unknown as { sort: string; dir: SortDir }, column) as Partial<State>,
      ),
    [setState, state],
  );
  const setSize = useCallback(
    (size: PageSize) => void setState(resetPagePatch({ size }) as Partial<State>),
    [setState],
  );
  const goTo = useCallback(
    (direction: "next" | "previous", cursor: string) =>
      void setState(pagePatch(direction, cursor) as Partial<State>),
    [setState],
  );
  /** Set some filters (null clears one); back to the first page. */
  // For a text box typed into, pass { debounceMs: 300 }: the server is asked once typing pauses.
  const setFilters = useCallback(
    (patch: Partial<{ [K in keyof F]: State[K] | null }>, options: { debounceMs?: number } = {}) =>
      void setState(
        resetPagePatch(patch) as Partial<State>,
        options.debounceMs ? { limitUrlUpdates: debounce(options.debounceMs) } : undefined,
      ),
    [setState],
  );
  const clearFilters = useCallback(
    () =>
      void setState(
        resetPagePatch(
          Object.fromEntries(table.filterKeys.map((k) => [k, null])),
        ) as Partial<State>,
      ),
    [setState, table.filterKeys],
  );

  return {
    state,
    pending,
    filtered: hasActiveFilters(state as Record<string, unknown>, table.filterKeys),
    toggleSort,
    setSize,
    goTo,
    setFilters,
    clearFilters,
  };
}

export type TableStateApi<S extends string = string, F extends ParserMap = ParserMap> = ReturnType<
  typeof useTableState<S, F>
>;
