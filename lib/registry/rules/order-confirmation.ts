import { RegistryError } from "@/lib/registry/errors";
import type { Policy } from "@/lib/registry/policy";
import { addLocalDays } from "@/lib/registry/rules/dates";

// R-CHG-2 order-confirmation token: the epoch second at which the registrant confirmed the
// change with the registrar. A little future is tolerated for clock differences between the
// registrar's systems and ours (policy: 24 h); older than the policy's age is stale consent.

const EPOCH_SECONDS = /^\d{1,12}$/;

function invalid(reason: string, reasonCode: string): RegistryError {
  return new RegistryError("ORDER_CONFIRMATION_INVALID", `Order-confirmation token ${reason}`, {
    reason: reasonCode,
    field: "orderConfirmation",
  });
}

/** Returns the confirmation instant. Decision: only plain decimal digits (no sign, no fraction). */
export function parseOrderConfirmation(token: string, policy: Policy, now: Date): Date {
  const text = token.trim();
  if (!EPOCH_SECONDS.test(text)) throw invalid("must be a time in epoch seconds", "MALFORMED");
  const confirmedAt = new Date(Number(text) * 1000);
  const { maxFutureHours, maxAgeDays } = policy.registrantChange.orderConfirmation;
  if (confirmedAt.getTime() > now.getTime() + maxFutureHours * 3_600_000) {
    throw invalid(`lies more than ${maxFutureHours} hours in the future`, "TOO_FAR_AHEAD");
  }
  if (confirmedAt.getTime() < addLocalDays(now, -maxAgeDays).getTime()) {
    throw invalid(`is older than ${maxAgeDays} days`, "TOO_OLD");
  }
  return confirmedAt;
}
