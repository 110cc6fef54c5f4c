"use client";

import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
} from "@tanstack/react-table";
import {
  ArrowDownIcon,
  ArrowUpIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsUpDownIcon,
  SearchXIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import type { ParserMap } from "nuqs";
import { useId, useMemo, useState, type ReactNode } from "react";
import { Alert } from "../alert";
import { Button } from "../button";
import { EmptyState } from "../empty-state";
import { Skeleton } from "../skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "../table";
import {
  ariaSort,
  PAGE_SIZES,
  type PageSize,
  type TableDefinition,
  type TablePage,
} from "./table-params";
import { useTableState, type TableStateApi } from "./use-table-state";

// A DataTable (issue 12) on @tanstack/react-table in manual mode: the server sorts, filters and
// pages (keyset); the state lives in the URL (table-params.ts). Columns are defined in a client
// component of the page (cells are functions):
//   const col = dataTableColumns<DomainRow>();
//   const columns = [col.accessor("name", { header: t("name"), enableSorting: true, meta: { label: t("name") } }), …];
// Sortable headers are buttons with aria-sort on the <th>; row selection (checkboxes labelled per
// row) appears when bulkActions is given; empty, no-results, loading and error states built in.

export type DataTableColumnMeta = {
  /** The column's name as text (header may be a node); used in "Sort by …". */
  label?: string;
  /** Classes for this column's cells, e.g. "text-right tabular-nums". */
  className?: string;
};

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnMeta: {} as DataTableColumnMeta,
});
type Features = typeof dataTableFeatures;

