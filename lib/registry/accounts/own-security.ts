import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import type { Tx } from "@/lib/db/client";
import type { RegistrarActor } from "@/lib/registry/actor";
import { checkPassword, isUuid } from "@/lib/registry/accounts/account-guards";
import { requireSameUser, runOwnUserOperation } from "@/lib/registry/accounts/self-service";
import { type BrowserInfo, describeBrowser } from "@/lib/registry/accounts/user-agent";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";

// A portal user's own security settings (user menu): the overview, its own sessions, its own
// password. Every user may do these for itself, whatever its meta-roles (no permission verb).

function requirePortalUser(ctx: CoreContext): RegistrarActor {
  if (ctx.actor.kind !== "portal") {
    throw new RegistryError("NOT_AUTHORIZED", "Only portal users have these settings");
  }
  return ctx.actor;
}

export type OwnSecurity = {
  email: string;
  name: string;
  totpEnabled: boolean;
  totpEnabledAt: Date | null;
  recoveryCodesLeft: number;
  /** The account's "Require two-factor authentication" setting. */
  accountRequiresTotp: boolean;
  /** This session was opened without TOTP while the account requires it: enrol first. */
  enrolmentPending: boolean;
  passwordChangedAt: Date;
};

export async function getOwnSecurity(ctx: CoreContext): Promise<OwnSecurity> {
  const actor = requirePortalUser(ctx);
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      email: true,
      name: true,
      totpEnabledAt: true,
      passwordChangedAt: true,
      account: { select: { totpRequired: true } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  const session = actor.sessionId
    ? await ctx.db.session.findUnique({ where: { id: actor.sessionId }, select: { totpEnrolmentPending: true } })
    : null;
  return {
    email: user.email,
    name: user.name,
    totpEnabled: user.totpEnabledAt !== null,
    totpEnabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt ? user._count.recoveryCodes : 0,
    accountRequiresTotp: user.account.totpRequired,
    enrolmentPending: session?.totpEnrolmentPending ?? false,
    passwordChangedAt: user.passwordChangedAt,
  };
}

export type OwnSessionView = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  browser: BrowserInfo;
  current: boolean;
};

/**
 * Live sessions: not revoked, seen within `idleMinutes` and younger than `maxSessionHours` (the
 * login layer's limits, lib/auth/settings.ts; without them every unrevoked row counts).
 */
export type SessionLimits = { idleMinutes?: number; maxSessionHours?: number };

export function liveSessionWhere(now: Date, limits: SessionLimits = {}) {
  return {
    revokedAt: null,
    ...(limits.idleMinutes ? { lastSeenAt: { gt: new Date(now.getTime() - limits.idleMinutes * 60_000) } } : {}),
    ...(limits.maxSessionHours
      ? { createdAt: { gt: new Date(now.getTime() - limits.maxSessionHours * 3_600_000) } }
      : {}),
  };
}

/** The acting user's own live sessions, the current one first. */
export async function listOwnSessions(ctx: CoreContext, limits: SessionLimits = {}): Promise<OwnSessionView[]> {
  const actor = requirePortalUser(ctx);
  const rows = await ctx.db.session.findMany({
    where: { userId: actor.userId, ...liveSessionWhere(ctx.clock.now(), limits) },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  const views = rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ip: s.ip,
    browser: describeBrowser(s.userAgent),
    current: s.id === actor.sessionId,
  }));
  return [...views.filter((s) => s.current), ...views.filter((s) => !s.current)];
}

/** Ends one of the acting user's own sessions ("End session"); another user's is NOT_FOUND. */
export async function endOwnSession(
  ctx: CoreContext,
  input: { sessionId: string; userId?: string },
): Promise<{ ended: number }> {
  return runOwnUserOperation(
    ctx,
    { name: "session.endOwn", objectType: "Session", objectLabel: input.sessionId },
    async ({ tx, actor, now, audit }) => {
      requireSameUser(actor, input.userId);
      const session = isUuid(input.sessionId)
        ? await tx.session.findFirst({ where: { id: input.sessionId, userId: actor.userId }, select: { id: true } })
        : null;
      if (!session) throw new RegistryError("NOT_FOUND", "Session not found", { field: "sessionId" });
      audit.objectId = session.id;
      const { count } = await tx.session.updateMany({
        where: { id: session.id, revokedAt: null },
        data: { revokedAt: now, revokeReason: "ended-by-user" },
      });
      audit.after = { ended: count };
      return { ended: count };
    },
  );
}

