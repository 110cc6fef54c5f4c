import type { OperatorAuditFilter } from "@/lib/registry/operator";
import { addDays, expiryInstant, isRegistryDate } from "@/lib/registry/rules";

export type AuditSearch = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** The audit view's URL parameters as a filter (dates are Copenhagen days, inclusive). */
export function auditFilter(search: AuditSearch): OperatorAuditFilter & { cursor?: string } {
  // 00:00 Copenhagen time of the day (plus days), DST included
  const day = (v: string | undefined, plus = 0) =>
    v && isRegistryDate(v) ? expiryInstant(addDays(v, plus)) : undefined;
  const outcome = one(search.outcome);
  return {
    operator: one(search.operator),
    operation: one(search.operation),
    object: one(search.object),
    outcome: outcome === "SUCCESS" || outcome === "REFUSED" ? outcome : undefined,
    from: day(one(search.from)),
    to: day(one(search.to), 1),
    cursor: one(search.cursor),
  };
}

export function auditQuery(search: AuditSearch, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["operator", "operation", "object", "outcome", "from", "to"]) {
    const v = one(search[key]);
    if (v) params.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
