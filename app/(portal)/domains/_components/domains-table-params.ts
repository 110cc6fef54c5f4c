import {
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { defineTable, pageRequest } from "@/components/ui/data-table/table-params";

// The domain list's URL state (issue 14): filters, sort, page size and keyset cursor, read by the
// page, the client table, the CSV export route and the dashboard's links — one definition, so the
// export is exactly the list and a tile's link is exactly its count. No "use client": safe on both
// sides.

export const DOMAIN_STATES = ["HELD", "ACTIVE", "SUSPENDED"] as const;
export const RENEWAL_POLICIES = ["AUTO_RENEW", "AUTO_EXPIRE"] as const;
export const MANAGEMENT_MODELS = ["REGISTRAR", "REGISTRANT"] as const;
export const EXPIRES_WITHIN = [30, 60, 90] as const;

export const domainsTable = defineTable({
  sort: ["name", "expiry", "created"],
  defaultSort: "name",
  filters: {
    q: parseAsString.withDefault(""),
    /** null: prefix (the default) */
    match: parseAsStringLiteral(["contains"] as const),
    state: parseAsStringLiteral(DOMAIN_STATES),
    renewal: parseAsStringLiteral(RENEWAL_POLICIES),
    management: parseAsStringLiteral(MANAGEMENT_MODELS),
    expires: parseAsNumberLiteral(EXPIRES_WITHIN),
    from: parseAsString.withDefault(""),
    to: parseAsString.withDefault(""),
    registrant: parseAsString.withDefault(""),
  },
});

export type DomainsTableParams = Awaited<ReturnType<typeof domainsTable.load>>;

/** A calendar date as typed in the URL, or nothing (a wrong one is ignored, not an error page). */
function dateParam(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? value : undefined;
}

/** The core's list input (`listDomains`, `exportDomainsCsv`) for the URL state. */
export function domainListInput(p: DomainsTableParams) {
  const page = pageRequest(p);
  return {
    search: p.q.trim().slice(0, 260) || undefined,
    match: p.match === "contains" ? ("contains" as const) : ("prefix" as const),
    states: p.state ? [p.state] : undefined,
    renewalPolicy: p.renewal ?? undefined,
    managementModel: p.management ?? undefined,
    expiresWithin: p.expires ?? undefined,
    expiresFrom: dateParam(p.from),
    expiresTo: dateParam(p.to),
    registrant: p.registrant.trim().slice(0, 64) || undefined,
    sort: p.sort,
    direction: p.dir,
    limit: page.limit,
    // the core's cursors say which way they read; `after`/`before` only carry them
    cursor: page.cursor,
  };
}
