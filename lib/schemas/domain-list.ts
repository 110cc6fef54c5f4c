import { z } from "zod";

// Issue 14: the domain list's state as the URL holds it (`/domains?q=…&state=SUSPENDED&sort=expiry`)
// — the page and the CSV export route read the same parameters, so the export is exactly the list.
// A URL is typed and edited by people: a value that is not one of the choices is dropped (the
// default applies) rather than answered with an error page.

export const DOMAIN_STATES = ["HELD", "ACTIVE", "SUSPENDED"] as const;
export const RENEWAL_POLICIES = ["AUTO_RENEW", "AUTO_EXPIRE"] as const;
export const MANAGEMENT_MODELS = ["REGISTRAR", "REGISTRANT"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const EXPIRES_WITHIN = [30, 60, 90] as const;
export const SORTS = ["name", "expiry", "created"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/** The first value of a repeated parameter (Next gives string | string[] | undefined). */
const one = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z.string().optional().catch(undefined),
);
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z.enum(values).optional().catch(undefined),
  );

export const domainListParamsSchema = z.object({
  q: one.transform((v) => v?.trim().slice(0, 260) || undefined),
  match: choice(["prefix", "contains"] as const),
  /** One or more states: `state=ACTIVE&state=HELD` or `state=ACTIVE,HELD`. */
  state: z
    .preprocess(
      (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(","))),
      z.array(z.string()),
    )
    .transform((list) =>
      DOMAIN_STATES.filter((s) => list.includes(s)),
    )
    .catch([]),
  renewal: choice(RENEWAL_POLICIES),
  management: choice(MANAGEMENT_MODELS),
  expires: z.preprocess(
    (v) => Number(Array.isArray(v) ? v[0] : v),
    z
      .number()
      .refine((n) => (EXPIRES_WITHIN as readonly number[]).includes(n))
      .optional()
      .catch(undefined),
  ),
  from: one.transform((v) => (v && isDate(v) ? v : undefined)),
  to: one.transform((v) => (v && isDate(v) ? v : undefined)),
  registrant: one.transform((v) => v?.trim().toUpperCase().slice(0, 64) || undefined),
  sort: choice(SORTS),
  dir: choice(["asc", "desc"] as const),
  size: z.preprocess(
    (v) => Number(Array.isArray(v) ? v[0] : v),
    z
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .optional()
      .catch(undefined),
  ),
  cursor: one.transform((v) => (v && /^[A-Za-z0-9_-]{1,2000}$/.test(v) ? v : undefined)),
});

export type DomainListParams = z.infer<typeof domainListParamsSchema>;

/** Search params as Next hands them to a page, or a URLSearchParams of a route handler. */
export function parseDomainListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): DomainListParams {
  const record: Record<string, string | string[]> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  } else {
    for (const [key, value] of Object.entries(input)) if (value !== undefined) record[key] = value;
  }
  return domainListParamsSchema.parse(record);
}

/** The core's list input (`listDomains`, `exportDomainsCsv`) for these parameters. */
export function domainListInput(p: DomainListParams) {
  return {
    search: p.q,
    match: p.match,
    states: p.state.length > 0 ? p.state : undefined,
    renewalPolicy: p.renewal,
    managementModel: p.management,
    expiresWithin: p.expires,
    expiresFrom: p.from,
    expiresTo: p.to,
    registrant: p.registrant,
    sort: p.sort,
    direction: p.dir,
    limit: p.size ?? 25,
    cursor: p.cursor ?? null,
  };
}
