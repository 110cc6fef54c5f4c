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
