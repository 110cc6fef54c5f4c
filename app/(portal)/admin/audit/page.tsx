import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import { translateError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locales";
import { countAuditEvents, listAuditActors, listAuditEvents, listAuditVocabulary } from "@/lib/registry/accounts";
import { isRegistryError } from "@/lib/registry/errors";
import { auditFilterSchema, toAuditFilter } from "@/lib/schemas/admin";
import { AuditTable, type AuditRow } from "./_components/audit-table";
import { auditTable } from "./_components/audit-table-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

// Every event of the account: when, who (user or service user), from which address, operation,
// object, outcome (done, or refused with its code) and the change before → after; filters in the
// URL, keyset pages, and the same filter as CSV (./export). The core never shows a secret.
export default async function AuditPage({ searchParams }: Props) {
  const actor = await guardPage("account.audit");
  const ctx = coreContext(actor);
  const params = await auditTable.load(searchParams);
  const [t, locale] = await Promise.all([getTranslations("admin.audit"), getLocale() as Promise<Locale>]);
  // filters that do not parse are left out rather than failing the page
  const shape = auditFilterSchema.shape;
  const filters = Object.fromEntries(
    auditTable.filterKeys.flatMap((k) => {
      const v = params[k];
      return v !== null && v !== undefined && shape[k].safeParse(v).success ? [[k, v]] : [];
    }),
  );
  const filter = toAuditFilter(auditFilterSchema.parse(filters));
  const [actors, vocabulary] = await Promise.all([listAuditActors(ctx), listAuditVocabulary(ctx)]);
  let error: string | null = null;
  let page: Awaited<ReturnType<typeof listAuditEvents>> = { events: [], nextCursor: null, prevCursor: null };
  let total = 0;
  try {
    [page, total] = await Promise.all([
      listAuditEvents(ctx, { ...filter, cursor: params.after, before: params.before, limit: params.size }),
      countAuditEvents(ctx, filter),
    ]);
  } catch (e) {
    if (!isRegistryError(e)) throw e;
    error = translateError(e.code, e.details, locale);
  }
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return t("none");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "string") return ISO_INSTANT.test(value) ? formatDateTime(new Date(value), locale) : value;
    if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : t("none");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };
  const rows: AuditRow[] = page.events.map((e) => ({
    id: String(e.id),
    at: formatDateTime(e.at, locale),
    actor: e.actorLabel,
    actorKind: t(`actorKinds.${e.actorKind as "PORTAL"}`),
    ip: e.ip ?? "—",
    operation: e.operation,
    object: e.objectLabel ?? e.objectId ?? "—",
    objectType: e.objectType,
    outcome: e.outcome,
    errorCode: e.errorCode,
    changes: e.changes.map((c) => ({
      path: c.path,
      before: c.hasBefore ? show(c.before) : t("noChange"),
      after: c.hasAfter ? show(c.after) : t("noChange"),
    })),
  }));
  const query = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (typeof v === "string" && v ? [[k, v]] : [])),
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a
            href={`/admin/audit/export${query.size ? `?${query.toString()}` : ""}`}
            download
            className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-zinc-900 hover:bg-zinc-50"
          >
            {t("export")}
          </a>
        }
      />
      <AuditTable
        page={error ? null : { rows, total, nextCursor: page.nextCursor, prevCursor: page.prevCursor }}
        error={error}
        actors={actors.map((a) => ({ value: a.id, label: a.label }))}
        operations={vocabulary.operations}
        objectTypes={vocabulary.objectTypes}
      />
    </>
  );
}
