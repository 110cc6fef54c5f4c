import { z } from "zod";

// Issue 15 item 6: bulk work on the domain list's selection. Names, not ids: the same names the
// domain pages use, and what the core resolves in the actor's portfolio.
const domainName = z.string().trim().min(1).max(260);
const registryDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const BULK_MAX = 100;

const domains = z
  .array(domainName)
  .min(1, "domainBulk.validation.none")
  .max(BULK_MAX, "domainBulk.validation.tooMany");

const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const bulkRenewPreviewSchema = z.object({
  domains,
  periodYears: z.coerce.number().int().min(1).max(10).default(1),
});

export const bulkRenewStartSchema = bulkRenewPreviewSchema.extend({
  idempotencyKey,
  /** The expiry each domain had in the preview, by name: sent as curExpDate (R-REN-1). */
  curExpDates: z.record(domainName, registryDate),
});

export const bulkRenewalPolicyPreviewSchema = z.object({
  domains,
  renewalPolicy: z.enum(["AUTO_RENEW", "AUTO_EXPIRE"]),
});

export const bulkRenewalPolicyStartSchema = bulkRenewalPolicyPreviewSchema.extend({ idempotencyKey });
