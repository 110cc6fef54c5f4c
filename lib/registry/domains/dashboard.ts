import type { CoreContext } from "@/lib/registry/context";
import { registrarPaysWhere } from "@/lib/registry/billing";
import { requirePermission } from "@/lib/registry/permissions";
import { getPolicy } from "@/lib/registry/policy-store";
import { addDays, localDateOf, priceForPeriod, registryDateToDb } from "@/lib/registry/rules";

// Read-only figures for the dashboard tiles (DESIGN.md §1 "Pages"), each guarded by the verb of
// the section it summarises and scoped to the portfolio.

export type AutoRenewForecast = { domains: number; amount: number; from: string; to: string };

/**
 * The Payer's auto-renew forecast: active auto-renew domains whose exDate falls in the next `days`
 * days (today included) and whose renewal the registrar pays — registrar-managed, or
 * registrant-managed with the registrar's handle as payer (R-REN-1/2; registrant-paid ones are
 * invoiced instead) — and what renewing each for a year will debit.
 */
export async function forecastAutoRenewals(
  ctx: CoreContext,
  input: { days?: number } = {},
): Promise<AutoRenewForecast> {
  const actor = requirePermission(ctx.actor, "billing.view");
  const from = localDateOf(ctx.clock.now());
  const to = addDays(from, Math.min(Math.max(input.days ?? 30, 0), 366));
  const account = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { handleId: true },
  });
  const domains = await ctx.db.domain.count({
    where: {
      registrarId: actor.accountId,
      state: "ACTIVE",
      renewalPolicy: "AUTO_RENEW",
      exDate: { gte: registryDateToDb(from), lte: registryDateToDb(to) },
      ...registrarPaysWhere(account.handleId),
    },
  });
  const policy = await getPolicy(ctx.db, ctx.clock.now());
  return { domains, amount: domains * priceForPeriod(policy, { unit: "y", value: 1 }), from, to };
}

/**
 * Requests waiting on someone else: registrations held for the registrant's acceptance (R-REG-2
 * method 2) and changes of registrant awaiting terms or ID control (R-CHG-3).
 */
export async function countPendingRequests(
  ctx: CoreContext,
): Promise<{ registrations: number; registrantChanges: number }> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const [registrations, registrantChanges] = await Promise.all([
    ctx.db.domain.count({ where: { registrarId: actor.accountId, state: "HELD" } }),
    ctx.db.registrantChangeRequest.count({
      where: {
        accountId: actor.accountId,
        state: { in: ["TERMS_REQUESTED", "ID_CONTROL_REQUESTED"] },
      },
    }),
  ]);
  return { registrations, registrantChanges };
}
