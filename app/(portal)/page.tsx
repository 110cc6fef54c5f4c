import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getBalance } from "@/lib/registry/billing";
import { countDomains, countPendingRequests, forecastAutoRenewals } from "@/lib/registry/domains";
import { countMessages } from "@/lib/registry/messages";
import { can } from "@/lib/registry/permissions";
import { addDays, localDateOf } from "@/lib/registry/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

function Tile({
  href,
  label,
  value,
  note,
  warning = false,
}: {
  href: string;
  label: string;
  value: string;
  note?: string;
  warning?: boolean;
}) {
  return (
    <Link
      href={href}
      className="rounded-lg border border-border bg-surface p-4 text-zinc-900 no-underline hover:bg-zinc-50 hover:no-underline"
    >
      <p className="text-sm text-muted">{label}</p>
      <p className="text-3xl font-semibold">{value}</p>
      {note ? <p className={`mt-1 text-sm ${warning ? "text-danger" : "text-muted"}`}>{note}</p> : null}
    </Link>
  );
}

// DESIGN.md §1: tiles by role — balance and auto-renew forecast for the Payer; expiring domains and
// pending requests for Registrar, Proxy and Payer; unread messages for everyone.
export default async function DashboardPage() {
  const actor = await requireActor();
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale() as Promise<Locale>]);
  const today = localDateOf(ctx.clock.now());
  const payer = can(actor, "billing.view");
  const portfolio = actor.metaRoles.some((r) => r === "REGISTRAR" || r === "PROXY" || r === "PAYER");
  const [unread, balance, forecast, expiring, pending] = await Promise.all([
    countMessages(ctx),
    payer ? getBalance(ctx) : null,
    payer ? forecastAutoRenewals(ctx, { days: 30 }) : null,
    portfolio
      ? countDomains(ctx, { states: ["ACTIVE"], expiresFrom: today, expiresTo: addDays(today, 30) })
      : null,
    portfolio ? countPendingRequests(ctx) : null,
  ]);
  return (
    <section aria-labelledby="dashboard-title" className="flex flex-col gap-6">
      <h1 id="dashboard-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Tile href="/messages" label={t("unread")} value={String(unread)} />
        {balance ? (
          <Tile
            href="/billing"
            label={t("balance")}
            value={formatMoney(balance.balance, locale)}
            note={
              balance.balance < balance.lowBalanceThreshold
                ? t("belowThreshold", { threshold: formatMoney(balance.lowBalanceThreshold, locale) })
                : undefined
            }
            warning
          />
        ) : null}
        {forecast ? (
          <Tile
            href="/billing"
            label={t("forecast")}
            value={formatMoney(forecast.amount, locale)}
            note={t("forecastNote", { count: forecast.domains })}
          />
        ) : null}
        {expiring !== null ? <Tile href="/domains?state=ACTIVE&expires=30" label={t("expiring")} value={String(expiring)} /> : null}
        {pending ? (
          <Tile
            href="/domains?state=HELD"
            label={t("pending")}
            value={String(pending.registrations + pending.registrantChanges)}
            note={t("pendingNote", { registrations: pending.registrations, changes: pending.registrantChanges })}
          />
        ) : null}
      </div>
    </section>
  );
}
