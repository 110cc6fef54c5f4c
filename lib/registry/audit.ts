import type { Db, Prisma } from "@/lib/db/client";
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
  await db.auditEvent.create({
    data: {
      ...recordActor(input.actor),
      at: input.at,
      accountId: input.accountId,
      ip: actorIp(input.actor),
      operation: input.operation,
      objectType: input.objectType,
      objectId: input.objectId ?? null,
      objectLabel: input.objectLabel ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      outcome: input.outcome,
      errorCode: input.errorCode ?? null,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates become ISO strings; everything else must be plain data already.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
