import type { Prisma, Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";
import { runRegistrarOperation } from "@/lib/registry/operation";

// The registrar's message queue (R-MSG-1, the EPP poll model): oldest first, with a count;
// acknowledging dequeues. Notifications are queued inside the transaction of what caused them.

export type NotificationInput = {
  accountId: string;
  type: string;
  domainName?: string | null;
  message: string;
  data?: Prisma.InputJsonValue;
  now: Date;
};

export async function queueNotification(tx: Tx, input: NotificationInput): Promise<void> {
  await tx.notification.create({
    data: {
      accountId: input.accountId,
      type: input.type,
      domainName: input.domainName ?? null,
      message: input.message,
      data: input.data,
      createdAt: input.now,
    },
  });
}

export type Message = {
  id: number;
  type: string;
  domainName: string | null;
  message: string;
  data: unknown;
  createdAt: Date;
};

const MAX_PAGE = 100;

/** Unacknowledged messages of the actor's account, oldest first. */
export async function listMessages(
  ctx: CoreContext,
  input: { limit?: number } = {},
): Promise<Message[]> {
  const actor = requirePermission(ctx.actor, "message.view");
  const limit = Math.min(Math.max(input.limit ?? 20, 1), MAX_PAGE);
  return ctx.db.notification.findMany({
    where: { accountId: actor.accountId, ackedAt: null },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, type: true, domainName: true, message: true, data: true, createdAt: true },
  });
}

/** How long an acknowledged message stays readable in the History tab (issue 18). */
export const MESSAGE_HISTORY_DAYS = 90;

export type QueuedMessage = Message & {
  ackedAt: Date | null;
  ackedBy: string | null;
  /** The domain is in the account's portfolio now, so a link to it leads somewhere. */
  domainInPortfolio: boolean;
};

export type MessagePage = {
  messages: QueuedMessage[];
  /** Messages matching the filter (the whole queue, or the history's 90 days). */
  count: number;
  /** Unread messages of the account, whatever the filter (the header badge). */
  unread: number;
  /** The types present, with how many messages each, for the type filter. */
  types: { type: string; count: number }[];
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: number | null;
  /** Pass as `before` for the previous page; null on the first. */
  prevCursor: number | null;
};

const messageSelect = {
  id: true,
  type: true,
  domainName: true,
  message: true,
  data: true,
  createdAt: true,
  ackedAt: true,
  ackedBy: true,
} as const;

/**
 * R-MSG-1 for the Messages page: the queue oldest first (`history: false`), or the messages
 * acknowledged in the last 90 days, most recently created first (`history: true`); optionally of
 * one type; in keyset pages (`after`: an id of the previous page's last message).
 */
export async function listMessagePage(
  ctx: CoreContext,
  input: {
    history?: boolean;
    type?: string | null;
    after?: number | null;
    before?: number | null;
    limit?: number;
  } = {},
): Promise<MessagePage> {
  const actor = requirePermission(ctx.actor, "message.view");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE);
  const since = new Date(ctx.clock.now().getTime() - MESSAGE_HISTORY_DAYS * 86_400_000);
  const scope: Prisma.NotificationWhereInput = input.history
    ? { accountId: actor.accountId, ackedAt: { gte: since } }
    : { accountId: actor.accountId, ackedAt: null };
  const where: Prisma.NotificationWhereInput = input.type ? { ...scope, type: input.type } : scope;
  // the queue reads ascending ids, the history descending; `before` reads the other way back
  const after = input.after ?? null;
  const before = after === null ? (input.before ?? null) : null;
  const forward = before === null;
  const ascending = input.history ? !forward : forward;
  const cursor = after ?? before;
  const page: Prisma.NotificationWhereInput =
    cursor !== null ? { ...where, id: ascending ? { gt: cursor } : { lt: cursor } } : where;
  const [rows, count, unread, grouped] = await Promise.all([
    ctx.db.notification.findMany({
      where: page,
      orderBy: { id: ascending ? "asc" : "desc" },
      take: limit + 1,
      select: messageSelect,
    }),
    ctx.db.notification.count({ where }),
    ctx.db.notification.count({ where: { accountId: actor.accountId, ackedAt: null } }),
    ctx.db.notification.groupBy({ by: ["type"], where: scope, _count: { _all: true } }),
  ]);
  const more = rows.length > limit;
  const shownInOrder = rows.slice(0, limit);
  const shown = forward ? shownInOrder : shownInOrder.reverse();
  const names = [...new Set(shown.flatMap((m) => (m.domainName ? [m.domainName] : [])))];
  const live = names.length
    ? await ctx.db.domain.findMany({
        where: { registrarId: actor.accountId, liveName: { in: names } },
        select: { aLabel: true },
      })
    : [];
  const inPortfolio = new Set(live.map((d) => d.aLabel));
  return {
    messages: shown.map((m) => ({
      ...m,
      domainInPortfolio: m.domainName !== null && inPortfolio.has(m.domainName),
    })),
    count,
    unread,
    types: grouped
      .map((g) => ({ type: g.type, count: g._count._all }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    nextCursor: forward ? (more ? (shown.at(-1)?.id ?? null) : null) : (shown.at(-1)?.id ?? null),
    prevCursor: forward
      ? after !== null
        ? (shown[0]?.id ?? null)
        : null
      : more
        ? (shown[0]?.id ?? null)
        : null,
  };
}

export async function countMessages(ctx: CoreContext): Promise<number> {
  const actor = requirePermission(ctx.actor, "message.view");
  return ctx.db.notification.count({ where: { accountId: actor.accountId, ackedAt: null } });
}

/**
 * Acknowledges (dequeues) messages of the actor's account. Decision: all ids must be queued
 * messages of the account; an unknown, foreign or already acknowledged id refuses the whole call
 * with NOT_FOUND, as an EPP poll ack of a wrong id does — nothing is acknowledged half-way.
 */
export async function ackMessages(
  ctx: CoreContext,
  input: { ids: readonly number[] },
): Promise<{ acknowledged: number; remaining: number }> {
  const ids = [...new Set(input.ids)];
  return runRegistrarOperation(
    ctx,
    {
      name: "message.ack",
      verb: "message.ack",
      objectType: "Notification",
      objectLabel: ids.join(","),
    },
    async ({ tx, actor, now, audit }) => {
      if (ids.length === 0) {
        throw new RegistryError("VALIDATION_FAILED", "No messages to acknowledge", {
          field: "ids",
        });
      }
      const { count } = await tx.notification.updateMany({
        where: { id: { in: ids }, accountId: actor.accountId, ackedAt: null },
        data: { ackedAt: now, ackedBy: actor.label },
      });
      if (count !== ids.length) {
        throw new RegistryError(
          "NOT_FOUND",
          `Message ${ids.length === 1 ? ids[0] : "in " + ids.join(", ")} is not in the queue`,
          { ids },
        );
      }
      audit.after = { ids };
      const remaining = await tx.notification.count({
        where: { accountId: actor.accountId, ackedAt: null },
      });
      return { acknowledged: count, remaining };
    },
  );
}
