import type { Prisma, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";

export const SYSTEM_ACTOR: Actor = { kind: "system", label: "lifecycle" };
export const DEFAULT_BATCH = 500;

export type SystemAudit = {
  accountId: string | null;
  operation: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** One insert for a batch's audit events (actor: the lifecycle worker). */
export async function auditMany(tx: Tx, at: Date, events: SystemAudit[]) {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((e) => ({
      ...e,
      at,
      actorKind: "SYSTEM" as const,
      actorId: null,
      actorLabel: SYSTEM_ACTOR.label,
      ip: null,
      outcome: "SUCCESS" as const,
    })),
  });
}

export type NotificationDraft = {
  accountId: string;
  type: string;
  domainName: string | null;
  message: string;
  data?: Prisma.InputJsonValue;
};

export async function notifyMany(tx: Tx, at: Date, drafts: NotificationDraft[]) {
  if (drafts.length === 0) return;
  await tx.notification.createMany({ data: drafts.map((d) => ({ ...d, createdAt: at })) });
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
