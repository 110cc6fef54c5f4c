import { TZDate } from "@date-fns/tz";
import { z } from "zod";

// Issue 16: transfer tokens, transfer in and change of registrant. Messages a user sees are keys
// of the domainTransfer catalogue.

const domainName = z.string().trim().min(1, "domainTransfer.validation.name").max(260);

/** A fresh TOTP code, asked only of users with TOTP enrolled (the core decides); empty otherwise. */
const totpCode = z
  .string()
  .trim()
  .regex(/^(\d{6})?$/, "domainTransfer.validation.totpCode")
  .optional();

export const issueTransferTokenSchema = z.object({ name: domainName, totpCode });

export const retractTokensSchema = z.object({
  tokenIds: z.array(z.string().max(64)).min(1, "domainTransfer.validation.select").max(100),
});

export const transferDomainSchema = z.object({
  name: domainName,
  token: z.string().trim().min(1, "domainTransfer.validation.token").max(100),
});

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value (`2026-11-24T14:30`) read as Copenhagen wall time, as epoch seconds
 * (R-CHG-2's order-confirmation token); null when empty or not a time.
 */
export function copenhagenWallTimeToEpochSeconds(text: string): string | null {
  const m = WALL_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const at = new TZDate(y!, mo! - 1, d!, h!, mi!, s ?? 0, "Europe/Copenhagen");
  // no such wall time (2026-02-30): the date rolled over
  if (at.getDate() !== d || at.getMonth() !== mo! - 1) return null;
  return String(Math.floor(at.getTime() / 1000));
}

export const changeRegistrantSchema = z.object({
  name: domainName,
  newRegistrant: z.string().trim().min(1, "domainTransfer.validation.newRegistrant").max(64),
  /** When the registrant confirmed the order (optional), sent to the core as epoch seconds. */
  orderConfirmation: z
    .string()
    .trim()
    .optional()
    .refine((s) => !s || copenhagenWallTimeToEpochSeconds(s) !== null, "domainTransfer.validation.orderConfirmation")
    .transform((s) => (s ? copenhagenWallTimeToEpochSeconds(s) : null)),
});

export const registrantChangeSchema = z.object({ name: domainName });

export const searchContactsSchema = z.object({ query: z.string().max(100) });
