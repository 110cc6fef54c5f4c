import type { Db } from "@/lib/db/client";
import { type Policy, defaultPolicy, parsePolicy } from "@/lib/registry/policy";

// The stored registry policy (DESIGN.md intro): one row, id "current". Every operation reads it
// inside its transaction, so a policy change applies to the next operation, never half-way.
// Reading only: replacing it is an operation (policy-admin.ts), and operation.ts reads the policy
// from here, so keeping the writer apart keeps the kernel free of an import cycle.

export const POLICY_ID = "current";

/** The stored policy, parsed strictly; the defaults when none is stored yet. */
export async function getPolicy(db: Db): Promise<Policy> {
  const row = await db.policy.findUnique({ where: { id: POLICY_ID } });
  return row ? parsePolicy(row.settings) : defaultPolicy;
}
