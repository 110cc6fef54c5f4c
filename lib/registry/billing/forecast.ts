import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { registrarPaysWhere } from "@/lib/registry/billing/invoices";
import { requirePermission } from "@/lib/registry/permissions";
import { getPolicy } from "@/lib/registry/policy-store";
import {
  type RegistryDate,
  addDays,
  localDateOf,
  priceForPeriod,
  registryDateFromDb,
  registryDateToDb,
} from "@/lib/registry/rules";

// The Payer's auto-renew forecast (issue 18, /billing): for the next 30, 60 and 90 days, the
// domains that will auto-renew at the registrar's cost, their total, and whether the balance
// covers it. The rule is the dashboard's (domains/dashboard.ts `forecastAutoRenewals`, tested to
// agree): active, auto-renew, exDate from today through today + N days, and paid by the
// registrar (`registrarPaysWhere`, the query form of `renewalPayer`); each costs one year.

export const FORECAST_HORIZONS = [30, 60, 90] as const;

/** Domains of the account that auto-renew at its cost with exDate in [from, to]. */
export function autoRenewForecastWhere(
  account: { id: string; handleId: string },
  from: RegistryDate,
  to: RegistryDate,
): Prisma.DomainWhereInput {
  return {
    registrarId: account.id,
    state: "ACTIVE",
    renewalPolicy: "AUTO_RENEW",
    exDate: { gte: registryDateToDb(from), lte: registryDateToDb(to) },
    ...registrarPaysWhere(account.handleId),
  };
}

export type ForecastHorizon = {
  days: number;
  /** Last exDate counted (today + days). */
  to: RegistryDate;
  domains: number;
  /** øre */
  amount: number;
  covered: boolean;
  /** øre missing from the balance; 0 when covered. */
  shortfall: number;
};

export type ForecastDomain = {
  name: string;
  uLabel: string;
  exDate: RegistryDate;
  amount: number;
  /** The smallest horizon that includes it. */
  horizon: number;
};

export type AutoRenewalForecast = {
  from: RegistryDate;
  balance: number;
  yearlyPrice: number;
  horizons: ForecastHorizon[];
  /** The domains of the largest horizon, soonest first (at most `limit`). */
  domains: ForecastDomain[];
  truncated: boolean;
};

export async function forecastAutoRenewalHorizons(
  ctx: CoreContext,
  input: { limit?: number } = {},
): Promise<AutoRenewalForecast> {
  const actor = requirePermission(ctx.actor, "billing.view");
  const limit = Math.min(Math.max(input.limit ?? 200, 1), 1000);
  const from = localDateOf(ctx.clock.now());
  const account = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { id: true, handleId: true, balance: true },
  });
  const yearlyPrice = priceForPeriod(await getPolicy(ctx.db, ctx.clock.now()), { unit: "y", value: 1 });
  const counts = await Promise.all(
    FORECAST_HORIZONS.map((days) =>
      ctx.db.domain.count({ where: autoRenewForecastWhere(account, from, addDays(from, days)) }),
    ),
  );
  const last = FORECAST_HORIZONS[FORECAST_HORIZONS.length - 1]!;
  const rows = await ctx.db.domain.findMany({
    where: autoRenewForecastWhere(account, from, addDays(from, last)),
    orderBy: [{ exDate: "asc" }, { aLabel: "asc" }],
    select: { aLabel: true, uLabel: true, exDate: true },
    take: limit,
  });
  const horizons = FORECAST_HORIZONS.map((days, i) => {
    const amount = counts[i]! * yearlyPrice;
    return {
      days,
      to: addDays(from, days),
      domains: counts[i]!,
      amount,
      covered: account.balance >= amount,
      shortfall: Math.max(0, amount - account.balance),
    };
  });
  const domains = rows.map((d) => {
    const exDate = registryDateFromDb(d.exDate!);
    return {
      name: d.aLabel,
      uLabel: d.uLabel,
      exDate,
      amount: yearlyPrice,
      horizon: horizons.find((h) => exDate <= h.to)!.days,
    };
  });
  return {
    from,
    balance: account.balance,
    yearlyPrice,
    horizons,
    domains,
    truncated: counts[counts.length - 1]! > rows.length,
  };
}
