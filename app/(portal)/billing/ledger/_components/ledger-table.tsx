"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DataTable, dataTableColumns } from "@/components/ui/data-table/data-table";
import type { TablePage } from "@/components/ui/data-table/table-params";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LEDGER_OPERATION_VALUES } from "@/lib/schemas/billing";
import { ledgerTable } from "./ledger-table-params";

export type LedgerTableRow = {
  id: string;
  date: string;
  operation: string;
  domain: { label: string; href: string } | null;
  actor: string;
  amount: string;
  debit: boolean;
  balance: string;
};

const col = dataTableColumns<LedgerTableRow>();

/** The ledger as a DataTable: filters in the toolbar (URL state), keyset pages from the server. */
export function LedgerTable({
  page,
  fieldErrors,
}: {
  page: TablePage<LedgerTableRow>;
  fieldErrors: Record<string, string>;
}) {
  const t = useTranslations("billing.ledger");
  const columns = [
    col.accessor("date", { header: t("date"), meta: { className: "whitespace-nowrap" } }),
    col.accessor("operation", { header: t("operation") }),
    col.accessor("domain", {
      header: t("domain"),
      cell: (c) => {
        const d = c.getValue();
        return d ? <Link href={d.href}>{d.label}</Link> : null;
      },
    }),
    col.accessor("actor", { header: t("actor"), meta: { className: "break-all" } }),
    col.accessor("amount", {
      header: t("amount"),
      cell: (c) => (
        <span className={c.row.original.debit ? "text-danger" : undefined}>{c.getValue()}</span>
      ),
      meta: { className: "text-right whitespace-nowrap tabular-nums" },
    }),
    col.accessor("balance", {
      header: t("balanceAfter"),
      meta: { className: "text-right whitespace-nowrap tabular-nums" },
    }),
  ];
  return (
    <DataTable
      table={ledgerTable}
      columns={columns}
      page={page}
      caption={t("title")}
      getRowId={(row) => row.id}
      empty={<p className="p-6 text-center text-muted">{t("empty")}</p>}
      toolbar={(api) => (
        <>
          <form
            key={`${api.state.from}|${api.state.to}|${api.state.domain}`}
            aria-label={t("filters")}
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              const text = (name: string) => String(data.get(name) ?? "").trim() || null;
              api.setFilters({ from: text("from"), to: text("to"), domain: text("domain") });
            }}
          >
            <Input
              type="date"
              name="from"
              label={t("from")}
              defaultValue={api.state.from}
              error={fieldErrors.from}
            />
            <Input
              type="date"
              name="to"
              label={t("to")}
              defaultValue={api.state.to}
              error={fieldErrors.to}
            />
            <Input
              name="domain"
              label={t("domain")}
              defaultValue={api.state.domain}
              error={fieldErrors.domain}
            />
            <Button type="submit">{t("apply")}</Button>
          </form>
          <div className="flex flex-col gap-1">
            <label htmlFor="ledger-operation" className="text-sm font-medium text-zinc-800">
              {t("operation")}
            </label>
            <Select
              id="ledger-operation"
              value={api.state.operation ?? "all"}
              onValueChange={(value) =>
                api.setFilters({
                  operation:
                    value === "all" ? null : (value as (typeof LEDGER_OPERATION_VALUES)[number]),
                })
              }
              options={[
                { value: "all", label: t("allOperations") },
                ...LEDGER_OPERATION_VALUES.map((op) => ({
                  value: op,
                  label: t(`operations.${op}`),
                })),
              ]}
              className="min-w-48"
            />
          </div>
          {api.filtered ? (
            <Button variant="ghost" onClick={api.clearFilters}>
              {t("clear")}
            </Button>
          ) : null}
        </>
      )}
    />
  );
}
