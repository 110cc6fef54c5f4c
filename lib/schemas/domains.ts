import { z } from "zod";

const domainName = z.string().trim().min(1, "Enter a domain name").max(260);
const registryDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  // a calendar date (no 2026-02-30): the column is a DATE, and the core compares it as one
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "No such date");

export const renewDomainSchema = z.object({
  name: domainName,
  curExpDate: registryDate,
  periodUnit: z.enum(["y", "m"]).default("y"),
  periodValue: z.coerce.number().int().min(1).max(11).default(1),
});

export const setRenewalPolicySchema = z.object({
  name: domainName,
  renewalPolicy: z.enum(["AUTO_RENEW", "AUTO_EXPIRE"]),
});

export const domainNameSchema = z.object({ name: domainName });
