import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";
import { addDays, isRegistryDate, parseDomainName, startOfRegistryDate } from "@/lib/registry/rules";
import { describeAuditChange, redactAuditValue, type AuditChange } from "./audit-view";

// The read side of the audit trail (account.audit): the account's events, newest first, keyset
// paginated on the serial id, filtered by actor, operation, object, outcome and date range. No
// secret is ever shown (audit-view.ts).

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
  /** The fields that differ between before and after, secrets hidden. */
  changes: AuditChange[];
  outcome: "SUCCESS" | "REFUSED";
  errorCode: string | null;
};

export type AuditFilter = {
  /** A user (portal or service) of the account. */
  actorId?: string;
  /** Exact operation name, or a prefix ending in "." (e.g. "user."). */
  operation?: string;
  objectType?: string;
  /** The start of the object's label (a domain, handle, CIDR, email; any case), or its exact id. */
  object?: string;
  /** Exact object label (kept for callers that know it). */
  objectLabel?: string;
  outcome?: "SUCCESS" | "REFUSED";
  errorCode?: string;
  /** From this instant, or from 00:00 Copenhagen on this date (YYYY-MM-DD). */
  from?: Date | string;
  /** Before this instant, or up to the end of this Copenhagen date (inclusive). */
  to?: Date | string;
};

export type ListAuditEventsInput = AuditFilter & {
  /** The nextCursor of the previous page: older events. */
  cursor?: string | null;
  /** The prevCursor of the current page: the newer events just before it. */
  before?: string | null;
  limit?: number;
};

export type AuditPage = { events: AuditEventView[]; nextCursor: string | null; prevCursor: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function instant(value: Date | string, field: "from" | "to"): Date {
  if (value instanceof Date) return value;
  if (!isRegistryDate(value)) throw new RegistryError("VALIDATION_FAILED", `"${value}" is not a date`, { field });
  return startOfRegistryDate(field === "to" ? addDays(value, 1) : value);
}

function cursorId(value: string, field: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) {
    throw new RegistryError("VALIDATION_FAILED", "The page cursor is invalid", { field });
  }
  return Number(value);
}

/** The Prisma filter of the account's events (no cursor). */
export function auditWhere(accountId: string, input: AuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { accountId };
  const and: Prisma.AuditEventWhereInput[] = [];
  if (input.operation) {
    where.operation = input.operation.endsWith(".") ? { startsWith: input.operation } : input.operation;
  }
  if (input.objectType) where.objectType = input.objectType;
  if (input.objectLabel) where.objectLabel = input.objectLabel;
  const object = input.object?.trim();
  if (object) {
    const labels = [object];
    // a domain is recorded by its A-label: "søbakke.dk" finds "xn--sbakke-fya.dk" too
    if (/[^\x00-\x7f]/.test(object)) {
      try {
        labels.push(parseDomainName(object).aLabel);
      } catch {
        // not a domain name: the text alone
      }
    }
    and.push({
      OR: [...labels.map((l) => ({ objectLabel: { startsWith: l, mode: "insensitive" as const } })), { objectId: object }],
    });
  }
  if (input.actorId) {
    if (!UUID.test(input.actorId)) throw new RegistryError("VALIDATION_FAILED", "Unknown actor", { field: "actorId" });
    where.actorId = input.actorId;
  }
  if (input.outcome) where.outcome = input.outcome;
  if (input.errorCode) where.errorCode = input.errorCode;
  if (input.from || input.to) {
    const from = input.from ? instant(input.from, "from") : undefined;
    const to = input.to ? instant(input.to, "to") : undefined;
    if (from && to && from >= to) {
      throw new RegistryError("VALIDATION_FAILED", "The date range ends before it starts", { field: "to" });
    }
    where.at = { gte: from, lt: to };
  }
  if (and.length) where.AND = and;
  return where;
}

type AuditRow = Prisma.AuditEventGetPayload<object>;

