import type { CoreContext } from "@/lib/registry/context";
import { runOperatorOperation } from "@/lib/registry/operation";
import { type Policy, parsePolicy } from "@/lib/registry/policy";
import { POLICY_ID } from "@/lib/registry/policy-store";

// The operator's policy change, apart from policy-store.ts (which operation.ts reads the policy
// with), so operation.ts ↔ policy-store.ts is no import cycle.

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
