import { describe, expect, it } from "vitest";

import { defaultPolicy, dk2026Policy, parsePolicy, policySchema } from "@/lib/registry/policy";

describe("policy", () => {
  it("has the DESIGN.md defaults", () => {
    expect(defaultPolicy.registration.periodYears).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(defaultPolicy.registration.managementModels).toEqual(["registrar", "registrant"]);
    expect(defaultPolicy.renewal.windowMonths).toBeNull();
    expect(defaultPolicy.lifespanCapYears).toBe(10);
    expect(defaultPolicy.redemptionDays).toBe(30);
    expect(defaultPolicy.registration.holdDays).toBe(4);
    expect(defaultPolicy.registration.termsMaxAgeDays).toBe(30);
    expect(defaultPolicy.tokens).toEqual({ lifetimeDays: 14, maxFailuresPerHour: 10 });
    expect(defaultPolicy.waitingList.offerLifetimeDays).toBe(14);
    expect(defaultPolicy.registrantChange).toEqual({
      termsRequestDays: 14,
      idControlRequestDays: 14,
      orderConfirmation: { required: false, maxFutureHours: 24, maxAgeDays: 30 },
    });
    expect(defaultPolicy.serviceCredentials.rotationOverlapHours).toBe(24);
    expect(defaultPolicy.prices).toEqual({
      perYearOre: 4500,
      restoreFeeOre: 15000,
      registrantChangeOre: 5000,
      transferOre: 4500,
    });
  });

  it("expresses the .dk 2026 policy as data", () => {
    expect(dk2026Policy.registration.periodYears).toEqual([1]);
    expect(dk2026Policy.registration.managementModels).toEqual(["registrar"]);
    expect(dk2026Policy.renewal).toEqual({ periodYears: [1], periodMonths: [], windowMonths: 2 });
    expect(dk2026Policy.registrantChange.orderConfirmation.required).toBe(true);
    expect(dk2026Policy.prices).toEqual(defaultPolicy.prices);
  });

  it("is deeply frozen", () => {
    expect(() => (defaultPolicy.registration.periodYears as number[]).push(11)).toThrow(TypeError);
  });

  it("round-trips through JSON (stored form) and sorts period lists", () => {
    const stored = JSON.parse(
      JSON.stringify({
        ...dk2026Policy,
        renewal: { periodYears: [2, 1], periodMonths: [], windowMonths: 2 },
      }),
    );
    expect(parsePolicy(stored).renewal.periodYears).toEqual([1, 2]);
    expect(policySchema.parse(JSON.parse(JSON.stringify(defaultPolicy)))).toEqual(defaultPolicy);
  });

  it("R-REN-2: invoices are due 30 days after issue by default; a policy stored without the key loads with it", () => {
    expect(defaultPolicy.billing.invoiceDueDays).toBe(30);
    const stored = JSON.parse(JSON.stringify(dk2026Policy));
    delete stored.billing.invoiceDueDays;
    expect(parsePolicy(stored).billing).toEqual({
      defaultLowBalanceThresholdOre: 50_000,
      invoiceDueDays: 30,
    });
    const custom = { ...defaultPolicy, billing: { ...defaultPolicy.billing, invoiceDueDays: 14 } };
    expect(parsePolicy(custom).billing.invoiceDueDays).toBe(14);
  });

  it.each([
    ["a fractional price", { prices: { ...defaultPolicy.prices, perYearOre: 45.5 } }],
    ["a negative price", { prices: { ...defaultPolicy.prices, restoreFeeOre: -1 } }],
    [
      "an 11-year creation period",
      { registration: { ...defaultPolicy.registration, periodYears: [11] } },
    ],
    ["no creation period", { registration: { ...defaultPolicy.registration, periodYears: [] } }],
    ["duplicate periods", { renewal: { ...defaultPolicy.renewal, periodYears: [1, 1] } }],
    [
      "no management model",
      { registration: { ...defaultPolicy.registration, managementModels: [] } },
    ],
    [
      "an unknown management model",
      { registration: { ...defaultPolicy.registration, managementModels: ["reseller"] } },
    ],
    ["a cap over 10 years", { lifespanCapYears: 11 }],
    [
      "R-REN-2: an invoice due the day it is issued",
      { billing: { ...defaultPolicy.billing, invoiceDueDays: 0 } },
    ],
  ])("refuses %s with VALIDATION_FAILED", (_, patch) => {
    expect(() => parsePolicy({ ...defaultPolicy, ...patch })).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
  });
});