export function toAuditView(e: AuditRow): AuditEventView {
  const before = redactAuditValue(e.before ?? null);
  const after = redactAuditValue(e.after ?? null);
  return {
    id: e.id,
    at: e.at,
    actorKind: e.actorKind,
    actorLabel: e.actorLabel,
    ip: e.ip,
    operation: e.operation,
    objectType: e.objectType,
    objectId: e.objectId,
    objectLabel: e.objectLabel,
    before,
    after,
    changes: describeAuditChange(before, after),
    outcome: e.outcome,
    errorCode: e.errorCode,
  };
}

export async function listAuditEvents(ctx: CoreContext, input: ListAuditEventsInput = {}): Promise<AuditPage> {
  const actor = requirePermission(ctx.actor, "account.audit");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const base = auditWhere(actor.accountId, input);
  const backwards = Boolean(input.before);
  const where: Prisma.AuditEventWhereInput = { ...base };
  if (input.before) where.id = { gt: cursorId(input.before, "before") };
  else if (input.cursor) where.id = { lt: cursorId(input.cursor, "cursor") };
  const rows = await ctx.db.auditEvent.findMany({ where, orderBy: { id: backwards ? "asc" : "desc" }, take: limit + 1 });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // The side we came from has events for sure; the other side was just measured (`more`).
  const newer = backwards ? more : Boolean(input.cursor) && first !== undefined;
  const older = backwards ? last !== undefined : more;
  return {
    events: page.map(toAuditView),
    nextCursor: older && last ? String(last.id) : null,
    prevCursor: newer && first ? String(first.id) : null,
  };
}

/** How many events match the filter (the table's total). */
export async function countAuditEvents(ctx: CoreContext, input: AuditFilter = {}): Promise<number> {
  const actor = requirePermission(ctx.actor, "account.audit");
  return ctx.db.auditEvent.count({ where: auditWhere(actor.accountId, input) });
}

/** Users of the account who can appear as actors (portal and service, deleted ones too). */
export async function listAuditActors(ctx: CoreContext): Promise<{ id: string; label: string; kind: "PORTAL" | "SERVICE" }[]> {
  const actor = requirePermission(ctx.actor, "account.audit");
  const users = await ctx.db.user.findMany({
    where: { accountId: actor.accountId },
    select: { id: true, email: true, kind: true },
    orderBy: { email: "asc" },
  });
  return users.map((u) => ({ id: u.id, label: u.email, kind: u.kind }));
}

/**
 * The operation names and object types the audit trail knows, for the filters. Read with a
 * skip scan over the (operation, at) and (objectType, objectId) indexes: one index probe per
 * distinct value, whatever the table's size. They are the code's names, not account data.
 */
export async function listAuditVocabulary(ctx: CoreContext): Promise<{ operations: string[]; objectTypes: string[] }> {
  requirePermission(ctx.actor, "account.audit");
  const operations = await ctx.db.$queryRaw<{ v: string }[]>`
    WITH RECURSIVE ops(v) AS (
      (SELECT operation FROM "AuditEvent" ORDER BY operation LIMIT 1)
      UNION ALL
      SELECT (SELECT operation FROM "AuditEvent" WHERE operation > ops.v ORDER BY operation LIMIT 1)
      FROM ops WHERE ops.v IS NOT NULL
    ) SELECT v FROM ops WHERE v IS NOT NULL`;
  const objectTypes = await ctx.db.$queryRaw<{ v: string }[]>`
    WITH RECURSIVE types(v) AS (
      (SELECT "objectType" FROM "AuditEvent" ORDER BY "objectType" LIMIT 1)
      UNION ALL
      SELECT (SELECT "objectType" FROM "AuditEvent" WHERE "objectType" > types.v ORDER BY "objectType" LIMIT 1)
      FROM types WHERE types.v IS NOT NULL
    ) SELECT v FROM types WHERE v IS NOT NULL`;
  return { operations: operations.map((r) => r.v), objectTypes: objectTypes.map((r) => r.v) };
}
