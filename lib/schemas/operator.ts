import { z } from "zod";
import { type Policy, type PolicyInput, managementModels, policySchema } from "@/lib/registry/policy";

// The operator console's forms and actions (issue 21). Messages a person can see are catalogue
// keys of messages/<locale>/operator.json ("operator.validation.…").

const v = (key: string) => `operator.validation.${key}`;
const text = (max: number, key = "required") => z.string().trim().min(1, v(key)).max(max, v("tooLong"));
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, v("unknown"));
const registryDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, v("date"))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, v("date"));

/** DKK as typed ("1234.50", "1234,5", "450") → integer øre. */
export const dkkAmount = z
  .string()
  .trim()
  .regex(/^\d{1,9}([.,]\d{1,2})?$/, v("amount"))
  .transform((s) => {
    const [whole, fraction = ""] = s.replace(",", ".").split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

/** øre → the DKK text the forms show ("45.00"). */
export function oreToDkkText(øre: number): string {
  return (øre / 100).toFixed(2);
}

export const createRegistrarSchema = z.object({
  name: text(200),
  cvr: z.string().trim().regex(/^(DK)?\s?\d{8}$/i, v("cvr")),
  street: text(200),
  postalCode: text(20),
  city: text(100),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, v("country")).default("DK"),
  email: z.email(v("email")),
  phone: z.string().trim().max(40).optional(),
  fikCode: z.string().trim().regex(/^\d{4,16}$/, v("fikCode")),
  accountNumber: z.string().trim().regex(/^(\d{6,16})?$/, v("accountNumber")).optional(),
  adminName: text(200),
  adminEmail: z.email(v("email")),
  /** One CIDR or address per line; "CIDR description" with an optional description after a space. */
  allowlist: text(4000, "allowlist"),
});

/** The allowlist textarea's lines: "203.0.113.0/24 Office" → { cidr, description }. */
export function allowlistLines(value: string): { cidr: string; description: string }[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [cidr = "", ...rest] = l.split(/\s+/);
      return { cidr, description: rest.join(" ") };
    });
}

export const registrarIdSchema = z.object({ accountId: uuid });
export const suspendRegistrarSchema = z.object({ accountId: uuid, reason: text(500) });

export const bookPaymentSchema = z
  .object({
    method: z.enum(["FIK", "BANK"]),
    /** The FIK code (FIK) or account number (BANK) the payment names. */
    payee: z.string().trim().regex(/^\d{4,16}$/, v("payee")),
    amount: dkkAmount,
    valueDate: registryDate,
    reference: text(100),
  });

export const importStatementSchema = z.object({
  fileName: z.string().trim().max(200).optional(),
  content: z.string().min(1, v("file")).max(900_000, v("fileTooLarge")),
});

export const decideIdControlSchema = z
  .object({
    requestId: uuid,
    decision: z.enum(["passed", "rejected"]),
    reason: z.string().trim().max(500, v("tooLong")).optional(),
  })
  .refine((d) => d.decision === "passed" || (d.reason ?? "").length > 0, {
    message: v("rejectReason"),
    path: ["reason"],
  });

export const invoiceNumberSchema = z.object({ number: z.coerce.number().int().min(1).max(2_147_483_647) });
export const cancelInvoiceSchema = invoiceNumberSchema.extend({ reason: text(500) });

export const blockNameSchema = z.object({ name: text(260), reason: text(500) });

export const waitingListEntrySchema = z.object({
  name: text(260),
  holderName: text(200),
  holderEmail: z.email(v("email")),
  handle: z.string().trim().max(40).optional(),
});

export const clockOffsetSchema = z.object({
  days: z.coerce.number().int(v("wholeDays")).min(0, v("offsetRange")).max(3660, v("offsetRange")),
});

export const emptySchema = z.object({});

// ---- the policy form: the typed policy object, fees in DKK, lists as "1, 2, 3" ----

const int = (min: number, max: number) =>
  z.coerce.number(v("number")).int(v("number")).min(min, v("range")).max(max, v("range"));
const intList = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,3}(\s*,\s*\d{1,3})*)?$/, v("list"))
    .transform((s) => (s ? s.split(",").map((n) => Number(n.trim())) : []))
    .refine((l) => l.every((n) => n >= 1 && n <= max), v("range"));

