import { RegistryError } from "@/lib/registry/errors";
import type { Policy } from "@/lib/registry/policy";
import { addDays, expiryInstant, localDateOf, type RegistryDate } from "@/lib/registry/rules/dates";

// The domain state machine. Renewal, name-server and contact changes keep a domain ACTIVE and are
// not transitions; only events that change what the registry publishes or bills are listed.

export const domainStates = ["HELD", "ACTIVE", "SUSPENDED", "DELETED"] as const;
export type DomainState = (typeof domainStates)[number];

export type SuspensionReason = "cancel" | "expiry";

export type DomainEvent =
  /** R-REG-2 method 2: the registrant accepted and the registration was billed. */
  | "acceptTerms"
  /** R-REG-2: refused, silence until the hold ended, or declined for insufficient funds. */
  | "endHold"
  /** R-DEL-1 */
  | "cancel"
  /** R-REN-4 auto-expire at 00:00 on the exDate. */
  | "expire"
  /** R-DEL-2 */
  | "restore"
  /** R-DEL-3 */
  | "endRedemption";

/**
 * Allowed transitions. DELETED is terminal: a name registered again later is a new domain row,
 * so history (audit, ledger) never has to distinguish two lives of one record.
 */
export const domainTransitions: Readonly<
  Record<DomainState, Partial<Record<DomainEvent, DomainState>>>
> = {
  HELD: { acceptTerms: "ACTIVE", endHold: "DELETED" },
  ACTIVE: { cancel: "SUSPENDED", expire: "SUSPENDED" },
  SUSPENDED: { restore: "ACTIVE", endRedemption: "DELETED" },
  DELETED: {},
};

export function canTransition(state: DomainState, event: DomainEvent): boolean {
  return domainTransitions[state][event] !== undefined;
}

/** The next state, or DOMAIN_STATE_TRANSITION_INVALID naming the domain, state and event. */
export function transitionDomain(
  domainName: string,
  state: DomainState,
  event: DomainEvent,
): DomainState {
  const next = domainTransitions[state][event];
  if (next === undefined) {
    throw new RegistryError(
      "DOMAIN_STATE_TRANSITION_INVALID",
      `Domain ${domainName} cannot ${describeEvent(event)} while ${state.toLowerCase()}`,
      { state, event },
    );
  }
  return next;
}

function describeEvent(event: DomainEvent): string {
  const text: Record<DomainEvent, string> = {
    acceptTerms: "be activated by accepting terms",
    endHold: "end a registration hold",
    cancel: "be cancelled",
    expire: "expire",
    restore: "be restored",
    endRedemption: "end redemption",
  };
  return text[event];
}

export function suspensionReasonFor(event: "cancel" | "expire"): SuspensionReason {
  return event === "cancel" ? "cancel" : "expiry";
}

/**
 * Last day of redemption + 1: the domain is deleted at 00:00 local on the returned date.
 * Decision: suspended on local date D → deleted at the start of D + redemptionDays. For expiry
 * (suspended at 00:00 on the exDate) that is exactly 30 days; a cancel later in the day gets the
 * rest of that day counted as day one, like the 14-day token periods.
 */
export function redemptionEndsOn(suspendedOn: RegistryDate, policy: Policy): RegistryDate {
  return addDays(suspendedOn, policy.redemptionDays);
}

/** The instant to store as `deleteAt` for a domain suspended at `suspendedAt`. */
export function redemptionEndsAt(suspendedAt: Date, policy: Policy): Date {
  return expiryInstant(redemptionEndsOn(localDateOf(suspendedAt), policy));
}
