import ipaddr from "ipaddr.js";
import { z } from "zod";

// Issue 17: the forms of name servers, a domain's name servers, DNSSEC and redelegation, and their
// server actions, parse with these. The client checks the form (an address is an address, a
// digest has the length its type needs) as the user types; the core decides the rest (R-NS-1:
// which hosts may have glue, which addresses are publicly routable; R-DS-1). The DS constants
// mirror rules/dnssec.ts (which the browser cannot import); tests/schemas/nameservers.test.ts
// keeps them equal.

export const DS_ALGORITHMS = [3, 5, 6, 7, 8, 10, 13, 14, 15, 16] as const;
export const DS_DIGEST_TYPES = [1, 2, 4] as const;
export const DS_DIGEST_LENGTHS: Readonly<Record<number, number>> = { 1: 40, 2: 64, 4: 96 };
export const MIN_NAME_SERVERS = 2;
export const MAX_NAME_SERVERS = 7;
/** Glue rows a form offers per family. */
export const MAX_GLUE_PER_FAMILY = 8;

const domainName = z.string().trim().min(1, "nameservers.validation.domainRequired").max(260);
const host = z
  .string()
  .trim()
  .min(1, "nameservers.validation.hostRequired")
  .max(253, "nameservers.validation.hostTooLong");

export const isIPv4Text = (s: string) => ipaddr.IPv4.isValidFourPartDecimal(s.trim());
// ipaddr accepts zone ids ("fe80::1%eth0"), which glue never has
export const isIPv6Text = (s: string) => !s.includes("%") && ipaddr.IPv6.isValid(s.trim());

const ipv4Row = z.object({
  address: z.string().trim().refine(isIPv4Text, "nameservers.validation.ipv4"),
});
const ipv6Row = z.object({
  address: z.string().trim().refine(isIPv6Text, "nameservers.validation.ipv6"),
});
const glue = {
  glueV4: z.array(ipv4Row).max(MAX_GLUE_PER_FAMILY).default([]),
  glueV6: z.array(ipv6Row).max(MAX_GLUE_PER_FAMILY).default([]),
};

export const hostSchema = z.object({ host });
export const createNameServerSchema = z.object({ host, ...glue });
export const updateGlueSchema = z.object({ host, ...glue });
export const changeAdministratorSchema = z.object({
  host,
  nsaHandle: z.string().trim().min(1, "nameservers.validation.handleRequired").max(40),
});

const nameServerRows = z
  .array(z.object({ host }))
  .min(MIN_NAME_SERVERS, "nameservers.validation.tooFew")
  .max(MAX_NAME_SERVERS, "nameservers.validation.tooMany");

/** "Edit name servers": the rows, a plan first (`preview`), then the change (R-NS-4). */
export const setNameServersSchema = z.object({
  name: domainName,
  nameServers: nameServerRows,
  preview: z.boolean().optional(),
  confirmDsRemoval: z.boolean().optional(),
});

const digestText = z.string().transform((s) => s.replace(/\s+/g, "").toUpperCase());

const dsFields = {
  keyTag: z.coerce
    .number("nameservers.validation.keyTag")
    .int("nameservers.validation.keyTag")
    .min(0, "nameservers.validation.keyTag")
    .max(65535, "nameservers.validation.keyTag"),
  algorithm: z.coerce
    .number()
    .refine((n) => (DS_ALGORITHMS as readonly number[]).includes(n), "nameservers.validation.algorithm"),
  digestType: z.coerce
    .number()
    .refine((n) => (DS_DIGEST_TYPES as readonly number[]).includes(n), "nameservers.validation.digestType"),
  digest: digestText.refine((s) => s.length > 0, "nameservers.validation.digestRequired"),
};

/** The digest's length follows the digest type (checked as the user types). */
function checkDigest(r: { digestType: number; digest: string }, ctx: z.RefinementCtx) {
  if (!/^[0-9A-F]*$/.test(r.digest)) {
    ctx.addIssue({ code: "custom", path: ["digest"], message: "nameservers.validation.digestHex" });
    return;
  }
  const length = DS_DIGEST_LENGTHS[r.digestType];
  if (length !== undefined && r.digest.length > 0 && r.digest.length !== length) {
    ctx.addIssue({ code: "custom", path: ["digest"], message: `nameservers.validation.digestLength${length}` });
  }
}

/** "Add DS record" (and "Remove", which names the record the same way). */
export const addDsRecordSchema = z.object({ name: domainName, ...dsFields }).superRefine(checkDigest);
export const removeDsRecordSchema = addDsRecordSchema;

export const dnskeyToDsSchema = z.object({
  name: domainName,
  dnskey: z.string().trim().min(1, "nameservers.validation.dnskeyRequired").max(8192),
  digestType: z.coerce
    .number()
    .refine((n) => (DS_DIGEST_TYPES as readonly number[]).includes(n), "nameservers.validation.digestType")
    .default(2),
});

export const issueRedelegationTokenSchema = z.object({
  name: domainName,
  /** NSA-REDEL or PXY-REDEL; by default the one the user's meta-role issues (NSA first). */
  role: z.enum(["NSA", "PXY"]).optional(),
  /** A fresh authentication code, from a user with TOTP enrolled (DESIGN.md §5). */
  totpCode: z.string().trim().regex(/^(\d{6})?$/, "nameservers.validation.totpCode").optional(),
});

export const retractRedelegationTokenSchema = z.object({
  tokenId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "nameservers.validation.tokenId"),
});

export const redelegateSchema = z.object({
  name: domainName,
  token: z.string().trim().min(1, "nameservers.validation.tokenRequired").max(200),
  nameServers: nameServerRows,
  confirmDsRemoval: z.boolean().optional(),
});

/** The list page's URL: `/nameservers?q=…&after=…`. */
export const nameServerListParams = z.object({
  q: z.string().trim().max(253).catch(""),
  after: z.string().trim().max(253).optional().catch(undefined),
});

/** How many hex digits a digest type needs (for the as-you-type hint). */
export function digestLength(digestType: unknown): number | undefined {
  return DS_DIGEST_LENGTHS[Number(digestType)];
}
