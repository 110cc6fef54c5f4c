import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { getBalance } from "@/lib/registry/billing";
import { countDomains, countPendingRequests, forecastAutoRenewals } from "@/lib/registry/domains";
import { countMessages } from "@/lib/registry/messages";
import { can } from "@/lib/registry/permissions";
import { addDays, formatDkk, localDateOf } from "@/lib/registry/rules";

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
    <Link href={href} className="rounded-lg border border-border bg-surface p-4 hover:bg-zinc-50">
      <p className="text-sm text-muted">{label}</p>
      <p className="text-3xl font-semibold">{value}</p>
      {note ? (
        <p className={`mt-1 text-sm ${warning ? "text-danger" : "text-muted"}`}>{note}</p>
      ) : null}
    </Link>
  );
}

// DESIGN.md §1: tiles by role — balance and auto-renew forecast for the Payer; expiring domains and
// pending requests for Registrar, Proxy and Payer; unread messages for everyone.
export default async function DashboardPage() {
  const actor = await requireActor();
  const ctx = coreContext(actor);
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
        Dashboard
      </h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Tile href="/messages" label="Unread messages" value={String(unread)} />
        {balance ? (
          <Tile
            href="/billing"
            label="Prepaid balance"
            value={formatDkk(balance.balance)}
            note={
              balance.balance < balance.lowBalanceThreshold
                ? `Below your threshold of ${formatDkk(balance.lowBalanceThreshold)}`
                : undefined
            }
            warning
          />
        ) : null}
        {forecast ? (
          <Tile
            href="/billing"
            label="Auto-renewals within 30 days"
            value={formatDkk(forecast.amount)}
            note={`${forecast.domains} domain${forecast.domains === 1 ? "" : "s"} to renew from your balance`}
          />
        ) : null}
        {expiring !== null ? (
          <Tile href="/domains" label="Domains expiring within 30 days" value={String(expiring)} />
        ) : null}
        {pending ? (
          <Tile
            href="/domains"
            label="Pending requests"
            value={String(pending.registrations + pending.registrantChanges)}
            note={`${pending.registrations} awaiting terms, ${pending.registrantChanges} registrant change${pending.registrantChanges === 1 ? "" : "s"}`}
          />
        ) : null}
      </div>
    </section>
  );
}
