"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Badge, domainStateTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DataTable,
  dataTableColumns,
  type DataTableColumn,
} from "@/components/ui/data-table/data-table";
import type { TablePage } from "@/components/ui/data-table/table-params";
import type { TableStateApi } from "@/components/ui/data-table/use-table-state";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  DOMAIN_STATES,
  domainsTable,
  EXPIRES_WITHIN,
  MANAGEMENT_MODELS,
  RENEWAL_POLICIES,
} from "./domains-table-params";
import { useRenewColumn } from "./renew-column";

export type DomainTableRow = {
  id: string;
  name: string;
  uLabel: string;
  state: string;
  /** Already formatted in the reader's language. */
  expiry: string | null;
  renewalPolicy: string;
  managementModel: string;
  registrant: string;
  /** The expiry date as stored (YYYY-MM-DD): what "Renew" sends as curExpDate. */
  exDate?: string | null;
};

const col = dataTableColumns<DomainTableRow>();
const ANY = "any";

type Api = TableStateApi<
  (typeof domainsTable.sortable)[number],
  Omit<typeof domainsTable.parsers, "sort" | "dir" | "size" | "after" | "before">
>;

function useColumns(): DataTableColumn<DomainTableRow>[] {
  const t = useTranslations("domains");
  return [
    col.accessor("uLabel", {
      id: "name",
      header: t("columns.domain"),
      enableSorting: true,
      meta: { label: t("columns.domain") },
      cell: ({ row }) => {
        const d = row.original;
        return (
          <span className="flex flex-col">
            <Link href={`/domains/${encodeURIComponent(d.uLabel)}`} className="font-medium text-accent-700">
              {d.uLabel}
            </Link>
            {d.uLabel !== d.name ? (
              <span className="text-xs text-muted">{t("aLabel", { aLabel: d.name })}</span>
            ) : null}
          </span>
        );
      },
    }),
    col.accessor("state", {
      header: t("columns.state"),
      cell: ({ getValue }) => (
        <Badge tone={domainStateTone(getValue())}>{t(`state.${getValue() as "ACTIVE"}`)}</Badge>
      ),
    }),
    col.accessor("expiry", {
      id: "expiry",
      header: t("columns.expiry"),
      enableSorting: true,
      meta: { label: t("columns.expiry"), className: "whitespace-nowrap tabular-nums" },
      cell: ({ getValue }) => getValue() ?? t("noDate"),
    }),
    col.accessor("renewalPolicy", {
      header: t("columns.renewal"),
      cell: ({ getValue }) => t(`renewal.${getValue() as "AUTO_RENEW"}`),
    }),
    col.accessor("managementModel", {
      header: t("columns.management"),
      cell: ({ getValue }) => t(`management.${getValue() as "REGISTRAR"}`),
    }),
    col.accessor("registrant", {
      header: t("columns.registrant"),
      meta: { className: "whitespace-nowrap" },
    }),
  ];
}

/** A Radix Select with its visible label; "any" clears the filter. */
function FilterSelect({
  label,
  value,
  options,
  onChange,
  allowAny = true,
}: {
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
  allowAny?: boolean;
}) {
  const t = useTranslations("domains");
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <Select
        id={id}
        value={value ?? ANY}
        onValueChange={(v) => onChange(v === ANY ? null : v)}
        options={allowAny ? [{ value: ANY, label: t("filters.any") }, ...options] : options}
        className="min-w-40"
      />
    </div>
  );
}

function Toolbar({ api }: { api: Api }) {
  const t = useTranslations("domains");
  const { state } = api;
  const [search, setSearch] = useState(state.q);
  const [registrant, setRegistrant] = useState(state.registrant);
  const [from, setFrom] = useState(state.from);
  const [to, setTo] = useState(state.to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api.setFilters({ q: search.trim() || null, registrant: registrant.trim() || null, from: from || null, to: to || null });
  };
  return (
    <div className="flex w-full flex-col gap-3">
      <form role="search" onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Input
            label={t("search.label")}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("search.placeholder")}
            autoComplete="off"
          />
        </div>
        <FilterSelect
          label={t("search.match")}
          value={state.match === "contains" ? "contains" : "prefix"}
          allowAny={false}
          options={[
            { value: "prefix", label: t("search.prefix") },
            { value: "contains", label: t("search.contains") },
          ]}
          onChange={(v) => api.setFilters({ match: v === "contains" ? "contains" : null })}
        />
        <Input
          label={t("filters.registrant")}
          value={registrant}
          onChange={(e) => setRegistrant(e.target.value)}
          autoComplete="off"
          className="w-36"
        />
        <Input label={t("filters.from")} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Input label={t("filters.to")} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" variant="primary">
          {t("search.submit")}
        </Button>
      </form>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <FilterSelect
          label={t("filters.state")}
          value={state.state}
          options={DOMAIN_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          onChange={(v) => api.setFilters({ state: v as (typeof DOMAIN_STATES)[number] | null })}
        />
        <FilterSelect
          label={t("filters.renewal")}
          value={state.renewal}
          options={RENEWAL_POLICIES.map((s) => ({ value: s, label: t(`renewal.${s}`) }))}
          onChange={(v) => api.setFilters({ renewal: v as (typeof RENEWAL_POLICIES)[number] | null })}
        />
        <FilterSelect
          label={t("filters.management")}
          value={state.management}
          options={MANAGEMENT_MODELS.map((s) => ({ value: s, label: t(`management.${s}`) }))}
          onChange={(v) => api.setFilters({ management: v as (typeof MANAGEMENT_MODELS)[number] | null })}
        />
        <FilterSelect
          label={t("filters.expires")}
          value={state.expires === null ? null : String(state.expires)}
          options={EXPIRES_WITHIN.map((d) => ({ value: String(d), label: t("filters.days", { days: d }) }))}
          onChange={(v) => api.setFilters({ expires: v === null ? null : (Number(v) as 30 | 60 | 90) })}
        />
        <FilterSelect
          label={t("sort.label")}
          value={state.sort}
          allowAny={false}
          options={domainsTable.sortable.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
          onChange={(v) => {
            if (v && v !== state.sort) api.toggleSort(v as (typeof domainsTable.sortable)[number]);
          }}
        />
        {api.filtered ? (
          <Button
            variant="ghost"
            onClick={() => {
              setSearch("");
              setRegistrant("");
              setFrom("");
              setTo("");
              api.clearFilters();
            }}
          >
            {t("filters.clear")}
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}

export function DomainsTable({ page, canRenew = false }: { page: TablePage<DomainTableRow>; canRenew?: boolean }) {
  const t = useTranslations("domains");
  const columns = useColumns();
  const renewColumn = useRenewColumn(canRenew);
  return (
    <DataTable
      table={domainsTable}
      columns={renewColumn ? [...columns, renewColumn] : columns}
      page={page}
      caption={t("tableCaption")}
      getRowId={(row) => row.id}
      toolbar={(api) => (
        // remounted when the URL's text filters change (e.g. "Clear filters" below the table), so
        // the inputs show what the list is filtered by
        <Toolbar
          key={JSON.stringify([api.state.q, api.state.registrant, api.state.from, api.state.to])}
          api={api as unknown as Api}
        />
      )}
      empty={<EmptyState title={t("empty.title")} description={t("empty.body")} />}
    />
  );
}
