import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";

// The read side of the audit trail (account.audit): the account's events, newest first, keyset
// paginated on the serial id.

export type AuditEventView = {
  id: number;
  at: Date;
  actorKind: string;
  actorLabel: string;
  ip: string | null;
  operation: string;
  objectType: string;
  objectId: string | null;
  objectLabel: string | null;
  before: unknown;
  after: unknown;
  outcome: "SUCCESS" | "REFUSED";
  errorCode: string | null;
};

export type ListAuditEventsInput = {
  /** Exact operation name, or a prefix ending in "." (e.g. "user."). */
  operation?: string;
  objectType?: string;
  objectLabel?: string;
  actorId?: string;
  outcome?: "SUCCESS" | "REFUSED";
  from?: Date;
  to?: Date;
  /** The nextCursor of the previous page. */
  cursor?: string | null;
  limit?: number;
};

export async function listAuditEvents(
  ctx: CoreContext,
  input: ListAuditEventsInput = {},
): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const actor = requirePermission(ctx.actor, "account.audit");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const where: Prisma.AuditEventWhereInput = { accountId: actor.accountId };
  if (input.operation) {
    where.operation = input.operation.endsWith(".") ? { startsWith: input.operation } : input.operation;
  }
  if (input.objectType) where.objectType = input.objectType;
  if (input.objectLabel) where.objectLabel = input.objectLabel;
  if (input.actorId) where.actorId = input.actorId;
  if (input.outcome) where.outcome = input.outcome;
  if (input.from || input.to) where.at = { gte: input.from, lt: input.to };
  if (input.cursor) {
    if (!/^\d+$/.test(input.cursor)) {
      throw new RegistryError("VALIDATION_FAILED", "The page cursor is invalid", { field: "cursor" });
    }
    where.id = { lt: Number(input.cursor) };
  }
  const rows = await ctx.db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    events: page.map((e) => ({
      id: e.id,
      at: e.at,
      actorKind: e.actorKind,
      actorLabel: e.actorLabel,
      ip: e.ip,
      operation: e.operation,
      objectType: e.objectType,
      objectId: e.objectId,
      objectLabel: e.objectLabel,
      before: e.before,
      after: e.after,
      outcome: e.outcome,
      errorCode: e.errorCode,
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
  };
}