/** Flat fields of the policy form; `toPolicyInput` builds the core's object, which `policySchema` checks. */
export const policyFormFields = z.object({
  registrationPeriodYears: intList(10),
  managementModels: z.array(z.enum(managementModels)).min(1, v("managementModels")),
  holdDays: int(1, 30),
  termsMaxAgeDays: int(1, 3650),
  renewalPeriodYears: intList(10),
  renewalPeriodMonths: intList(120),
  /** Empty: renew any time before expiry. */
  windowMonths: z
    .string()
    .trim()
    .regex(/^(\d{1,3})?$/, v("number"))
    .transform((s) => (s ? Number(s) : null)),
  lifespanCapYears: int(1, 10),
  redemptionDays: int(1, 3650),
  tokenLifetimeDays: int(1, 3650),
  maxFailuresPerHour: int(1, 100_000),
  offerLifetimeDays: int(1, 3650),
  termsRequestDays: int(1, 3650),
  idControlRequestDays: int(1, 3650),
  orderConfirmationRequired: z.boolean(),
  orderConfirmationMaxFutureHours: int(0, 168),
  orderConfirmationMaxAgeDays: int(1, 3650),
  rotationOverlapHours: int(0, 720),
  invoiceDueDays: int(1, 3650),
  lowBalanceThresholdDkk: dkkAmount,
  perYearDkk: dkkAmount,
  restoreFeeDkk: dkkAmount,
  registrantChangeDkk: dkkAmount,
  transferDkk: dkkAmount,
  /** datetime-local text in the operator's browser, sent as an ISO instant; empty: now. */
  effectiveFrom: z
    .string()
    .trim()
    .refine((s) => s === "" || !Number.isNaN(new Date(s).getTime()), v("instant")),
});

export type PolicyFormInput = z.input<typeof policyFormFields>;
export type PolicyFormOutput = z.output<typeof policyFormFields>;

export function toPolicyInput(f: PolicyFormOutput): PolicyInput {
  return {
    registration: {
      periodYears: f.registrationPeriodYears,
      managementModels: f.managementModels,
      holdDays: f.holdDays,
      termsMaxAgeDays: f.termsMaxAgeDays,
    },
    renewal: {
      periodYears: f.renewalPeriodYears,
      periodMonths: f.renewalPeriodMonths,
      windowMonths: f.windowMonths,
    },
    lifespanCapYears: f.lifespanCapYears,
    redemptionDays: f.redemptionDays,
    tokens: { lifetimeDays: f.tokenLifetimeDays, maxFailuresPerHour: f.maxFailuresPerHour },
    waitingList: { offerLifetimeDays: f.offerLifetimeDays },
    registrantChange: {
      termsRequestDays: f.termsRequestDays,
      idControlRequestDays: f.idControlRequestDays,
      orderConfirmation: {
        required: f.orderConfirmationRequired,
        maxFutureHours: f.orderConfirmationMaxFutureHours,
        maxAgeDays: f.orderConfirmationMaxAgeDays,
      },
    },
    serviceCredentials: { rotationOverlapHours: f.rotationOverlapHours },
    billing: { defaultLowBalanceThresholdOre: f.lowBalanceThresholdDkk, invoiceDueDays: f.invoiceDueDays },
    prices: {
      perYearOre: f.perYearDkk,
      restoreFeeOre: f.restoreFeeDkk,
      registrantChangeOre: f.registrantChangeDkk,
      transferOre: f.transferDkk,
    },
  };
}

/** The form's values for a policy (a preset or the version in force). */
export function toPolicyForm(p: Policy): PolicyFormInput {
  return {
    registrationPeriodYears: p.registration.periodYears.join(", "),
    managementModels: [...p.registration.managementModels],
    holdDays: p.registration.holdDays,
    termsMaxAgeDays: p.registration.termsMaxAgeDays,
    renewalPeriodYears: p.renewal.periodYears.join(", "),
    renewalPeriodMonths: p.renewal.periodMonths.join(", "),
    windowMonths: p.renewal.windowMonths === null ? "" : String(p.renewal.windowMonths),
    lifespanCapYears: p.lifespanCapYears,
    redemptionDays: p.redemptionDays,
    tokenLifetimeDays: p.tokens.lifetimeDays,
    maxFailuresPerHour: p.tokens.maxFailuresPerHour,
    offerLifetimeDays: p.waitingList.offerLifetimeDays,
    termsRequestDays: p.registrantChange.termsRequestDays,
    idControlRequestDays: p.registrantChange.idControlRequestDays,
    orderConfirmationRequired: p.registrantChange.orderConfirmation.required,
    orderConfirmationMaxFutureHours: p.registrantChange.orderConfirmation.maxFutureHours,
    orderConfirmationMaxAgeDays: p.registrantChange.orderConfirmation.maxAgeDays,
    rotationOverlapHours: p.serviceCredentials.rotationOverlapHours,
    invoiceDueDays: p.billing.invoiceDueDays,
    lowBalanceThresholdDkk: oreToDkkText(p.billing.defaultLowBalanceThresholdOre),
    perYearDkk: oreToDkkText(p.prices.perYearOre),
    restoreFeeDkk: oreToDkkText(p.prices.restoreFeeOre),
    registrantChangeDkk: oreToDkkText(p.prices.registrantChangeOre),
    transferDkk: oreToDkkText(p.prices.transferOre),
    effectiveFrom: "",
  };
}

/**
 * The action's schema: the form's fields, then the core's own policy schema over the object they
 * make — the same zod schema the core parses stored policies with.
 */
export const setPolicySchema = policyFormFields.transform((f, ctx) => {
  const parsed = policySchema.safeParse(toPolicyInput(f));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.map(String) });
    }
    return z.NEVER;
  }
  return { settings: parsed.data, effectiveFrom: f.effectiveFrom ? new Date(f.effectiveFrom) : undefined };
});
