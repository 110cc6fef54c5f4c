import type { Prisma, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";

export const SYSTEM_ACTOR: Actor = { kind: "system", label: "lifecycle" };
export const DEFAULT_BATCH = 2_000;

export type SystemAudit = {
  accountId: string | null;
  operation: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

// A batch's audit events and messages are each written with ONE statement: the columns travel as
// arrays (unnest), not as one bind parameter per cell, so a batch of thousands stays one round trip
// far below PostgreSQL's parameter limit. '' stands for NULL in the nullable text columns, and
// ORDER BY ordinality keeps the ids in the drafts' order.
const json = (v: Prisma.InputJsonValue | undefined) => (v === undefined ? "" : JSON.stringify(v));

/** One insert for a batch's audit events (actor: the lifecycle worker). */
export async function auditMany(tx: Tx, at: Date, events: SystemAudit[]) {
  if (events.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (at, "actorKind", "actorId", "actorLabel", "accountId", ip, operation,
      "objectType", "objectId", "objectLabel", before, after, outcome)
    SELECT ${at}, 'SYSTEM'::"ActorKind", NULL, ${SYSTEM_ACTOR.label}, NULLIF(v.account, '')::uuid, NULL, v.op,
      v.type, v.id, v.label, NULLIF(v.before, '')::jsonb, NULLIF(v.after, '')::jsonb, 'SUCCESS'::"AuditOutcome"
    FROM unnest(${events.map((e) => e.accountId ?? "")}::text[], ${events.map((e) => e.operation)}::text[],
      ${events.map((e) => e.objectType)}::text[], ${events.map((e) => e.objectId)}::text[],
      ${events.map((e) => e.objectLabel)}::text[], ${events.map((e) => json(e.before))}::text[],
      ${events.map((e) => json(e.after))}::text[])
      WITH ORDINALITY AS v(account, op, type, id, label, before, after, ord)
    ORDER BY v.ord`;
}

export type NotificationDraft = {
  accountId: string;
  type: string;
  domainName: string | null;
  message: string;
  data?: Prisma.InputJsonValue;
};

/** One insert for a batch's messages to registrars (R-MSG-1). */
export async function notifyMany(tx: Tx, at: Date, drafts: NotificationDraft[]) {
  if (drafts.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Notification" ("accountId", type, "domainName", message, data, "createdAt")
    SELECT v.account, v.type, NULLIF(v.domain, ''), v.message, NULLIF(v.data, '')::jsonb, ${at}
    FROM unnest(${drafts.map((d) => d.accountId)}::uuid[], ${drafts.map((d) => d.type)}::text[],
      ${drafts.map((d) => d.domainName ?? "")}::text[], ${drafts.map((d) => d.message)}::text[],
      ${drafts.map((d) => json(d.data))}::text[])
      WITH ORDINALITY AS v(account, type, domain, message, data, ord)
    ORDER BY v.ord`;
}

/** Map.groupBy, which Node 20 lacks. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
