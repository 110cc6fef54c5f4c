import { z } from "zod";
import { cidrNetwork } from "@/lib/net/cidr";

// Administration (R-ACC-5…7 and the audit log): the schemas the forms and the actions share.
// Messages a user can see are keys of messages/<locale>/admin.json.

const handleId = z
  .string()
  .trim()
  .min(1, "admin.validation.handle")
  .max(32, "admin.validation.handle")
  .transform((s) => s.toUpperCase());

/** A 6-digit TOTP code for step-up (R-ACC-7, DESIGN §5); empty means none given. */
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "admin.validation.totpCode")
  .optional()
  .or(z.literal("").transform(() => undefined));

const registryDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "admin.validation.date")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "admin.validation.date");

// R-ACC-5 linked handles
export const handleRefSchema = z.object({ handle: handleId });
export const createHandleSchema = z.object({});

export const mergePreviewSchema = z.object({
  survivor: handleId,
  // a form's checkboxes give a string when one is ticked, false when none is
  merged: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v === false || v === undefined || v === null ? [] : v),
    z.array(handleId).min(1, "admin.validation.merged").max(20),
  ),
});
/** The merge itself needs the preview to have been confirmed. */
export const mergeHandlesSchema = mergePreviewSchema.extend({
  confirmed: z.literal(true, "admin.validation.mergeConfirm"),
});

// R-ACC-6 account defaults
export const managementModels = ["REGISTRAR", "REGISTRANT"] as const;
export const renewalPolicies = ["AUTO_RENEW", "AUTO_EXPIRE"] as const;
export const accountSettingsSchema = z.object({
  defaultManagementModel: z.enum(managementModels),
  defaultRenewalPolicy: z.enum(renewalPolicies),
});

// R-ACC-7 IP allowlist
export const addAllowlistEntrySchema = z.object({
  cidr: z
    .string()
    .trim()
    .min(1, "admin.validation.cidr")
    .max(64, "admin.validation.cidr")
    .refine((s) => cidrNetwork(s) !== null, "admin.validation.cidr"),
  description: z.string().trim().min(1, "admin.validation.description").max(200, "admin.validation.description"),
  totpCode,
});

export const removeAllowlistEntrySchema = z.object({
  id: z.uuid("admin.validation.entry"),
  /** Removing the entry that holds one's own address must be confirmed explicitly. */
  confirm: z.boolean().optional(),
  totpCode,
});

// The audit log's filters (URL search parameters of /admin/audit and its CSV export).
export const auditOutcomes = ["SUCCESS", "REFUSED"] as const;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => s || undefined);
export const auditFilterSchema = z.object({
  actor: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  operation: optionalText(100),
  objectType: optionalText(100),
  object: optionalText(255),
  outcome: z.enum(auditOutcomes).optional().or(z.literal("").transform(() => undefined)),
  from: registryDate.optional().or(z.literal("").transform(() => undefined)),
  to: registryDate.optional().or(z.literal("").transform(() => undefined)),
});
export const auditPageSchema = auditFilterSchema.extend({
  cursor: z.string().regex(/^\d{1,10}$/).optional(),
  before: z.string().regex(/^\d{1,10}$/).optional(),
});
export type AuditFilterInput = z.output<typeof auditFilterSchema>;

/** The core's filter from the parsed URL parameters. */
export function toAuditFilter(f: AuditFilterInput) {
  return {
    actorId: f.actor,
    operation: f.operation,
    objectType: f.objectType,
    object: f.object,
    outcome: f.outcome,
    from: f.from,
    to: f.to,
  };
}
