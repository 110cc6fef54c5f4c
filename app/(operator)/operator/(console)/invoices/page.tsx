import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDate, formatDeadline, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listOperatorInvoices } from "@/lib/registry/operator";
import { InvoiceDecision } from "../../_components/decision-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.invoices"))("title") };
}

const STATES = ["OPEN", "PAID", "CANCELLED"] as const;

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale] = await Promise.all([getTranslations("operator.invoices"), getLocale() as Promise<Locale>]);
  const requested = (await searchParams).state;
  const state = STATES.find((s) => s === requested) ?? (requested === "ALL" ? null : "OPEN");
  const invoices = await listOperatorInvoices(ctx, { state });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <nav aria-label={t("filter")} className="flex flex-wrap gap-3 text-sm">
        {[...STATES, "ALL" as const].map((s) => (
          <Link key={s} href={`/operator/invoices?state=${s}`} aria-current={(state ?? "ALL") === s ? "page" : undefined}>
            {t(`filters.${s}`)}
          </Link>
        ))}
      </nav>
      {invoices.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("caption")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("number")}</TableHeaderCell>
              <TableHeaderCell>{t("domain")}</TableHeaderCell>
              <TableHeaderCell>{t("payer")}</TableHeaderCell>
              <TableHeaderCell>{t("registrar")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("amount")}</TableHeaderCell>
              <TableHeaderCell>{t("issued")}</TableHeaderCell>
              <TableHeaderCell>{t("due")}</TableHeaderCell>
              <TableHeaderCell>{t("state")}</TableHeaderCell>
              <TableHeaderCell>{t("actions")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invoices.map((i) => (
              <TableRow key={i.number}>
                <TableCell className="tabular-nums">{i.number}</TableCell>
                <TableCell>{i.uDomain}</TableCell>
                <TableCell>
                  {i.payerName} <span className="text-xs text-muted">({i.payer})</span>
                </TableCell>
                <TableCell>{i.registrar}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(i.amount, locale)}</TableCell>
                <TableCell>{formatDate(i.issuedAt, locale)}</TableCell>
                <TableCell>{formatDeadline(i.dueAt, locale)}</TableCell>
                <TableCell>{t(`states.${i.state}`)}</TableCell>
                <TableCell>{i.state === "OPEN" ? <InvoiceDecision number={i.number} domain={i.uDomain} amount={formatMoney(i.amount, locale)} /> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
