import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDate, formatDeadline, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listInvoices } from "@/lib/registry/billing";
import { invoiceFilterSchema } from "@/lib/schemas/billing";
import { BillingNav } from "../_components/billing-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.invoices"))("title") };
}

const STATES = ["OPEN", "PAID", "CANCELLED"] as const;

// R-REN-2 / issue 18: the invoices of registrant-paid domain names — open, paid, cancelled — with
// domain, payer handle, amount and due date; newest first, in keyset pages.
export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await guardPage("billing.view");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([
    getTranslations("billing.invoices"),
    getLocale() as Promise<Locale>,
  ]);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const { state, after } = invoiceFilterSchema.parse(raw);
  const page = await listInvoices(ctx, { state, after, limit: 50 });
  const total = page.counts.OPEN + page.counts.PAID + page.counts.CANCELLED;
  const tabs = [
    { href: "/billing/invoices", label: t("all", { count: total }), current: state === undefined },
    ...STATES.map((s) => ({
      href: `/billing/invoices?state=${s}`,
      label: t(s, { count: page.counts[s] }),
      current: state === s,
    })),
  ];
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <BillingNav current="/billing/invoices" />
      <p className="max-w-prose text-muted">{t("description")}</p>
      <nav aria-label={t("tabs")}>
        <ul className="flex flex-wrap gap-2">
          {tabs.map((tab) => (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={tab.current ? "page" : undefined}
                className="inline-block rounded-full border border-border px-3 py-1 text-sm text-zinc-800 no-underline hover:bg-zinc-50 aria-[current=page]:border-accent-600 aria-[current=page]:bg-accent-50 aria-[current=page]:font-semibold"
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.invoices.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <Table caption={t("title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("number")}</TableHeaderCell>
              <TableHeaderCell>{t("domain")}</TableHeaderCell>
              <TableHeaderCell>{t("payer")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("amount")}</TableHeaderCell>
              <TableHeaderCell>{t("issued")}</TableHeaderCell>
              <TableHeaderCell>{t("due")}</TableHeaderCell>
              <TableHeaderCell>{t("state")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.invoices.map((i) => (
              <TableRow key={i.number}>
                <TableCell className="tabular-nums">{i.number}</TableCell>
                <TableCell>
                  <Link href={`/domains/${encodeURIComponent(i.domainName)}`}>{i.uLabel}</Link>
                </TableCell>
                <TableCell>{i.payerHandle}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {formatMoney(i.amount, locale)}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {formatDate(i.issuedAt, locale)}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {formatDeadline(i.dueAt, locale)}
                </TableCell>
                <TableCell>
                  {t(`states.${i.state}`)}
                  {i.overdue ? (
                    <span className="ml-2 font-semibold text-danger">{t("overdue")}</span>
                  ) : null}
                  {i.paidAt ? (
                    <span className="block text-xs text-muted">
                      {t("paidOn", { date: formatDate(i.paidAt, locale) })}
                    </span>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page.nextCursor !== null ? (
        <nav aria-label={t("title")} className="flex justify-end">
          <Link
            href={`/billing/invoices?${new URLSearchParams({ ...(state ? { state } : {}), after: String(page.nextCursor) }).toString()}`}
          >
            {t("older")}
          </Link>
        </nav>
      ) : null}
    </section>
  );
}
