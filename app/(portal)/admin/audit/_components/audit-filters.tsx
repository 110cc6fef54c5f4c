import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input, inputClassName } from "@/components/ui/input";

type Values = Record<"actor" | "operation" | "objectType" | "object" | "outcome" | "from" | "to", string>;
type Option = { value: string; label: string };

/** A labelled native <select> for a GET filter form (works without JavaScript). */
function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: Option[] }) {
  const id = `audit-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClassName(false, "h-10 pr-8")}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The audit log's filters as a plain GET form: the filter lives in the URL (shareable, back
 * button), the page reads it on the server, and the CSV export link carries the same query.
 */
export async function AuditFilters({
  values,
  actors,
  operations,
  objectTypes,
}: {
  values: Values;
  actors: Option[];
  operations: string[];
  objectTypes: string[];
}) {
  const t = await getTranslations("admin.audit");
  const prefixes = [...new Set(operations.map((o) => o.split(".")[0]!))];
  return (
    <form method="get" action="/admin/audit" aria-label={t("filters")} className="mb-6 rounded-lg border border-border bg-surface p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect name="actor" label={t("actor")} value={values.actor} options={[{ value: "", label: t("anyActor") }, ...actors]} />
        <FilterSelect
          name="operation"
          label={t("operation")}
          value={values.operation}
          options={[
            { value: "", label: t("anyOperation") },
            ...prefixes.map((p) => ({ value: `${p}.`, label: t("allOf", { prefix: p }) })),
            ...operations.map((o) => ({ value: o, label: o })),
          ]}
        />
        <FilterSelect
          name="objectType"
          label={t("objectType")}
          value={values.objectType}
          options={[{ value: "", label: t("anyObjectType") }, ...objectTypes.map((o) => ({ value: o, label: o }))]}
        />
        <Input name="object" label={t("object")} hint={t("objectHint")} defaultValue={values.object} />
        <FilterSelect
          name="outcome"
          label={t("outcome")}
          value={values.outcome}
          options={[
            { value: "", label: t("anyOutcome") },
            { value: "SUCCESS", label: t("outcomes.SUCCESS") },
            { value: "REFUSED", label: t("outcomes.REFUSED") },
          ]}
        />
        <Input type="date" name="from" label={t("from")} defaultValue={values.from} />
        <Input type="date" name="to" label={t("to")} defaultValue={values.to} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/admin/audit" className="text-sm text-accent-700 hover:underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
