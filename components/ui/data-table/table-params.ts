import {
  createLoader,
  createSerializer,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type ParserMap,
  type inferParserType,
} from "nuqs/server";

// The URL state of a table (issue 12): sorting, filters and keyset pagination live in the query
// string and are done by the server. One definition feeds both sides:
//   // app/(portal)/domains/_components/domains-table-params.ts  (no "use client")
//   export const domainsTable = defineTable({
//     sort: ["name", "expires"], defaultSort: "name",
//     filters: { q: parseAsString.withDefault(""), state: parseAsStringLiteral(STATES) },
//   });
//   // page.tsx (server):  const params = await domainsTable.load(searchParams);
//   // the client table:   <DataTable table={domainsTable} … />
// `nuqs/server` holds no server-only code: this module is safe in client components too.

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const SORT_DIRS = ["asc", "desc"] as const;
export type SortDir = (typeof SORT_DIRS)[number];

/** One page of rows as the server returns it for a DataTable. Cursors are opaque strings. */
export type TablePage<T> = {
  rows: readonly T[];
  /** Rows matching the filters on all pages. */
  total: number;
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `before` to get the previous page; null on the first page. */
  prevCursor: string | null;
};

export type TableConfig<S extends string, F extends ParserMap> = {
  /** Column ids the server can sort by; anything else in the URL falls back to defaultSort. */
  sort: readonly S[];
  defaultSort: S;
  defaultDir?: SortDir;
  defaultSize?: PageSize;
  /** Filter parsers (nuqs); a change of any filter starts again from the first page. */
  filters?: F;
};

export function tableParsers<const S extends string, F extends ParserMap = Record<never, never>>(
  config: TableConfig<S, F>,
) {
  return {
    ...((config.filters ?? {}) as F),
    sort: parseAsStringLiteral(config.sort).withDefault(config.defaultSort),
    dir: parseAsStringLiteral(SORT_DIRS).withDefault(config.defaultDir ?? "asc"),
    size: parseAsNumberLiteral(PAGE_SIZES).withDefault(config.defaultSize ?? 25),
    after: parseAsString,
    before: parseAsString,
  };
}

export type TableParsers<S extends string = string, F extends ParserMap = ParserMap> = ReturnType<
  typeof tableParsers<S, F>
>;

export type TableDefinition<S extends string, F extends ParserMap> = {
  parsers: ReturnType<typeof tableParsers<S, F>>;
  /** Parse a page's `searchParams` (a Promise or an object), a URL or URLSearchParams. */
  load: ReturnType<typeof createLoader<ReturnType<typeof tableParsers<S, F>>>>;
  /** Build a link to a state of the table: `serialize("/domains", { state: "ACTIVE" })`. */
  serialize: ReturnType<typeof createSerializer<ReturnType<typeof tableParsers<S, F>>>>;
  filterKeys: readonly (keyof F & string)[];
  sortable: readonly S[];
};

export function defineTable<const S extends string, F extends ParserMap = Record<never, never>>(
  config: TableConfig<S, F>,
): TableDefinition<S, F> {
  const parsers = tableParsers<S, F>(config);
  return {
    parsers,
    load: createLoader(parsers),
    serialize: createSerializer(parsers),
    filterKeys: Object.keys(config.filters ?? {}) as (keyof F & string)[],
    sortable: config.sort,
  };
}

export type TableParams<D> =
  D extends TableDefinition<infer S, infer F>
    ? inferParserType<TableDefinition<S, F>["parsers"]>
    : never;

// --- pure transitions of the state (tested in tests/ui/table-params.test.ts) ---

export const FIRST_PAGE = { after: null, before: null } as const;

/** Clicking a sortable header: the same column flips direction; another column starts ascending. */
export function sortPatch(current: { sort: string; dir: SortDir }, column: string) {
  const dir: SortDir = current.sort === column ? (current.dir === "asc" ? "desc" : "asc") : "asc";
  return { sort: column, dir, ...FIRST_PAGE };
}

/** Next page: rows after the last one shown; previous: rows before the first one shown. */
export function pagePatch(direction: "next" | "previous", cursor: string) {
  return direction === "next" ? { after: cursor, before: null } : { after: null, before: cursor };
}

/** A new page size or filter starts from the first page (a cursor belongs to one ordering). */
export function resetPagePatch<P extends object>(patch: P): P & typeof FIRST_PAGE {
  return { ...patch, ...FIRST_PAGE };
}

/** aria-sort of a column header: only on sortable columns; "none" when sortable but not sorted. */
export function ariaSort(
  column: string,
  sortable: boolean,
  current: { sort: string; dir: SortDir },
): "ascending" | "descending" | "none" | undefined {
  if (!sortable) return undefined;
  if (current.sort !== column) return "none";
  return current.dir === "asc" ? "ascending" : "descending";
}

/** Whether any filter differs from its default (empty string, empty array, null: no filter). */
export function hasActiveFilters(
  values: Record<string, unknown>,
  keys: readonly string[],
): boolean {
  return keys.some((key) => {
    const value = values[key];
    if (value === null || value === undefined || value === "") return false;
    if (Array.isArray(value)) return value.length > 0;
    return true;
  });
}

/**
 * What the server's query needs from the URL state: sort, direction, limit and the keyset cursor
 * with its direction (`before` reads backwards from the cursor; return those rows in display order).
 */
export function pageRequest(params: {
  sort: string;
  dir: SortDir;
  size: number;
  after: string | null;
  before: string | null;
}) {
  const backward = !params.after && !!params.before;
  return {
    sort: params.sort,
    dir: params.dir,
    limit: params.size,
    cursor: params.after ?? params.before ?? null,
    backward,
  };
}
