"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, dataTableColumns } from "@/components/ui/data-table/data-table";
import type { TablePage } from "@/components/ui/data-table/table-params";
import type { TableStateApi } from "@/components/ui/data-table/use-table-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type auditFilters, auditTable } from "./audit-table-params";

export type AuditRow = {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  ip: string;
  operation: string;
  object: string;
  objectType: string;
  outcome: "SUCCESS" | "REFUSED";
  errorCode: string | null;
  changes: { path: string; before: string; after: string }[];
};

type Option = { value: string; label: string };
const ANY = "any";
const col = dataTableColumns<AuditRow>();

export function AuditTable({
  page,
  error,
  actors,
  operations,
  objectTypes,
}: {
  page: TablePage<AuditRow> | null;
  error: string | null;
  actors: Option[];
  operations: string[];
  objectTypes: string[];
}) {
  const t = useTranslations("admin.audit");
  const columns = useMemo(
    () => [
      col.accessor("at", { header: t("when"), meta: { label: t("when") } }),
      col.accessor("actor", {
        header: t("who"),
        cell: (c) => (
          <>
            <span className="break-all">{c.row.original.actor}</span>
            <span className="block text-xs text-muted">{c.row.original.actorKind}</span>
          </>
        ),
      }),
      col.accessor("ip", { header: t("address"), meta: { className: "font-mono text-xs" } }),
      col.accessor("operation", { header: t("operation"), meta: { className: "font-mono text-xs break-all" } }),
      col.accessor("object", {
        header: t("object"),
        cell: (c) => (
          <>
            <span className="break-all">{c.row.original.object}</span>
            <span className="block text-xs text-muted">{c.row.original.objectType}</span>
          </>
        ),
      }),
      col.accessor("outcome", {
        header: t("outcome"),
        cell: (c) =>
          c.row.original.outcome === "SUCCESS" ? (
            <Badge tone="success">{t("done")}</Badge>
          ) : (
            <Badge tone="danger" className="whitespace-normal break-all">
              {t("refusedWith", { code: c.row.original.errorCode ?? "?" })}
            </Badge>
          ),
      }),
      col.accessor("changes", {
        header: t("change"),
        cell: (c) =>
          c.row.original.changes.length === 0 ? (
            <span className="text-muted">{t("noChange")}</span>
          ) : (
            <ul className="flex flex-col gap-0.5 text-xs">
              {c.row.original.changes.map((change) => (
                <li key={change.path} className="break-all">
                  {change.path ? <span className="font-medium">{change.path}: </span> : null}
                  <span className="text-red-800">{change.before}</span>
                  {" → "}
                  <span className="text-green-800">{change.after}</span>
                </li>
              ))}
            </ul>
          ),
      }),
    ],
    [t],
  );
  return (
    <DataTable
      table={auditTable}
      columns={columns}
      page={page}
      error={error}
      caption={t("tableCaption")}
      getRowId={(row) => row.id}
      toolbar={(api) => <AuditFilters api={api} actors={actors} operations={operations} objectTypes={objectTypes} />}
      empty={t("empty")}
    />
  );
}

type Api = TableStateApi<"at", typeof auditFilters>;

/** The filters: chosen together and applied with "Filter" (each change would reload the page). */
function AuditFilters({
  api,
  actors,
  operations,
  objectTypes,
}: {
  api: Api;
  actors: Option[];
  operations: string[];
  objectTypes: string[];
}) {
  const t = useTranslations("admin.audit");
  const id = useId();
  const state = api.state;
  const [values, setValues] = useState({
    actor: state.actor ?? ANY,
    operation: state.operation ?? ANY,
    objectType: state.objectType ?? ANY,
    object: state.object ?? "",
    outcome: state.outcome ?? ANY,
    from: state.from ?? "",
    to: state.to ?? "",
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const prefixes = [...new Set(operations.map((o) => o.split(".")[0]!))];
  const selects: { key: "actor" | "operation" | "objectType" | "outcome"; label: string; options: Option[] }[] = [
    { key: "actor", label: t("actor"), options: [{ value: ANY, label: t("anyActor") }, ...actors] },
    {
      key: "operation",
      label: t("operation"),
      options: [
        { value: ANY, label: t("anyOperation") },
        ...prefixes.map((p) => ({ value: `${p}.`, label: t("allOf", { prefix: p }) })),
        ...operations.map((o) => ({ value: o, label: o })),
      ],
    },
    {
      key: "objectType",
      label: t("objectType"),
      options: [{ value: ANY, label: t("anyObjectType") }, ...objectTypes.map((o) => ({ value: o, label: o }))],
    },
    {
      key: "outcome",
      label: t("outcome"),
      options: [
        { value: ANY, label: t("anyOutcome") },
        { value: "SUCCESS", label: t("outcomes.SUCCESS") },
        { value: "REFUSED", label: t("outcomes.REFUSED") },
      ],
    },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = (v: string) => (v === ANY || v.trim() === "" ? null : v.trim());
    api.setFilters({
      actor: value(values.actor),
      operation: value(values.operation),
      objectType: value(values.objectType),
      object: value(values.object),
      outcome: value(values.outcome) as "SUCCESS" | "REFUSED" | null,
      from: value(values.from),
      to: value(values.to),
    });
  };
  return (
    <form onSubmit={submit} aria-label={t("filters")} className="flex w-full flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {selects.map((s) => (
          <div key={s.key} className="flex flex-col gap-1">
            <label htmlFor={`${id}-${s.key}`} className="text-sm font-medium text-zinc-800">
              {s.label}
            </label>
            <Select id={`${id}-${s.key}`} options={s.options} value={values[s.key]} onValueChange={set(s.key)} />
          </div>
        ))}
        <Input label={t("object")} hint={t("objectHint")} value={values.object} onChange={(e) => set("object")(e.target.value)} />
        <Input type="date" label={t("from")} value={values.from} onChange={(e) => set("from")(e.target.value)} />
        <Input type="date" label={t("to")} value={values.to} onChange={(e) => set("to")(e.target.value)} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={api.pending}>
          {t("apply")}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setValues({ actor: ANY, operation: ANY, objectType: ANY, object: "", outcome: ANY, from: "", to: "" });
            api.clearFilters();
          }}
        >
          {t("clear")}
        </Button>
      </div>
    </form>
  );
}
