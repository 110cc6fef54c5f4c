import { TZDate } from "@date-fns/tz";
import { z } from "zod";

// Issue 15 "Register" (R-REG-1): the register form and its server action parse with this. The
// client checks the shape as the user types; the core decides the rest (R-REG-2…6: the name, the
// period and model the policy allows, the handles, the terms time, the name servers, the funds).

export const MIN_NAME_SERVERS = 2;
export const MAX_NAME_SERVERS = 7;
export const TERMS_METHODS = ["stated", "email"] as const;
export type TermsMethod = (typeof TERMS_METHODS)[number];

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value (`2026-11-24T14:30`) read as Copenhagen wall time, the registry's zone
 * (DateTimeField's hint says so); null when it is not such a time.
 */
export function copenhagenWallTime(value: string): Date | null {
  const m = WALL_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const date = new TZDate(y!, mo! - 1, d!, h!, mi!, s ?? 0, "Europe/Copenhagen");
  // no 30 February: the parts must survive the round trip
  if (date.getMonth() !== mo! - 1 || date.getDate() !== d! || Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime());
}

/** The wall time an instant has in Copenhagen, as a `datetime-local` value (to the minute). */
export function toCopenhagenWallTime(instant: Date): string {
  const t = new TZDate(instant.getTime(), "Europe/Copenhagen");
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}`;
}

const optionalText = (max: number) => z.string().trim().max(max, "domainRegister.validation.tooLong").default("");

const host = z
  .string()
  .trim()
  .min(1, "nameservers.validation.hostRequired")
  .max(253, "nameservers.validation.hostTooLong");

export const registerDomainSchema = z
  .object({
    reference: optionalText(100),
    name: z.string().trim().min(1, "domainRegister.validation.nameRequired").max(260, "domainRegister.validation.tooLong"),
    authorizationCode: optionalText(40),
    periodYears: z.coerce.number().int().min(1).max(10),
    managementModel: z.enum(["registrar", "registrant"]),
    renewalPolicy: z.enum(["AUTO_RENEW", "AUTO_EXPIRE"]),
    poNumber: optionalText(100),
    accountCode: optionalText(100),
    registrant: z.string().trim().min(1, "domainRegister.validation.registrantRequired").max(40),
    proxy: optionalText(40),
    payer: optionalText(40),
    nameServers: z
      .array(z.object({ host }))
      .min(MIN_NAME_SERVERS, "nameservers.validation.tooFew")
      .max(MAX_NAME_SERVERS, "nameservers.validation.tooMany"),
    termsMethod: z.enum(TERMS_METHODS),
    termsAcceptedAt: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.termsMethod !== "stated") return;
    if (!v.termsAcceptedAt) {
      ctx.addIssue({ code: "custom", path: ["termsAcceptedAt"], message: "domainRegister.validation.termsRequired" });
    } else if (!copenhagenWallTime(v.termsAcceptedAt)) {
      ctx.addIssue({ code: "custom", path: ["termsAcceptedAt"], message: "domainRegister.validation.termsInvalid" });
    }
  });

export type RegisterDomainFormInput = z.input<typeof registerDomainSchema>;

export const checkNameSchema = z.object({ name: z.string().trim().min(1).max(260) });

export const searchHandlesSchema = z.object({
  query: z.string().trim().max(100),
  managementModel: z.enum(["registrar", "registrant"]),
});
