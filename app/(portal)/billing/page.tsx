import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
import { formatDate, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { forecastAutoRenewalHorizons, getBillingAccount } from "@/lib/registry/billing";
import { kronerText } from "@/lib/schemas/billing";
import { BillingNav } from "./_components/billing-nav";
import { ThresholdForm } from "./_components/threshold-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

// Issue 18 (R-PAY-1…3): the Payer's overview — balance, the auto-renew forecast for 30/60/90 days
// with a warning when the balance does not cover it, the low-balance alert, and how to pay by
// bank transfer or FIK.
export default async function BillingPage() {
  const actor = await guardPage("billing.view");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([
    getTranslations("billing"),
    getLocale() as Promise<Locale>,
  ]);
  const [account, forecast] = await Promise.all([
    getBillingAccount(ctx),
    forecastAutoRenewalHorizons(ctx),
  ]);
  const money = (ore: number) => formatMoney(ore, locale);
  const uncovered = forecast.horizons.find((h) => !h.covered && h.domains > 0);
  const longest = forecast.horizons.at(-1)!;
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <BillingNav current="/billing" />

      <Card aria-labelledby="balance-title">
        <CardHeader>
          <CardTitle id="balance-title">{t("balance.title")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm text-muted">{t("balance.label")}</p>
            <p className="text-3xl font-semibold" data-testid="balance">
              {money(account.balance)}
            </p>
            {account.balance < 0 ? (
              <p className="mt-1 text-sm text-danger">{t("balance.negative")}</p>
            ) : null}
          </div>
          <Link
            href="/billing/top-up"
            className="inline-flex h-10 items-center rounded-md bg-accent-600 px-4 text-sm font-medium text-white no-underline hover:bg-accent-700 hover:no-underline"
          >
            {t("topUp.title")}
          </Link>
        </CardContent>
      </Card>

      <Card aria-labelledby="forecast-title">
        <CardHeader>
          <CardTitle id="forecast-title">{t("forecast.title")}</CardTitle>
          <CardDescription>
            {t("forecast.description", { price: money(forecast.yearlyPrice) })}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {uncovered ? (
            <Alert tone="warning" data-testid="forecast-warning">
              {t("forecast.warning", {
                balance: money(account.balance),
                amount: money(uncovered.amount),
                days: uncovered.days,
                shortfall: money(uncovered.shortfall),
              })}
            </Alert>
          ) : null}
          <ul className="grid gap-3 sm:grid-cols-3" aria-label={t("forecast.title")}>
            {forecast.horizons.map((h) => (
              <li
                key={h.days}
                className="rounded-md border border-border p-3"
                data-testid={`horizon-${h.days}`}
              >
                <p className="text-sm font-medium">{t("forecast.horizon", { days: h.days })}</p>
                <p className="text-sm text-muted">{t("forecast.domains", { count: h.domains })}</p>
                <p className="text-xl font-semibold">
                  <span className="sr-only">{t("forecast.total")}: </span>
                  {money(h.amount)}
                </p>
                <p className={`text-sm ${h.covered ? "text-green-800" : "text-danger"}`}>
                  {h.covered
                    ? t("forecast.covered")
                    : t("forecast.notCovered", { shortfall: money(h.shortfall) })}
                </p>
              </li>
            ))}
          </ul>
          {forecast.domains.length === 0 ? (
            <p className="text-sm text-muted">{t("forecast.none", { days: longest.days })}</p>
          ) : (
            <Table caption={t("forecast.listTitle", { days: longest.days })} captionVisible>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>{t("forecast.domain")}</TableHeaderCell>
                  <TableHeaderCell>{t("forecast.exDate")}</TableHeaderCell>
                  <TableHeaderCell>{t("forecast.within")}</TableHeaderCell>
                  <TableHeaderCell className="text-right">{t("forecast.price")}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {forecast.domains.map((d) => (
                  <TableRow key={d.name}>
                    <TableCell>
                      <Link href={`/domains/${encodeURIComponent(d.name)}`}>{d.uLabel}</Link>
                    </TableCell>
                    <TableCell>{formatDate(d.exDate, locale)}</TableCell>
                    <TableCell>{t("forecast.withinDays", { days: d.horizon })}</TableCell>
                    <TableCell className="text-right tabular-nums">{money(d.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {forecast.truncated ? (
            <p className="text-sm text-muted">
              {t("forecast.truncated", { shown: forecast.domains.length, count: longest.domains })}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="threshold-title">
          <CardHeader>
            <CardTitle id="threshold-title">{t("threshold.title")}</CardTitle>
            <CardDescription>
              {account.lowBalanceThreshold > 0
                ? t("threshold.current", { amount: money(account.lowBalanceThreshold) })
                : t("threshold.off")}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {actor.metaRoles.includes("PAYER") ? (
              <ThresholdForm initial={kronerText(account.lowBalanceThreshold)} />
            ) : null}
          </CardContent>
        </Card>

        <Card aria-labelledby="instructions-title">
          <CardHeader>
            <CardTitle id="instructions-title">{t("instructions.title")}</CardTitle>
            <CardDescription>{t("instructions.text")}</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("instructions.fik")}</dt>
              <dd className="font-mono" data-testid="fik-code">
                {account.fikCode}
              </dd>
              <dt className="text-muted">{t("instructions.account")}</dt>
              <dd className="font-mono" data-testid="bank-account">
                {account.accountNumber}
              </dd>
            </dl>
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
