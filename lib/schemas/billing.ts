import { z } from "zod";
import { serialId } from "./db-types";

// Billing forms and filters (issue 18). Amounts are typed in kroner — "500", "500.00" or
// "500,00" (no thousands separators) — and leave the schema as whole øre.

export const MIN_TOP_UP_ORE = 100; // 1.00 DKK
export const MAX_TOP_UP_ORE = 10_000_000; // 100,000.00 DKK
export const MAX_THRESHOLD_ORE = 100_000_000; // 1,000,000.00 DKK

/** "1234,5" → 123450 øre; null when it is not a plain amount with at most two decimals. */
export function parseKroner(text: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.replace(/\s/g, ""));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** Whole øre → "1234.50", the form's own notation for a prefilled amount. */
export function kronerText(ore: number): string {
  return `${Math.trunc(ore / 100)}.${String(Math.abs(ore % 100)).padStart(2, "0")}`;
}

const kroner = (min: number, max: number, rangeMessage: string) =>
  z
    .string()
    .trim()
    .min(1, "billing.validation.amountRequired")
    .transform((text, ctx) => {
      const ore = parseKroner(text);
      if (ore === null) {
        ctx.addIssue({ code: "custom", message: "billing.validation.amountFormat" });
        return z.NEVER;
      }
      if (ore < min || ore > max) {
        ctx.addIssue({ code: "custom", message: rangeMessage });
        return z.NEVER;
      }
      return ore;
    });

/** Top up: the amount, 1.00–100,000.00 DKK. */
export const topUpSchema = z.object({
  amount: kroner(MIN_TOP_UP_ORE, MAX_TOP_UP_ORE, "billing.validation.amountRange"),
});

/** Luhn's check digit, as every card form checks before it sends a number anywhere. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The checkout step: the card. Nothing of it is stored; it goes to the provider only. */
export const payCheckoutSchema = z.object({
  checkoutId: z.uuid("billing.validation.checkout"),
  cardNumber: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .min(1, "billing.validation.cardNumberRequired")
        .regex(/^\d{12,19}$/, "billing.validation.cardNumber")
        .refine(luhnValid, "billing.validation.cardNumber"),
    ),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2]) ?\/ ?\d{2}$/, "billing.validation.expiry"),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "billing.validation.cvc"),
  cardholder: z
    .string()
    .trim()
    .min(2, "billing.validation.cardholder")
    .max(100, "billing.validation.cardholder"),
});

/** "Low-balance alert at": 0 (off) to 1,000,000.00 DKK. */
export const lowBalanceThresholdSchema = z.object({
  threshold: kroner(0, MAX_THRESHOLD_ORE, "billing.validation.thresholdRange"),
});

const optionalDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "billing.validation.date")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const LEDGER_OPERATION_VALUES = [
  "REGISTRATION",
  "RENEWAL",
  "AUTO_RENEWAL",
  "RESTORE",
  "TRANSFER",
  "REGISTRANT_CHANGE",
  "TOP_UP_CARD",
  "PAYMENT_FIK",
  "PAYMENT_BANK",
  "ADJUSTMENT",
] as const;

/** The ledger's filters and page, as they stand in the URL (and the CSV export's query). */
export const ledgerFilterSchema = z.object({
  from: optionalDate,
  to: optionalDate,
  operation: z
    .enum(LEDGER_OPERATION_VALUES)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  domain: z
    .string()
    .trim()
    .max(260)
    .optional()
    .transform((s) => (s ? s : undefined)),
  after: serialId.optional().catch(undefined),
  before: serialId.optional().catch(undefined),
});
export type LedgerFilterInput = z.input<typeof ledgerFilterSchema>;

export const invoiceFilterSchema = z.object({
  state: z.enum(["OPEN", "PAID", "CANCELLED"]).optional().catch(undefined),
  after: serialId.optional().catch(undefined),
});
