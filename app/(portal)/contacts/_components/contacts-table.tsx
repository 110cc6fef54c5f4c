"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, dataTableColumns } from "@/components/ui/data-table/data-table";
import type { TablePage } from "@/components/ui/data-table/table-params";
import type { TableStateApi } from "@/components/ui/data-table/use-table-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CONTACT_TYPES, type ContactType } from "@/lib/schemas/contacts";
import { type contactsFilters, contactsTable } from "./contacts-table-params";

export type ContactRow = {
  handle: string;
  name: string;
  organisation: string | null;
  type: ContactType;
  email: string;
  phone: string | null;
  city: string;
  managementModel: "REGISTRAR" | "REGISTRANT";
};

const ALL = "all";

export function ContactsTable({ page }: { page: TablePage<ContactRow> }) {
  const t = useTranslations("contacts");
  const columns = useMemo(() => {
    const col = dataTableColumns<ContactRow>();
    return [
      col.accessor("handle", {
        header: t("columns.handle"),
        enableSorting: true,
        meta: { label: t("columns.handle") },
        cell: (info) => (
          <Link href={`/contacts/${info.getValue()}`} className="font-medium text-accent-700">
            {info.getValue()}
          </Link>
        ),
      }),
      col.accessor("name", {
        header: t("columns.name"),
        enableSorting: true,
        meta: { label: t("columns.name") },
        cell: (info) => (
          <span className="flex flex-col">
            <span>{info.getValue()}</span>
            {info.row.original.organisation ? (
              <span className="text-xs text-muted">{info.row.original.organisation}</span>
            ) : null}
          </span>
        ),
      }),
      col.accessor("type", {
        header: t("columns.type"),
        cell: (info) => (
          <span className="flex flex-wrap items-center gap-1">
            {t(`types.${info.getValue()}`)}
            {info.row.original.managementModel === "REGISTRANT" ? (
              <Badge tone="neutral">{t("management.REGISTRANT")}</Badge>
            ) : null}
          </span>
        ),
      }),
      col.accessor("email", { header: t("columns.email") }),
      col.accessor("phone", {
        header: t("columns.phone"),
        meta: { className: "tabular-nums" },
        cell: (info) => info.getValue() ?? "",
      }),
      col.accessor("city", { header: t("columns.city") }),
    ];
  }, [t]);

  return (
    <DataTable
      table={contactsTable}
      columns={columns}
      page={page}
      caption={t("title")}
      getRowId={(row) => row.handle}
      toolbar={(api) => <Toolbar api={api} />}
    />
  );
}

type ToolbarApi = TableStateApi<"name" | "handle", typeof contactsFilters>;

function Toolbar({ api }: { api: ToolbarApi }) {
  const t = useTranslations("contacts");
  const [search, setSearch] = useState(api.state.q);
  return (
    <>
      <form
        role="search"
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          api.setFilters({ q: search.trim() || null });
        }}
      >
        <Input
          type="search"
          label={t("search")}
          hint={t("searchHint")}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="w-72"
        />
        <Button type="submit" variant="secondary" className="mb-5">
          {t("searchButton")}
        </Button>
      </form>
      <div className="mb-5 flex flex-col gap-1">
        <label htmlFor="contacts-type" className="text-sm font-medium text-zinc-800">
          {t("typeFilter")}
        </label>
        <Select
          id="contacts-type"
          value={api.state.type ?? ALL}
          onValueChange={(value) =>
            api.setFilters({ type: value === ALL ? null : (value as ContactType) })
          }
          options={[
            { value: ALL, label: t("allTypes") },
            ...CONTACT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) })),
          ]}
          className="w-56"
        />
      </div>
    </>
  );
}
