import type { Db } from "@/lib/db/client";
import { type Policy, defaultPolicy, parsePolicy } from "@/lib/registry/policy";

// The stored registry policy (DESIGN.md intro), versioned (issue 21): every change is a new
// `Policy` row with an `effectiveFrom` instant, and an operation uses the version in force at its
// time — the row with the newest effectiveFrom at or before it (the newest version on a tie; a
// null effectiveFrom, the first row's, is in force since always).
// Every operation reads it inside its transaction, so a change applies to the next operation,
// never half-way. Reading only: versions are written by policy-admin.ts, apart from this file,
// which operation.ts reads the policy with, so the kernel has no import cycle.

/** The id of the first row (the seed's, and policies stored before versions existed). */
export const POLICY_ID = "current";

/**
 * The policy in force at `at`, parsed strictly; the defaults when none is stored yet. Without
 * `at`: the newest version whatever its effectiveFrom (tools and tests).
 */
export async function getPolicy(db: Db, at?: Date): Promise<Policy> {
  const row = await db.policy.findFirst({
    // a null effectiveFrom is in force since always
    where: at ? { OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: at } }] } : {},
    orderBy: at
      ? [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }]
      : [{ version: "desc" }],
    select: { settings: true },
  });
  return row ? parsePolicy(row.settings) : defaultPolicy;
}
