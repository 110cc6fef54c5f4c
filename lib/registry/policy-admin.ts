import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requireOperator } from "@/lib/registry/permissions";
import { type Policy, defaultPolicy, dk2026Policy, parsePolicy } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";

// The operator's policy changes, apart from policy-store.ts (which operation.ts reads the policy
// with), so operation.ts ↔ policy-store.ts is no import cycle. Issue 21: a change never edits a
// row; it adds a version with who, when, an effective-from instant (now or later, never in the
// past: what operations already used stays as it was) and its diff to the version it follows.

/** The two shipped rule sets, offered as presets of the policy form. */
export const policyPresets = { spec2021: defaultPolicy, dk2026: dk2026Policy } as const;
export type PolicyPreset = keyof typeof policyPresets;

export type PolicyChange = { path: string; before: unknown; after: unknown };

/** Leaf-by-leaf differences of two policies (arrays compared whole), in key order. */
export function diffPolicies(before: unknown, after: unknown, prefix = ""): PolicyChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffPolicies(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: prefix, before: before ?? null, after: after ?? null }];
}

export type PolicyVersionView = {
  id: string;
  version: number;
  /** null: since always (the first version). */
  effectiveFrom: Date | null;
  createdAt: Date;
  createdBy: string;
  settings: Policy;
  diff: PolicyChange[];
  /** In force now; a later effectiveFrom is scheduled, an older one superseded. */
  status: "IN_FORCE" | "SCHEDULED" | "SUPERSEDED";
};

/**
 * Operator: a new policy version (validated with the zod schema; VALIDATION_FAILED otherwise),
 * in force from `effectiveFrom` (default: now; earlier than now is refused). Returns the policy.
 */
export async function setPolicy(
  ctx: CoreContext,
  input: unknown,
  options: { effectiveFrom?: Date } = {},
): Promise<Policy> {
  const version = await createPolicyVersion(ctx, { settings: input, effectiveFrom: options.effectiveFrom });
  return version.settings;
}

export async function createPolicyVersion(
  ctx: CoreContext,
  input: { settings: unknown; effectiveFrom?: Date },
): Promise<{ id: string; version: number; effectiveFrom: Date; settings: Policy; diff: PolicyChange[] }> {
  return runOperatorOperation(
    ctx,
    { name: "policy.set", objectType: "Policy" },
    async ({ tx, actor, now, audit }) => {
      const policy = parsePolicy(input.settings);
      const effectiveFrom = input.effectiveFrom ?? now;
      if (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() < now.getTime() - 60_000) {
        throw new RegistryError(
          "VALIDATION_FAILED",
          "A policy version takes effect now or later, never in the past",
          { field: "effectiveFrom" },
        );
      }
      // one writer at a time, so two versions never diff against the same predecessor unseen
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('policy-versions', 0))`;
      const previous = await getPolicy(tx, effectiveFrom);
      const diff = diffPolicies(previous, policy);
      const row = await tx.policy.create({
        data: {
          id: randomUUID(),
          settings: policy,
          updatedAt: now,
          updatedBy: actor.label,
          operatorId: actor.operatorId,
          effectiveFrom,
          diff: JSON.parse(JSON.stringify(diff)) as Prisma.InputJsonValue,
        },
        select: { id: true, version: true },
      });
      Object.assign(audit, {
        objectId: row.id,
        objectLabel: `version ${row.version}`,
        before: { effectiveFrom: null },
        after: { version: row.version, effectiveFrom, diff },
      });
      return { id: row.id, version: row.version, effectiveFrom, settings: policy, diff };
    },
  );
}

/** Operator: every version, newest first, marked in force, scheduled or superseded. */
export async function listPolicyVersions(ctx: CoreContext): Promise<PolicyVersionView[]> {
  requireOperator(ctx.actor);
  const now = ctx.clock.now();
  const rows = await ctx.db.policy.findMany({
    orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
    take: 200,
  });
  const inForce = rows.find((r) => r.effectiveFrom === null || r.effectiveFrom.getTime() <= now.getTime());
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    createdAt: r.updatedAt,
    createdBy: r.updatedBy,
    settings: parsePolicy(r.settings),
    diff: Array.isArray(r.diff) ? (r.diff as PolicyChange[]) : [],
    status:
      r.id === inForce?.id
        ? "IN_FORCE"
        : r.effectiveFrom !== null && r.effectiveFrom.getTime() > now.getTime()
          ? "SCHEDULED"
          : "SUPERSEDED",
  }));
}

/** Operator: the policy in force now (what the form starts from). */
export async function getPolicyInForce(ctx: CoreContext): Promise<Policy> {
  requireOperator(ctx.actor);
  return getPolicy(ctx.db, ctx.clock.now());
}
