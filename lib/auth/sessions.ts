import type { Db } from "@/lib/db/client";
import type { MetaRole } from "@/lib/registry/actor";
import { credentialFingerprint } from "./credential";
import type { AuthSettings } from "./settings";

export type SessionCheck =
  | { ok: true; session: ValidSession }
  | { ok: false; reason: SessionEndReason };

export type ValidSession = {
  id: string;
  user: {
    id: string;
    accountId: string;
    email: string;
    name: string;
    metaRoles: MetaRole[];
    locale: string | null;
  } | null;
  operator: { id: string; email: string; name: string } | null;
  /** Opened without TOTP while the account requires it: only the enrolment may be used. */
  totpEnrolmentPending: boolean;
};

export type SessionEndReason =
  | "unknown"
  | "revoked"
  | "idle"
  | "expired"
  | "user-disabled"
  | "user-deleted"
  | "password-changed"
  | "credentials-changed"
  | "account-suspended";

const TOUCH_EVERY_MS = 30_000;

/**
 * The check every request makes (DESIGN.md §5): a JWT alone cannot be revoked, so the Session row
 * it names decides. Any failure ends the session at once (revokedAt is set) and says why.
 *
 * `credential` is the fingerprint the session's JWT carries (null: a token from before they
 * did); when given, a principal whose password hash or TOTP secret no longer matches it ends the
 * session — also when the hash was replaced out of band without touching `passwordChangedAt`.
 */
export async function checkSession(
  db: Db,
  sessionId: string,
  now: Date,
  settings: AuthSettings,
  credential?: string | null,
): Promise<SessionCheck> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { account: { select: { suspendedAt: true } } } }, operator: true },
  });
  if (!session) return { ok: false, reason: "unknown" };
  if (session.revokedAt) return { ok: false, reason: "revoked" };

  const principal = session.user ?? session.operator;
  let reason: SessionEndReason | null = null;
  if (!principal) reason = "user-deleted";
  else if (session.user?.deletedAt) reason = "user-deleted";
  else if (principal.disabledAt) reason = "user-disabled";
  else if (session.user?.account.suspendedAt) reason = "account-suspended";
  else if (principal.passwordChangedAt > session.createdAt) reason = "password-changed";
  else if (credential !== undefined && credential !== credentialFingerprint(principal)) {
    reason = "credentials-changed";
  }
  else if (now.getTime() - session.createdAt.getTime() > settings.maxSessionHours * 3_600_000) {
    reason = "expired";
  } else if (now.getTime() - session.lastSeenAt.getTime() > settings.idleMinutes * 60_000) {
    reason = "idle";
  }
  if (reason) {
    await revokeSession(db, sessionId, reason, now);
    return { ok: false, reason };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    ok: true,
    session: {
      id: session.id,
      totpEnrolmentPending: session.totpEnrolmentPending,
      user: session.user && {
        id: session.user.id,
        accountId: session.user.accountId,
        email: session.user.email,
        name: session.user.name,
        metaRoles: session.user.metaRoles,
        locale: session.user.locale,
      },
      operator: session.operator && {
        id: session.operator.id,
        email: session.operator.email,
        name: session.operator.name,
      },
    },
  };
}

export async function revokeSession(db: Db, sessionId: string, reason: string, now: Date) {
  await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, revokeReason: reason },
  });
}

export function describeSessionEnd(reason: SessionEndReason): string {
  switch (reason) {
    case "idle":
      return "Your session ended after a period of inactivity. Please log in again.";
    case "expired":
      return "Your session reached its maximum length. Please log in again.";
    case "password-changed":
      return "Your password was changed. Please log in again.";
    case "credentials-changed":
      return "Your password or authenticator was changed. Please log in again.";
    case "account-suspended":
      return "Your registrar's access is suspended by the registry.";
    case "user-disabled":
    case "user-deleted":
      return "Your user is no longer active.";
    default:
      return "Please log in.";
  }
}
