import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { isRegistryError } from "@/lib/registry/errors";
import { listOperatorAudit } from "@/lib/registry/operator";
import { type AuditSearch, auditFilter, auditQuery } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale, search] = await Promise.all([getTranslations("operator.audit"), getLocale() as Promise<Locale>, searchParams]);
  const filter = auditFilter(search);
  const page = await listOperatorAudit(ctx, { ...filter, limit: 50 }).catch((error: unknown) => {
    if (isRegistryError(error, "VALIDATION_FAILED")) return { events: [], nextCursor: null };
    throw error;
  });
  const value = (k: string) => (typeof search[k] === "string" ? (search[k] as string) : "");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <form method="get" className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-3" aria-label={t("filters")}>
        <Input label={t("operator")} name="operator" defaultValue={value("operator")} />
        <Input label={t("operation")} name="operation" defaultValue={value("operation")} hint={t("operationHint")} />
        <Input label={t("object")} name="object" defaultValue={value("object")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-outcome" className="text-sm font-medium text-zinc-800">
            {t("outcome")}
          </label>
          <select id="audit-outcome" name="outcome" defaultValue={value("outcome")} className="h-10 rounded-md border border-zinc-300 bg-surface px-3 text-sm">
            <option value="">{t("anyOutcome")}</option>
            <option value="SUCCESS">{t("outcomes.SUCCESS")}</option>
            <option value="REFUSED">{t("outcomes.REFUSED")}</option>
          </select>
        </div>
        <Input label={t("from")} name="from" type="date" defaultValue={value("from")} />
        <Input label={t("to")} name="to" type="date" defaultValue={value("to")} />
        <div className="flex items-end gap-3 sm:col-span-3">
          <Button type="submit">{t("apply")}</Button>
          <a href={`/operator/audit/export?${auditQuery(search)}`} download className="text-sm">
            {t("downloadCsv")}
          </a>
        </div>
      </form>
      {page.events.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("caption")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("when")}</TableHeaderCell>
              <TableHeaderCell>{t("operator")}</TableHeaderCell>
              <TableHeaderCell>{t("operation")}</TableHeaderCell>
              <TableHeaderCell>{t("object")}</TableHeaderCell>
              <TableHeaderCell>{t("registrar")}</TableHeaderCell>
              <TableHeaderCell>{t("outcome")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.events.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{formatDateTime(e.at, locale)}</TableCell>
                <TableCell>{e.operator}</TableCell>
                <TableCell>
                  <code>{e.operation}</code>
                </TableCell>
                <TableCell>{e.objectLabel ?? "—"}</TableCell>
                <TableCell>{e.account ?? "—"}</TableCell>
                <TableCell>
                  {t(`outcomes.${e.outcome}`)}
                  {e.errorCode ? ` (${e.errorCode})` : ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page.nextCursor ? (
        <Link href={`/operator/audit?${auditQuery(search, { cursor: page.nextCursor })}`}>{t("older")}</Link>
      ) : null}
    </div>
  );
}
