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
  // one raw statement (issue 22: every operation runs it), the settings as text: a version read
  // before is not parsed again
  const rows = at
    ? await db.$queryRaw<{ settings: string }[]>`
        SELECT settings::text AS settings FROM "Policy"
        WHERE "effectiveFrom" IS NULL OR "effectiveFrom" <= ${at}::timestamptz
        ORDER BY "effectiveFrom" DESC NULLS LAST, version DESC LIMIT 1`
    : await db.$queryRaw<{ settings: string }[]>`
        SELECT settings::text AS settings FROM "Policy" ORDER BY version DESC LIMIT 1`;
  const text = rows[0]?.settings;
  return text === undefined ? defaultPolicy : parsed(text);
}

// The last few settings texts and their parsed, frozen policies (a stored version never changes;
// a changed text is simply parsed anew).
const cache = new Map<string, Policy>();

function parsed(text: string): Policy {
  let policy = cache.get(text);
  if (!policy) {
    policy = deepFreeze(parsePolicy(JSON.parse(text)));
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
    cache.set(text, policy);
  }
  return policy;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
