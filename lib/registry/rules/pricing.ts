import type { Policy } from "@/lib/registry/policy";
import type { Period } from "@/lib/registry/rules/dates";

// Money is integer øre, DKK (DESIGN.md §3). Every price is computed here from the policy so that
// the ledger, the order preview and the auto-renew forecast cannot disagree.

function assertWholePeriod(period: Period): void {
  // A programming error (callers validate periods against the policy first), not a user error.
  if (!Number.isInteger(period.value) || period.value < 1) {
    throw new RangeError(
      `Period must be a positive whole number, got ${period.value}${period.unit}`,
    );
  }
}

/**
 * Registration or renewal price: years × the yearly price; months pro rata, rounded to whole øre
 * (`round(yearly × m / 12)`, half away from zero — prices are never negative).
 */
export function priceForPeriod(policy: Policy, period: Period): number {
  assertWholePeriod(period);
  const yearly = policy.prices.perYearOre;
  return period.unit === "y" ? yearly * period.value : Math.round((yearly * period.value) / 12);
}

/** R-DEL-2: restore fee plus one year. */
export function priceForRestore(policy: Policy): number {
  return policy.prices.restoreFeeOre + policy.prices.perYearOre;
}

/** R-CHG-2/3. */
export function priceForRegistrantChange(policy: Policy): number {
  return policy.prices.registrantChangeOre;
}

/** R-TOK-3: the expiry date is unchanged, so the fee does not depend on the remaining term. */
export function priceForTransfer(policy: Policy): number {
  return policy.prices.transferOre;
}

/** 4500 → "45.00 DKK", -1 → "-0.01 DKK". Plain ASCII, no thousands separator, for logs and CSV. */
export function formatDkk(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount must be whole øre, got ${ore}`);
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")} DKK`;
}
