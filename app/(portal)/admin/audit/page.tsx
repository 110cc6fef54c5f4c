import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listAuditActors, listAuditEvents, listAuditVocabulary } from "@/lib/registry/accounts";
import { auditFilterSchema, auditPageSchema, toAuditFilter } from "@/lib/schemas/admin";
import { AuditChangeList } from "./_components/audit-change";
import { AuditFilters } from "./_components/audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The URL parameters as one value each; ones that do not parse are dropped, not an error page. */
function parseParams(raw: Record<string, string | string[] | undefined>) {
  const single = Object.fromEntries(
    Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : [])),
  );
  const whole = auditPageSchema.safeParse(single);
  if (whole.success) return whole.data;
  const kept = Object.fromEntries(
    Object.entries(single).filter(([k, v]) => auditPageSchema.shape[k as keyof typeof auditPageSchema.shape]?.safeParse(v).success),
  );
  return auditPageSchema.parse(kept);
}

// Every event of the account: when, who (user or service user), from which address, operation,
// object, outcome (done, or refused with its code) and the change before → after; filters in the
// URL, keyset pages, and the same filter as CSV (./export). Secrets are never shown (the core).
export default async function AuditPage({ searchParams }: Props) {
  const actor = await guardPage("account.audit");
  const ctx = coreContext(actor);
  const params = parseParams(await searchParams);
  const filter = toAuditFilter(params);
  const [t, locale, page, actors, vocabulary] = await Promise.all([
    getTranslations("admin.audit"),
    getLocale() as Promise<Locale>,
    listAuditEvents(ctx, { ...filter, cursor: params.cursor, before: params.before, limit: 50 }).catch(() =>
      listAuditEvents(ctx, { limit: 50 }),
    ),
    listAuditActors(ctx),
    listAuditVocabulary(ctx),
  ]);
  const filterQuery = new URLSearchParams(
    Object.entries(auditFilterSchema.parse({ ...params, cursor: undefined, before: undefined })).flatMap(([k, v]) =>
      typeof v === "string" && v ? [[k, v]] : [],
    ),
  );
  const withCursor = (key: "cursor" | "before", value: string) => {
    const q = new URLSearchParams(filterQuery);
    q.set(key, value);
    return `/admin/audit?${q.toString()}`;
  };
  const exportHref = `/admin/audit/export${filterQuery.size ? `?${filterQuery.toString()}` : ""}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a
            href={exportHref}
            className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-zinc-900 hover:bg-zinc-50"
          >
            {t("export")}
          </a>
        }
      />
      <AuditFilters
        values={{
          actor: params.actor ?? "",
          operation: params.operation ?? "",
          objectType: params.objectType ?? "",
          object: params.object ?? "",
          outcome: params.outcome ?? "",
          from: params.from ?? "",
          to: params.to ?? "",
        }}
        actors={actors.map((a) => ({ value: a.id, label: a.label }))}
        operations={vocabulary.operations}
        objectTypes={vocabulary.objectTypes}
      />
      {page.events.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table caption={t("tableCaption")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("when")}</TableHeaderCell>
              <TableHeaderCell>{t("who")}</TableHeaderCell>
              <TableHeaderCell>{t("address")}</TableHeaderCell>
              <TableHeaderCell>{t("operation")}</TableHeaderCell>
              <TableHeaderCell>{t("object")}</TableHeaderCell>
              <TableHeaderCell>{t("outcome")}</TableHeaderCell>
              <TableHeaderCell>{t("change")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.events.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(e.at, locale)}</TableCell>
                <TableCell>
                  <span className="break-all">{e.actorLabel}</span>
                  <span className="block text-xs text-muted">{t(`actorKinds.${e.actorKind as "PORTAL"}`)}</span>
                </TableCell>
                <TableCell className="font-mono text-xs">{e.ip ?? "—"}</TableCell>
                <TableCell className="font-mono text-xs">{e.operation}</TableCell>
                <TableCell>
                  <span className="break-all">{e.objectLabel ?? e.objectId ?? "—"}</span>
                  <span className="block text-xs text-muted">{e.objectType}</span>
                </TableCell>
                <TableCell>
                  {e.outcome === "SUCCESS" ? (
                    <Badge tone="success">{t("done")}</Badge>
                  ) : (
                    <Badge tone="danger">{t("refusedWith", { code: e.errorCode ?? "?" })}</Badge>
                  )}
                </TableCell>
                <TableCell>
                  <AuditChangeList changes={e.changes} locale={locale} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex justify-between gap-2 text-sm">
        {page.prevCursor ? (
          <Link href={withCursor("before", page.prevCursor)} className="text-accent-700 hover:underline">
            ← {t("newer")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={withCursor("cursor", page.nextCursor)} className="text-accent-700 hover:underline">
            {t("older")} →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
