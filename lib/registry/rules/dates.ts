import { TZDate } from "@date-fns/tz";
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  addYears as addYearsFns,
} from "date-fns";

import { RegistryError } from "@/lib/registry/errors";

// Registry dates are Europe/Copenhagen calendar dates (DESIGN.md §3 "Time"). They are kept as
// `YYYY-MM-DD` strings rather than Date objects: a Date is an instant and invites off-by-one-day
// bugs whenever the process time zone differs; the string form also sorts and compares
// lexicographically, so `a < b` is a correct date comparison.

export const REGISTRY_TIME_ZONE = "Europe/Copenhagen";

/** A calendar date `YYYY-MM-DD` in the registry's time zone. */
export type RegistryDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRegistryDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  // Rejects 2026-02-30 and friends, which Date.UTC would silently roll over.
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Validates user or database input as a registry date. */
export function parseRegistryDate(value: string): RegistryDate {
  if (!isRegistryDate(value)) {
    throw new RegistryError("VALIDATION_FAILED", `Date ${value} is not a valid YYYY-MM-DD date`, {
      reason: "INVALID_DATE",
    });
  }
  return value;
}

function splitDate(date: RegistryDate): [number, number, number] {
  const match = DATE_PATTERN.exec(parseRegistryDate(date));
  // parseRegistryDate has validated the shape; the fallback only satisfies the type checker.
  return [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
}

function formatParts(year: number, month1: number, day: number): RegistryDate {
  return `${String(year).padStart(4, "0")}-${String(month1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The instant a domain with this exDate expires: 00:00 Europe/Copenhagen on that date. Midnight
 * always exists in Copenhagen (DST switches at 02:00/03:00), so there is no gap or overlap.
 */
export function expiryInstant(date: RegistryDate): Date {
  const [y, m, d] = splitDate(date);
  return new Date(new TZDate(y, m - 1, d, REGISTRY_TIME_ZONE).getTime());
}

/** Same as expiryInstant, named for non-expiry uses ("deleted at the start of …"). */
export const startOfRegistryDate = expiryInstant;

/** The Copenhagen calendar date an instant falls on. */
export function localDateOf(instant: Date): RegistryDate {
  const local = new TZDate(instant.getTime(), REGISTRY_TIME_ZONE);
  return formatParts(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

// Calendar arithmetic runs on a UTC TZDate so the process time zone can never leak in.
function shiftDate(date: RegistryDate, shift: (d: TZDate) => Date): RegistryDate {
  const [y, m, d] = splitDate(date);
  const shifted = new TZDate(shift(new TZDate(y, m - 1, d, "UTC")).getTime(), "UTC");
  return formatParts(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

/**
 * Calendar years. 29 Feb + 1 year → 28 Feb (clamped, as date-fns does): a domain registered on
 * a leap day expires on the last day of February, never in March.
 */
export function addYears(date: RegistryDate, years: number): RegistryDate {
  return shiftDate(date, (d) => addYearsFns(d, years));
}

/**
 * Calendar months, clamped to the end of the target month: 31 Jan + 1 month → 28/29 Feb. The
 * period therefore never spills into the following month. Not associative across short months
 * (31 Jan +1 +1 = 28 Mar, +2 = 31 Mar), so always add a period in one step from the exDate.
 */
export function addMonths(date: RegistryDate, months: number): RegistryDate {
  return shiftDate(date, (d) => addMonthsFns(d, months));
}

export function addDays(date: RegistryDate, days: number): RegistryDate {
  return shiftDate(date, (d) => addDaysFns(d, days));
}

export type Period = { unit: "y" | "m"; value: number };

export function addPeriod(date: RegistryDate, period: Period): RegistryDate {
  return period.unit === "y" ? addYears(date, period.value) : addMonths(date, period.value);
}

/**
 * An instant plus n calendar days at the same Copenhagen wall-clock time (DESIGN.md: 14- and
 * 30-day periods are calendar days). Across a DST change this is 23 or 25 hours per day.
 */
export function addLocalDays(instant: Date, days: number): Date {
  return new Date(addDaysFns(new TZDate(instant.getTime(), REGISTRY_TIME_ZONE), days).getTime());
}

/**
 * End of a method-2 registration hold (R-REG-2): 00:00 local on the `days`-th day after the
 * local date of the application. Applied Monday 15:00 → held until Friday 00:00.
 */
export function holdEndsAt(applicationInstant: Date, days = 4): Date {
  return expiryInstant(addDays(localDateOf(applicationInstant), days));
}

export function compareDates(a: RegistryDate, b: RegistryDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBeforeDate(a: RegistryDate, b: RegistryDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfterDate(a: RegistryDate, b: RegistryDate): boolean {
  return compareDates(a, b) > 0;
}

/** "Up to the expiry date" means strictly before 00:00 local on the exDate. */
export function hasExpired(exDate: RegistryDate, now: Date): boolean {
  return now.getTime() >= expiryInstant(exDate).getTime();
}

/**
 * Prisma maps `@db.Date` columns to a Date at 00:00 UTC of the calendar date; these two keep that
 * convention in one place so no caller reads such a Date in local time.
 */
export function registryDateFromDb(value: Date): RegistryDate {
  return formatParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

export function registryDateToDb(date: RegistryDate): Date {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d));
}