/**
 * After the acting user's credentials changed (password, TOTP): every session of the user ends —
 * the others with `reason`, the current one replaced by a fresh row (same address and browser) that
 * the caller puts into a new session cookie. A fixed session id never outlives a credential
 * change. The new session owes a TOTP enrolment when the account requires TOTP and the user now
 * has none.
 */
export async function replaceOwnSession(
  tx: Tx,
  actor: RegistrarActor,
  now: Date,
  reason: string,
): Promise<{ sessionId: string; otherSessionsEnded: number }> {
  const current = actor.sessionId
    ? await tx.session.findUnique({ where: { id: actor.sessionId }, select: { ip: true, userAgent: true, revokedAt: true } })
    : null;
  const { count } = await tx.session.updateMany({
    where: { userId: actor.userId, revokedAt: null },
    data: { revokedAt: now, revokeReason: reason },
  });
  const user = await tx.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { totpEnabledAt: true, account: { select: { totpRequired: true } } },
  });
  const session = await tx.session.create({
    data: {
      userId: actor.userId,
      createdAt: now,
      lastSeenAt: now,
      ip: current?.ip ?? actor.ip,
      userAgent: current?.userAgent ?? null,
      totpEnrolmentPending: user.account.totpRequired && user.totpEnabledAt === null,
    },
    select: { id: true },
  });
  const currentWasLive = current !== null && current.revokedAt === null;
  return { sessionId: session.id, otherSessionsEnded: count - (currentWasLive ? 1 : 0) };
}

const PASSWORD_FAILURES_MAX = 5;
const PASSWORD_FAILURES_WINDOW_MS = 15 * 60_000;
const passwordFailureBucket = (userId: string) => `password-change:${userId}`;

/**
 * "Change password": the current password, a new one of 12–128 characters that is not easy to
 * guess and differs from the current. Every other session ends; the current one continues under a
 * new session id (`sessionId`). Wrong current passwords count like failed logins: five within 15
 * minutes and the form is RATE_LIMITED until the oldest leaves the window.
 */
export async function changeOwnPassword(
  ctx: CoreContext,
  input: { currentPassword: string; newPassword: string; userId?: string },
): Promise<{ sessionId: string; otherSessionsEnded: number }> {
  const actor = requirePortalUser(ctx);
  try {
    return await runOwnUserOperation(
      ctx,
      { name: "user.changePassword", objectType: "User", objectLabel: actor.label },
      async ({ tx, now, audit }) => {
        audit.objectId = actor.userId;
        requireSameUser(actor, input.userId);
        const failures = await tx.rateLimitEvent.count({
          where: {
            bucket: passwordFailureBucket(actor.userId),
            at: { gt: new Date(now.getTime() - PASSWORD_FAILURES_WINDOW_MS) },
          },
        });
        if (failures >= PASSWORD_FAILURES_MAX) {
          throw new RegistryError("RATE_LIMITED", "Too many wrong current passwords; try again in 15 minutes", {
            field: "currentPassword",
          });
        }
        const user = await tx.user.findUniqueOrThrow({
          where: { id: actor.userId },
          select: { email: true, name: true, passwordHash: true },
        });
        if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
          throw new RegistryError("PASSWORD_INCORRECT", "The current password is not correct", {
            field: "currentPassword",
          });
        }
        checkPassword(input.newPassword, { field: "newPassword", userInputs: [user.email, user.name] });
        if (input.newPassword === input.currentPassword) {
          throw new RegistryError("VALIDATION_FAILED", "The new password must differ from the current one", {
            field: "newPassword",
            reason: "UNCHANGED",
          });
        }
        await tx.user.update({
          where: { id: actor.userId },
          data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now, updatedAt: now },
        });
        const replaced = await replaceOwnSession(tx, actor, now, "password-changed");
        audit.after = { passwordChangedAt: now, otherSessionsEnded: replaced.otherSessionsEnded };
        return replaced;
      },
    );
  } catch (error) {
    if (isRegistryError(error, "PASSWORD_INCORRECT")) {
      // written after the rollback, like the token-failure counter
      await ctx.db.rateLimitEvent.create({
        data: { bucket: passwordFailureBucket(actor.userId), at: ctx.clock.now() },
      });
    }
    throw error;
  }
}
