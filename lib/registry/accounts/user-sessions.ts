import { isUuid, requireFreshTotp, revokeUserSessions } from "@/lib/registry/accounts/account-guards";
import { type SessionLimits, liveSessionWhere } from "@/lib/registry/accounts/own-security";
import { type BrowserInfo, describeBrowser } from "@/lib/registry/accounts/user-agent";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// Open sessions of the account's users (Administrator, account.users): list and revoke. A revoked
// session fails the next request's check (lib/auth/sessions.ts), so revocation is immediate.

export type SessionView = {
  id: string;
  userId: string;
  email: string;
  name: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string | null;
  browser: BrowserInfo;
  current: boolean;
};

export async function listSessions(
  ctx: CoreContext,
  input: { userId?: string } & SessionLimits = {},
): Promise<SessionView[]> {
  const actor = requirePermission(ctx.actor, "account.users");
  if (input.userId !== undefined && !isUuid(input.userId)) return [];
  const rows = await ctx.db.session.findMany({
    where: {
      ...liveSessionWhere(ctx.clock.now(), input),
      user: { accountId: actor.accountId, deletedAt: null, ...(input.userId ? { id: input.userId } : {}) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      ip: true,
      userAgent: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    userId: s.user!.id,
    email: s.user!.email,
    name: s.user!.name,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ip: s.ip,
    userAgent: s.userAgent,
    browser: describeBrowser(s.userAgent),
    current: s.id === actor.sessionId,
  }));
}

/** Ends one session, or every session of one user (`userId`). */
export async function revokeSessions(
  ctx: CoreContext,
  input: { sessionId?: string; userId?: string; totpCode?: string },
): Promise<{ revoked: number }> {
  return runRegistrarOperation(
    ctx,
    { name: "session.revoke", verb: "account.users", objectType: "Session", objectLabel: input.sessionId ?? input.userId },
    async ({ tx, actor, now, audit }) => {
      await requireFreshTotp(tx, actor, input.totpCode, now);
      if (input.userId) {
        const user = isUuid(input.userId)
          ? await tx.user.findFirst({ where: { id: input.userId, accountId: actor.accountId } })
          : null;
        if (!user) throw new RegistryError("NOT_FOUND", "User not found", { field: "userId" });
        Object.assign(audit, { objectType: "User", objectId: user.id, objectLabel: user.email });
        const revoked = await revokeUserSessions(tx, user.id, "revoked-by-administrator", now);
        audit.after = { revoked };
        return { revoked };
      }
      const session = isUuid(input.sessionId)
        ? await tx.session.findFirst({
            where: { id: input.sessionId!, user: { accountId: actor.accountId } },
            select: { id: true, revokedAt: true },
          })
        : null;
      if (!session) throw new RegistryError("NOT_FOUND", "Session not found", { field: "sessionId" });
      audit.objectId = session.id;
      const { count } = await tx.session.updateMany({
        where: { id: session.id, revokedAt: null },
        data: { revokedAt: now, revokeReason: "revoked-by-administrator" },
      });
      audit.after = { revoked: count };
      return { revoked: count };
    },
  );
}
