import { describe, expect, it } from "vitest";

import { defaultPolicy, type Policy } from "@/lib/registry/policy";
import {
  formatDkk,
  priceForPeriod,
  priceForRegistrantChange,
  priceForRestore,
  priceForTransfer,
} from "@/lib/registry/rules/pricing";

const oddPrice: Policy = {
  ...defaultPolicy,
  prices: { ...defaultPolicy.prices, perYearOre: 4_999 },
};

describe("R-REG-5 / R-REN-1 priceForPeriod", () => {
  it.each([
    [defaultPolicy, "y", 1, 4_500],
    [defaultPolicy, "y", 10, 45_000],
    [defaultPolicy, "m", 1, 375],
    [defaultPolicy, "m", 6, 2_250],
    [defaultPolicy, "m", 11, 4_125],
    // 4999 × 1 / 12 = 416.58 → 417; 4999 × 6 / 12 = 2499.5 → 2500 (half up).
    [oddPrice, "m", 1, 417],
    [oddPrice, "m", 6, 2_500],
    [oddPrice, "y", 2, 9_998],
  ] as const)("policy %#: %s%i costs %i øre", (policy, unit, value, expected) => {
    expect(priceForPeriod(policy, { unit, value })).toBe(expected);
  });

  it.each([
    ["y", 0],
    ["m", -1],
    ["y", 1.5],
  ] as const)("refuses the malformed period %s%d", (unit, value) => {
    expect(() => priceForPeriod(defaultPolicy, { unit, value })).toThrow(RangeError);
  });
});

describe("R-DEL-2 / R-CHG-2 / R-TOK-3 fixed prices", () => {
  it("uses the default price list", () => {
    expect(priceForRestore(defaultPolicy)).toBe(19_500);
    expect(priceForRegistrantChange(defaultPolicy)).toBe(5_000);
    expect(priceForTransfer(defaultPolicy)).toBe(4_500);
  });
});

describe("formatDkk", () => {
  it.each([
    [4_500, "45.00 DKK"],
    [0, "0.00 DKK"],
    [5, "0.05 DKK"],
    [123_456_789, "1234567.89 DKK"],
    [-1, "-0.01 DKK"],
    [-19_500, "-195.00 DKK"],
  ])("formats %i øre as %s", (ore, expected) => {
    expect(formatDkk(ore)).toBe(expected);
  });

  it("refuses fractional øre", () => {
    expect(() => formatDkk(45.5)).toThrow(RangeError);
  });
});
