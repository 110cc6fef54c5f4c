import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { AuditChange } from "@/lib/registry/accounts";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A readable before → after: one line per field that changed. */
export async function AuditChangeList({ changes, locale }: { changes: AuditChange[]; locale: Locale }) {
  const t = await getTranslations("admin.audit");
  if (changes.length === 0) return <span className="text-muted">{t("noChange")}</span>;
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return t("none");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "string") return ISO_INSTANT.test(value) ? formatDateTime(new Date(value), locale) : value;
    if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : t("none");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };
  return (
    <ul className="flex flex-col gap-0.5 text-xs">
      {changes.map((c) => (
        <li key={c.path} className="break-words">
          {c.path ? <span className="font-medium">{c.path}: </span> : null}
          <span className="text-red-800">{c.hasBefore ? show(c.before) : t("noChange")}</span>
          {" → "}
          <span className="text-green-800">{c.hasAfter ? show(c.after) : t("noChange")}</span>
        </li>
      ))}
    </ul>
  );
}
