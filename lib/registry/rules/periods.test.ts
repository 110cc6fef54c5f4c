import { describe, expect, it } from "vitest";

import { defaultPolicy, dk2026Policy, type Policy } from "@/lib/registry/policy";
import type { Period } from "@/lib/registry/rules/dates";
import {
  checkRegistrationPeriod,
  checkRenewalPeriod,
  formatPeriod,
} from "@/lib/registry/rules/periods";

describe("R-REG-1 / R-REN-1 periods per policy", () => {
  it.each<[string, Policy, "register" | "renew", Period, boolean]>([
    ["default", defaultPolicy, "register", { unit: "y", value: 1 }, true],
    ["default", defaultPolicy, "register", { unit: "y", value: 10 }, true],
    ["default", defaultPolicy, "register", { unit: "y", value: 11 }, false],
    ["default", defaultPolicy, "register", { unit: "y", value: 0 }, false],
    ["default", defaultPolicy, "register", { unit: "m", value: 6 }, false],
    ["default", defaultPolicy, "renew", { unit: "m", value: 1 }, true],
    ["default", defaultPolicy, "renew", { unit: "m", value: 11 }, true],
    ["default", defaultPolicy, "renew", { unit: "m", value: 12 }, false],
    ["default", defaultPolicy, "renew", { unit: "y", value: 2.5 }, false],
    ["dk2026", dk2026Policy, "register", { unit: "y", value: 1 }, true],
    ["dk2026", dk2026Policy, "register", { unit: "y", value: 2 }, false],
    ["dk2026", dk2026Policy, "renew", { unit: "y", value: 1 }, true],
    ["dk2026", dk2026Policy, "renew", { unit: "m", value: 1 }, false],
  ])("%s policy: %s for %j allowed=%s (else PERIOD_NOT_ALLOWED)", (_, policy, op, period, ok) => {
    const run = () =>
      op === "register"
        ? checkRegistrationPeriod("eksempel.dk", period, policy)
        : checkRenewalPeriod("eksempel.dk", period, policy);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: "PERIOD_NOT_ALLOWED" }));
  });

  it("formats periods for messages", () => {
    expect(formatPeriod({ unit: "y", value: 1 })).toBe("1 year");
    expect(formatPeriod({ unit: "m", value: 6 })).toBe("6 months");
  });
});
