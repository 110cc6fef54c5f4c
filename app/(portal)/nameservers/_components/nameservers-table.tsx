"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, dataTableColumns } from "@/components/ui/data-table/data-table";
import type { TablePage } from "@/components/ui/data-table/table-params";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { nameServersTable } from "./nameservers-table-params";

export type NameServerTableRow = {
  host: string;
  glue: string[];
  nsaHandle: string;
  markedForDeletion: boolean;
  ownDomains: number;
  otherDomains: number;
};

const col = dataTableColumns<NameServerTableRow>();

export function NameServersTable({ page, createHref }: { page: TablePage<NameServerTableRow>; createHref: string }) {
  const t = useTranslations("nameservers.list");
  const columns = [
    col.accessor("host", {
      header: t("host"),
      enableSorting: true,
      meta: { label: t("host") },
      cell: ({ row }) => (
        <Link href={`/nameservers/${row.original.host}`} className="font-medium text-accent-700">
          {row.original.host}
        </Link>
      ),
    }),
    col.accessor("glue", {
      header: t("glue"),
      cell: ({ row }) =>
        row.original.glue.length ? (
          <ul className="font-mono text-xs">
            {row.original.glue.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        ) : (
          <span className="text-muted">{t("noGlue")}</span>
        ),
    }),
    col.accessor("nsaHandle", { header: t("administrator") }),
    col.accessor("ownDomains", {
      header: t("domains"),
      cell: ({ row }) => {
        const { host, ownDomains, otherDomains } = row.original;
        return (
          <span className="flex flex-col">
            {ownDomains > 0 ? (
              <Link href={`/nameservers/${host}#domains`} className="text-accent-700" aria-label={`${t("domainCount", { count: ownDomains })}: ${t("domainsOf", { host })}`}>
                {t("domainCount", { count: ownDomains })}
              </Link>
            ) : otherDomains === 0 ? (
              <span className="text-muted">{t("domainCount", { count: 0 })}</span>
            ) : null}
            {otherDomains > 0 ? <span className="text-xs text-muted">{t("otherCount", { count: otherDomains })}</span> : null}
          </span>
        );
      },
    }),
    col.accessor("markedForDeletion", {
      header: t("status"),
      cell: ({ row }) =>
        row.original.markedForDeletion ? <Badge tone="warning">{t("marked")}</Badge> : null,
    }),
  ];
  return (
    <DataTable
      table={nameServersTable}
      columns={columns}
      page={page}
      caption={t("caption")}
      getRowId={(row) => row.host}
      toolbar={(api) => <SearchBox initial={String(api.state.q ?? "")} onSearch={(q) => api.setFilters({ q: q || null })} />}
      empty={
        <EmptyState
          title={t("empty")}
          description={t("emptyDescription")}
          action={
            <Link href={createHref} className="text-accent-700">
              {t("create")}
            </Link>
          }
        />
      }
    />
  );
}

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const t = useTranslations("nameservers.list");
  const [value, setValue] = useState(initial);
  return (
    <form
      role="search"
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(value.trim());
      }}
    >
      <Input label={t("search")} hint={t("searchHint")} type="search" value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" variant="secondary">
        {t("searchButton")}
      </Button>
    </form>
  );
}
