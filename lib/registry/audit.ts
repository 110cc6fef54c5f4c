import type { Db } from "@/lib/db/client";
import { type Actor, actorIp } from "@/lib/registry/actor";
import { recordActor } from "@/lib/registry/actor-record";

// Every mutating operation writes one AuditEvent (DESIGN.md §5): inside its transaction when it
// succeeds, and — for a refusal — after the rollback, so the attempt is on record either way.

export type AuditInput = {
  actor: Actor;
  at: Date;
  accountId: string | null;
  operation: string;
  objectType: string;
  objectId?: string | null;
  objectLabel?: string | null;
  before?: unknown;
  after?: unknown;
  outcome: "SUCCESS" | "REFUSED";
  errorCode?: string | null;
};

export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  // one raw INSERT (issue 22: every operation writes one)
  const actor = recordActor(input.actor);
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("actorKind", "actorId", "actorLabel", at, "accountId", ip, operation,
      "objectType", "objectId", "objectLabel", before, after, outcome, "errorCode")
    VALUES (${actor.actorKind}::"ActorKind", ${actor.actorId}::uuid, ${actor.actorLabel},
      ${input.at}::timestamptz, ${input.accountId}::uuid, ${actorIp(input.actor)}, ${input.operation},
      ${input.objectType}, ${input.objectId ?? null}, ${input.objectLabel ?? null},
      ${toJson(input.before)}::jsonb, ${toJson(input.after)}::jsonb,
      ${input.outcome}::"AuditOutcome", ${input.errorCode ?? null})`;
}

/** The JSON text of a before/after value (dates become ISO strings), or null for none. */
function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}
