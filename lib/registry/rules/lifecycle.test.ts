import { describe, expect, it } from "vitest";

import { defaultPolicy } from "@/lib/registry/policy";
import {
  canTransition,
  type DomainEvent,
  type DomainState,
  domainStates,
  redemptionEndsAt,
  redemptionEndsOn,
  transitionDomain,
} from "@/lib/registry/rules/lifecycle";

const allowed: [DomainState, DomainEvent, DomainState][] = [
  ["HELD", "acceptTerms", "ACTIVE"],
  ["HELD", "endHold", "DELETED"],
  ["ACTIVE", "cancel", "SUSPENDED"],
  ["ACTIVE", "expire", "SUSPENDED"],
  ["SUSPENDED", "restore", "ACTIVE"],
  ["SUSPENDED", "endRedemption", "DELETED"],
];
const events: DomainEvent[] = [
  "acceptTerms",
  "endHold",
  "cancel",
  "expire",
  "restore",
  "endRedemption",
];

describe("domain lifecycle (R-REG-2, R-REN-4, R-DEL-1..3)", () => {
  it.each(allowed)("%s --%s--> %s", (from, event, to) => {
    expect(canTransition(from, event)).toBe(true);
    expect(transitionDomain("eksempel.dk", from, event)).toBe(to);
  });

  const refused = domainStates.flatMap((state) =>
    events
      .filter((event) => !allowed.some(([f, e]) => f === state && e === event))
      .map((event) => [state, event] as const),
  );
  it.each(refused)("refuses %s --%s--> with DOMAIN_STATE_TRANSITION_INVALID", (state, event) => {
    expect(canTransition(state, event)).toBe(false);
    expect(() => transitionDomain("eksempel.dk", state, event)).toThrow(
      expect.objectContaining({
        code: "DOMAIN_STATE_TRANSITION_INVALID",
        details: { state, event },
      }),
    );
  });

  it("names domain and state in the message", () => {
    expect(() => transitionDomain("eksempel.dk", "ACTIVE", "restore")).toThrow(
      "Domain eksempel.dk cannot be restored while active",
    );
  });
});

describe("R-REN-4 / R-DEL-1 redemption", () => {
  it.each([
    ["2026-03-20", "2026-04-19"],
    ["2026-12-15", "2027-01-14"],
    ["2028-02-01", "2028-03-02"],
  ])("suspended on %s → deleted at the start of %s", (suspendedOn, expected) => {
    expect(redemptionEndsOn(suspendedOn, defaultPolicy)).toBe(expected);
  });

  it.each([
    // Expiry at 00:00 local on 2026-03-20 (UTC+1) → deleted 00:00 local 2026-04-19 (UTC+2).
    ["2026-03-19T23:00:00Z", "2026-04-18T22:00:00.000Z"],
    // Cancel at 23:30 local counts that day as day one.
    ["2026-01-10T22:30:00Z", "2026-02-08T23:00:00.000Z"],
  ])("R-DEL-3 suspended at %s → deleteAt %s", (suspendedAt, expected) => {
    expect(redemptionEndsAt(new Date(suspendedAt), defaultPolicy).toISOString()).toBe(expected);
  });
});
