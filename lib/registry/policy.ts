import { z } from "zod";

import { RegistryError } from "@/lib/registry/errors";

// Everything a registry changes over time lives here, not in code (DESIGN.md intro): the .dk
// 2026 policy must be a value of this schema, not a branch. The operator edits it; the core
// parses it with `policySchema` on load so a broken stored policy fails loudly.

export const managementModels = ["registrar", "registrant"] as const;
export const managementModelSchema = z.enum(managementModels);
export type ManagementModel = z.infer<typeof managementModelSchema>;

const days = z.int().min(1).max(3650);
const øre = z.int().min(0);

/** A sorted, duplicate-free list of allowed period lengths. */
const periodList = (max: number) =>
  z
    .array(z.int().min(1).max(max))
    .refine((list) => new Set(list).size === list.length, "periods must be distinct")
    .transform((list) => [...list].sort((a, b) => a - b));

export const policySchema = z.object({
  registration: z.object({
    /** Allowed creation periods in whole years (R-REG-1). */
    periodYears: periodList(10).refine((l) => l.length > 0, "at least one period"),
    /** Management models a new domain may be created under (R-REG-1; .dk 2026: registrar only). */
    managementModels: z.array(managementModelSchema).min(1),
    /** Method-2 hold: until 00:00 local on this day after the application (R-REG-2). */
    holdDays: z.int().min(1).max(30),
    /** Method-1 statement may not be older than this (R-REG-2). */
    termsMaxAgeDays: days,
  }),
  renewal: z.object({
    periodYears: periodList(10),
    /** Empty list = renewal in months not offered. */
    periodMonths: periodList(120),
    /** null = any time before expiry; n = at most n calendar months before the exDate. */
    windowMonths: z.int().min(1).max(120).nullable(),
  }),
  /** A new exDate may lie at most this many years after today (R-REN-1). */
  lifespanCapYears: z.int().min(1).max(10),
  redemptionDays: days,
  tokens: z.object({
    /** Transfer/redelegation token lifetime (R-TOK-2). */
    lifetimeDays: days,
    /** Failed token uses per account per hour before RATE_LIMITED (R-TOK-2). */
    maxFailuresPerHour: z.int().min(1),
  }),
  waitingList: z.object({ offerLifetimeDays: days }),
  registrantChange: z.object({
    termsRequestDays: days,
    idControlRequestDays: days,
    orderConfirmation: z.object({
      /** true = every change needs the token (.dk 2026); false = token or accepted terms. */
      required: z.boolean(),
      maxFutureHours: z.int().min(0).max(168),
      maxAgeDays: days,
    }),
  }),
  serviceCredentials: z.object({ rotationOverlapHours: z.int().min(0).max(720) }),
  billing: z.object({
    defaultLowBalanceThresholdOre: øre,
    /**
     * R-REN-2: an invoice is due at 00:00 local this many calendar days after its issue date.
     * Defaulted, not required: policies stored before the key existed must still load.
     */
    invoiceDueDays: days.default(30),
  }),
  /** Integer øre, DKK (DESIGN.md §3 "Money"). */
  prices: z.object({
    perYearOre: øre,
    restoreFeeOre: øre,
    registrantChangeOre: øre,
    transferOre: øre,
  }),
});

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const defaultPolicy: Policy = deepFreeze(
  policySchema.parse({
    registration: {
      periodYears: range(1, 10),
      managementModels: ["registrar", "registrant"],
      holdDays: 4,
      termsMaxAgeDays: 30,
    },
    // Months 1–11 only: a whole year is asked for in years, so "12 months" has one spelling.
    renewal: { periodYears: range(1, 10), periodMonths: range(1, 11), windowMonths: null },
    lifespanCapYears: 10,
    redemptionDays: 30,
    tokens: { lifetimeDays: 14, maxFailuresPerHour: 10 },
    waitingList: { offerLifetimeDays: 14 },
    registrantChange: {
      termsRequestDays: 14,
      idControlRequestDays: 14,
      orderConfirmation: { required: false, maxFutureHours: 24, maxAgeDays: 30 },
    },
    serviceCredentials: { rotationOverlapHours: 24 },
    // 500.00 DKK: about ten yearly renewals, enough warning for a small registrar to top up.
    billing: { defaultLowBalanceThresholdOre: 50_000, invoiceDueDays: 30 },
    prices: {
      perYearOre: 4_500,
      restoreFeeOre: 15_000,
      registrantChangeOre: 5_000,
      transferOre: 4_500,
    },
  } satisfies PolicyInput),
);

/** The .dk registry's 2026 rules, expressed as data over the defaults. */
export const dk2026Policy: Policy = deepFreeze(
  policySchema.parse({
    ...defaultPolicy,
    registration: {
      ...defaultPolicy.registration,
      periodYears: [1],
      managementModels: ["registrar"],
    },
    renewal: { periodYears: [1], periodMonths: [], windowMonths: 2 },
    registrantChange: {
      ...defaultPolicy.registrantChange,
      orderConfirmation: { ...defaultPolicy.registrantChange.orderConfirmation, required: true },
    },
  } satisfies PolicyInput),
);

/**
 * Parses a stored or operator-edited policy; unknown keys are dropped, missing ones fail — except
 * keys added after policies were first stored, which take their default (`invoiceDueDays`).
 */
export function parsePolicy(input: unknown): Policy {
  const result = policySchema.safeParse(input);
  if (!result.success) {
    throw new RegistryError("VALIDATION_FAILED", "Policy is invalid", {
      fieldErrors: z.flattenError(result.error).fieldErrors,
      issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return result.data;
}

// Shared constants must not be mutated by one caller for all others (tests included).
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
