import type { Db } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { type Policy, defaultPolicy, parsePolicy } from "@/lib/registry/policy";
import { runOperatorOperation } from "@/lib/registry/operation";

// The stored registry policy (DESIGN.md intro): one row, id "current". Every operation reads it
// inside its transaction, so a policy change applies to the next operation, never half-way.

export const POLICY_ID = "current";

/** The stored policy, parsed strictly; the defaults when none is stored yet. */
export async function getPolicy(db: Db): Promise<Policy> {
  const row = await db.policy.findUnique({ where: { id: POLICY_ID } });
  return row ? parsePolicy(row.settings) : defaultPolicy;
}

/** Operator: replace the policy (validated with the zod schema; VALIDATION_FAILED otherwise). */
export async function setPolicy(ctx: CoreContext, input: unknown): Promise<Policy> {
  return runOperatorOperation(
    ctx,
    { name: "policy.set", objectType: "Policy", objectLabel: POLICY_ID },
    async ({ tx, actor, now, policy: before, audit }) => {
      const policy = parsePolicy(input);
      await tx.policy.upsert({
        where: { id: POLICY_ID },
        create: { id: POLICY_ID, settings: policy, updatedAt: now, updatedBy: actor.label },
        update: { settings: policy, updatedAt: now, updatedBy: actor.label },
      });
      Object.assign(audit, { objectId: POLICY_ID, before, after: policy });
      return policy;
    },
  );
}