/** The column helper for a DataTable's rows. Keep the columns in a module constant or useMemo. */
export function dataTableColumns<T extends RowData>() {
  return createColumnHelper<Features, T>();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types
export type DataTableColumn<T extends RowData> = ColumnDef<Features, T, any>;

export type DataTableProps<T extends RowData, S extends string, F extends ParserMap> = {
  table: TableDefinition<S, F>;
  columns: readonly DataTableColumn<T>[];
  /** This page's rows from the server; null while there is none (with `error`). */
  page: TablePage<T> | null;
  /** The table's accessible name (visually hidden unless captionVisible). */
  caption: string;
  captionVisible?: boolean;
  getRowId: (row: T) => string;
  /** The row's name for its checkbox: "Select example.dk". Required with bulkActions. */
  rowLabel?: (row: T) => string;
  /** Turns on row selection: the bar shown while rows are selected ("3 selected" + these). */
  bulkActions?: (selectedIds: string[], clear: () => void) => ReactNode;
  /** Filters above the table; they change the URL through the given state API. */
  toolbar?: (api: TableStateApi<S, F>) => ReactNode;
  /** Shown when there are no rows and no filter is set (what belongs here, how to add one). */
  empty?: ReactNode;
  /** A message when the page could not be loaded (the server's refusal, translated). */
  error?: string | null;
};

export function DataTable<T extends RowData, S extends string, F extends ParserMap>({
  table: definition,
  columns,
  page,
  caption,
  captionVisible,
  getRowId,
  rowLabel,
  bulkActions,
  toolbar,
  empty,
  error,
}: DataTableProps<T, S, F>) {
  const t = useTranslations("ui.table");
  const api = useTableState(definition);
  const { state, pending, filtered } = api;
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const selectable = !!bulkActions;
  const sizeId = useId();
  const sortState = state as unknown as { sort: string; dir: "asc" | "desc"; size: PageSize };
  const rows = useMemo(() => [...(page?.rows ?? [])], [page]);
  const clearSelection = () => setRowSelection({});

  const table = useTable({
    features: dataTableFeatures,
    columns: columns as DataTableColumn<T>[],
    data: rows,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSortingRemoval: false,
    enableSorting: false, // per column: enableSorting: true (and listed in the definition's sort)
    state: {
      sorting: [{ id: sortState.sort, desc: sortState.dir === "desc" }],
      rowSelection,
    },
    onSortingChange: () => {},
    onRowSelectionChange: setRowSelection,
    enableRowSelection: selectable,
  });

  // Any navigation clears the selection: ids on another page or ordering are not what was seen.
  const navigate = {
    sort: (column: S) => {
      clearSelection();
      api.toggleSort(column);
    },
    size: (size: PageSize) => {
      clearSelection();
      api.setSize(size);
    },
    page: (direction: "next" | "previous", cursor: string) => {
      clearSelection();
      api.goTo(direction, cursor);
    },
  };
  const toolbarApi: TableStateApi<S, F> = {
    ...api,
    setFilters: (patch, options) => {
      clearSelection();
      api.setFilters(patch, options);
    },
    clearFilters: () => {
      clearSelection();
      api.clearFilters();
    },
  };

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const columnCount = columns.length + (selectable ? 1 : 0);
  const noRows = !!page && page.rows.length === 0;

  return (
    <div className="flex flex-col gap-3">
      {toolbar ? <div className="flex flex-wrap items-end gap-3">{toolbar(toolbarApi)}</div> : null}

      {selectable && selectedIds.length > 0 ? (
        <div
          role="region"
          aria-label={t("selected", { count: selectedIds.length })}
          className="flex flex-wrap items-center gap-3 rounded-md border border-accent-200 bg-accent-50 px-4 py-2 text-sm"
        >
          <span className="font-medium text-accent-800">
            {t("selected", { count: selectedIds.length })}
          </span>
          <div className="flex flex-wrap items-center gap-2">
            {bulkActions(selectedIds, clearSelection)}
          </div>
          <Button variant="ghost" size="sm" className="ml-auto" onClick={clearSelection}>
            {t("clearSelection")}
          </Button>
        </div>
      ) : null}

      {error ? (
        <Alert tone="danger" live title={t("loadFailed")}>
          {error}
        </Alert>
      ) : null}

      {page ? (
        <Table caption={caption} captionVisible={captionVisible} aria-busy={pending || undefined}>
          <TableHead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {selectable ? (
                  <TableHeaderCell className="w-10">
                    <input
                      type="checkbox"
                      aria-label={t("selectAll")}
                      className="size-4 accent-accent-600"
                      checked={table.getIsAllPageRowsSelected()}
                      ref={(el) => {
                        if (el)
                          el.indeterminate =
                            table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
                      }}
                      onChange={(e) => table.toggleAllPageRowsSelected(e.target.checked)}
                      disabled={noRows}
                    />
                  </TableHeaderCell>
                ) : null}
                {group.headers.map((header) => {
                  const id = header.column.id;
                  const sortable =
                    header.column.columnDef.enableSorting === true &&
                    (definition.sortable as readonly string[]).includes(id);
                  const sort = ariaSort(id, sortable, sortState);
                  const meta = header.column.columnDef.meta;
                  return (
                    <TableHeaderCell key={header.id} aria-sort={sort} className={meta?.className}>
                      {header.isPlaceholder ? null : sortable ? (
                        <button
                          type="button"
                          onClick={() => navigate.sort(id as S)}
                          className="-mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 tracking-wide uppercase hover:text-zinc-900"
                        >
                          <table.FlexRender header={header} />
                          {sort === "ascending" ? (
                            <ArrowUpIcon aria-hidden="true" className="size-3.5" />
                          ) : sort === "descending" ? (
                            <ArrowDownIcon aria-hidden="true" className="size-3.5" />
                          ) : (
                            <ChevronsUpDownIcon
                              aria-hidden="true"
                              className="size-3.5 opacity-60"
                            />
                          )}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </TableHeaderCell>
                  );
                })}
              </tr>
            ))}
          </TableHead>
          <TableBody>
            {pending
              ? Array.from({ length: Math.min(Math.max(rows.length, 3), 10) }, (_, r) => (
                  <tr key={`skeleton-${r}`} aria-hidden="true">
                    {Array.from({ length: columnCount }, (_, c) => (
                      <td key={c} className="px-4 py-3">
                        <Skeleton className="h-4" />
                      </td>
                    ))}
                  </tr>
                ))
              : table.getRowModel().rows.map((row) => (
                  <TableRow
                    key={row.id}
                    data-selected={row.getIsSelected() || undefined}
                    className="data-[selected]:bg-accent-50"
                  >
                    {selectable ? (
                      <TableCell className="w-10">
                        <input
                          type="checkbox"
                          aria-label={t("selectRow", {
                            name: rowLabel ? rowLabel(row.original) : row.id,
                          })}
                          className="size-4 accent-accent-600"
                          checked={row.getIsSelected()}
                          disabled={!row.getCanSelect()}
                          onChange={row.getToggleSelectedHandler()}
                        />
                      </TableCell>
                    ) : null}
                    {row.getAllCells().map((cell) => (
                      <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                        <table.FlexRender cell={cell} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
            {noRows && !pending ? (
              <tr>
                <td colSpan={columnCount}>
                  {filtered ? (
                    <EmptyState
                      icon={SearchXIcon}
                      title={t("noResults")}
                      description={t("noResultsDescription")}
                      action={
                        <Button variant="secondary" size="sm" onClick={toolbarApi.clearFilters}>
                          {t("clearFilters")}
                        </Button>
                      }
                    />
                  ) : (
                    (empty ?? <EmptyState title={t("empty")} />)
                  )}
                </td>
              </tr>
            ) : null}
          </TableBody>
        </Table>
      ) : null}

      {pending ? (
        <span role="status" className="sr-only">
          {t("loading")}
        </span>
      ) : null}

      {page ? (
        <div className="flex flex-col gap-3 text-sm sm:flex-row sm:items-center sm:justify-between">
          <p className="text-muted">{t("total", { count: page.total })}</p>
          <div className="flex flex-wrap items-center gap-3">
            <div className="flex items-center gap-2">
              <label htmlFor={sizeId} className="text-muted">
                {t("rowsPerPage")}
              </label>
              <select
                id={sizeId}
                value={sortState.size}
                onChange={(e) => navigate.size(Number(e.target.value) as PageSize)}
                className="h-8 rounded-md border border-zinc-300 bg-surface px-2 text-sm"
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </div>
            <nav aria-label={t("pagination")} className="flex items-center gap-2">
              <Button
                variant="secondary"
                size="sm"
                disabled={!page.prevCursor || pending}
                onClick={() => page.prevCursor && navigate.page("previous", page.prevCursor)}
              >
                <ChevronLeftIcon aria-hidden="true" className="size-4" />
                {t("previous")}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={!page.nextCursor || pending}
                onClick={() => page.nextCursor && navigate.page("next", page.nextCursor)}
              >
                {t("next")}
                <ChevronRightIcon aria-hidden="true" className="size-4" />
              </Button>
            </nav>
          </div>
        </div>
      ) : null}
    </div>
  );
}
