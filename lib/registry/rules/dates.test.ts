import { describe, expect, it } from "vitest";

import {
  addDays,
  addLocalDays,
  addMonths,
  addYears,
  compareDates,
  expiryInstant,
  hasExpired,
  holdEndsAt,
  isRegistryDate,
  localDateOf,
  parseRegistryDate,
  registryDateFromDb,
  registryDateToDb,
} from "@/lib/registry/rules/dates";

describe("registry dates (DESIGN §3 Time)", () => {
  it.each([
    // Winter time, UTC+1.
    ["2026-01-15", "2026-01-14T23:00:00.000Z"],
    // Day of the spring-forward switch (02:00 → 03:00): midnight is still UTC+1.
    ["2026-03-29", "2026-03-28T23:00:00.000Z"],
    ["2026-03-30", "2026-03-29T22:00:00.000Z"],
    // Day of the fall-back switch (03:00 → 02:00): midnight is still UTC+2.
    ["2026-10-25", "2026-10-24T22:00:00.000Z"],
    ["2026-10-26", "2026-10-25T23:00:00.000Z"],
  ])("R-REN-1 expiryInstant(%s) is 00:00 Copenhagen = %s", (date, iso) => {
    expect(expiryInstant(date).toISOString()).toBe(iso);
  });

  it.each([
    ["2026-03-28T22:59:59.999Z", "2026-03-28"],
    ["2026-03-28T23:00:00.000Z", "2026-03-29"],
    ["2026-10-24T21:59:59.999Z", "2026-10-24"],
    ["2026-10-24T22:00:00.000Z", "2026-10-25"],
    ["2026-10-25T22:30:00.000Z", "2026-10-25"],
    ["2026-12-31T23:00:00.000Z", "2027-01-01"],
  ])("localDateOf(%s) = %s", (iso, date) => {
    expect(localDateOf(new Date(iso))).toBe(date);
  });

  it.each([
    ["2026-03-20", 1, "2027-03-20"],
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2026-01-01", 10, "2036-01-01"],
  ])("addYears(%s, %i) = %s", (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-05-20", -2, "2026-03-20"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-05-31", -3, "2026-02-28"],
  ])("addMonths(%s, %i) = %s (clamped to month end)", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ["2026-03-28", 1, "2026-03-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-01-01", 30, "2026-01-31"],
  ])("addDays(%s, %i) = %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    // Monday 15:00 local → Friday 00:00 local.
    ["2026-01-12T14:00:00Z", "2026-01-15T23:00:00.000Z"],
    // Just after local midnight counts as the new day.
    ["2026-01-11T23:30:00Z", "2026-01-15T23:00:00.000Z"],
    // Applied before the spring-forward switch, ends after it (UTC+2).
    ["2026-03-27T12:00:00Z", "2026-03-30T22:00:00.000Z"],
  ])("R-REG-2 holdEndsAt(%s) = %s", (iso, expected) => {
    expect(holdEndsAt(new Date(iso)).toISOString()).toBe(expected);
  });

  it.each([
    // 14 calendar days across spring-forward: same wall-clock time, 1 h less elapsed.
    ["2026-03-20T09:00:00Z", 14, "2026-04-03T08:00:00.000Z"],
    ["2026-10-20T08:00:00Z", 14, "2026-11-03T09:00:00.000Z"],
    ["2026-01-10T12:00:00Z", -30, "2025-12-11T12:00:00.000Z"],
  ])("R-TOK-2 addLocalDays(%s, %i) = %s", (iso, n, expected) => {
    expect(addLocalDays(new Date(iso), n).toISOString()).toBe(expected);
  });

  it.each([
    ["2026-03-19T22:59:59Z", "2026-03-20", false],
    ["2026-03-19T23:00:00Z", "2026-03-20", true],
  ])("R-REN-1 hasExpired at %s for exDate %s is %s", (iso, exDate, expected) => {
    expect(hasExpired(exDate, new Date(iso))).toBe(expected);
  });

  it.each([
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["20260101", false],
    ["", false],
  ])("isRegistryDate(%j) = %s", (value, expected) => {
    expect(isRegistryDate(value)).toBe(expected);
  });

  it("parseRegistryDate refuses invalid dates with VALIDATION_FAILED", () => {
    expect(() => parseRegistryDate("2026-02-30")).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
    expect(() => addYears("nonsense", 1)).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
  });

  it("compares and round-trips through the @db.Date convention", () => {
    expect(compareDates("2026-01-02", "2026-01-10")).toBe(-1);
    expect(compareDates("2026-01-10", "2026-01-10")).toBe(0);
    expect(registryDateToDb("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(registryDateFromDb(new Date("2026-03-29T00:00:00Z"))).toBe("2026-03-29");
  });
});
