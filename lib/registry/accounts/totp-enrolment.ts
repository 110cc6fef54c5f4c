import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { authenticator } from "otplib";
import { totpStepOf } from "@/lib/crypto/totp";
import type { Db, Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { replaceOwnSession } from "@/lib/registry/accounts/own-security";
import { requireSameUser, runOwnUserOperation } from "@/lib/registry/accounts/self-service";

// TOTP enrolment of the acting portal user (DESIGN.md §5). Start returns a fresh secret that is
// not stored; confirming with a valid code for it stores it and returns 10 recovery codes once.
// Recovery codes are 80 random bits, so a SHA-256 hash (not a slow hash) protects them, and
// each is usable once.

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Registrar Portal";

export function startTotpEnrolment(ctx: CoreContext): { secret: string; otpauthUri: string } {
  if (ctx.actor.kind !== "portal") {
    throw new RegistryError("NOT_AUTHORIZED", "Only portal users enrol TOTP");
  }
  const secret = authenticator.generateSecret(20);
  return { secret, otpauthUri: authenticator.keyuri(ctx.actor.label, ISSUER, secret) };
}

const hashCode = (code: string) =>
  createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

function generateRecoveryCode(): string {
  const hex = randomBytes(10).toString("hex");
  return `${hex.slice(0, 5)}-${hex.slice(5, 10)}-${hex.slice(10, 15)}-${hex.slice(15)}`;
}

/**
 * Stores the enrolled secret and returns 10 recovery codes (shown once). The TOTP secret is a
 * credential: every session of the user ends and the current one continues under a new id
 * (`sessionId`, for the caller's new session cookie).
 */
export async function confirmTotpEnrolment(
  ctx: CoreContext,
  input: { secret: string; code: string; userId?: string },
): Promise<{ recoveryCodes: string[]; sessionId: string; otherSessionsEnded: number }> {
  return runOwnUserOperation(
    ctx,
    { name: "user.enrolTotp", objectType: "User" },
    async ({ tx, actor, now, audit }) => {
      audit.objectId = actor.userId;
      requireSameUser(actor, input.userId);
      const step = totpStepOf(input.secret, input.code, now);
      if (!/^[A-Z2-7]{16,}$/.test(input.secret) || step === null) {
        throw new RegistryError("TOTP_CODE_INVALID", "The authentication code does not match", { field: "code" });
      }
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
      audit.objectLabel = user.email;
      if (user.totpEnabledAt) {
        throw new RegistryError("CONFLICT", "TOTP is already enabled for this user");
      }
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
      await tx.user.update({
        where: { id: user.id },
        data: { totpSecret: input.secret, totpEnabledAt: now, totpLastUsedStep: step, updatedAt: now },
      });
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      await tx.recoveryCode.createMany({
        data: recoveryCodes.map((code) => ({ userId: user.id, codeHash: hashCode(code) })),
      });
      const replaced = await replaceOwnSession(tx, actor, now, "credentials-changed");
      audit.after = { totpEnabledAt: now, recoveryCodes: RECOVERY_CODE_COUNT, otherSessionsEnded: replaced.otherSessionsEnded };
      return { recoveryCodes, ...replaced };
    },
  );
}

/**
 * For the login flow: consumes one unused recovery code of the user. True when it matched (and
 * is now used); a code works once, even when two logins race with it.
 */
export async function consumeRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const wanted = Buffer.from(hashCode(code), "hex");
  const codes = await db.recoveryCode.findMany({ where: { userId, usedAt: null } });
  const match = codes.find((c) => timingSafeEqual(Buffer.from(c.codeHash, "hex"), wanted));
  if (!match) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { id: match.id, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/**
 * The acting user proves its second factor: a current TOTP code (its step is consumed) or, when
 * `recoveryAllowed`, one of its unused recovery codes (used up). Anything else: TOTP_CODE_INVALID
 * at the `code` field.
 */
async function requireOwnSecondFactor(
  tx: Tx,
  userId: string,
  code: string,
  now: Date,
  recoveryAllowed: boolean,
): Promise<"totp" | "recovery-code"> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!user.totpSecret || !user.totpEnabledAt) {
    throw new RegistryError("CONFLICT", "Two-factor authentication is not turned on for this user");
  }
  const step = totpStepOf(user.totpSecret, code, now);
  if (step !== null) {
    const { count } = await tx.user.updateMany({
      where: { id: userId, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
      data: { totpLastUsedStep: step },
    });
    if (count === 1) return "totp";
  } else if (recoveryAllowed && (await consumeRecoveryCode(tx, userId, code, now))) {
    return "recovery-code";
  }
  throw new RegistryError(
    "TOTP_CODE_INVALID",
    step === null ? "The authentication code is not correct" : "This authentication code was already used",
    { field: "code" },
  );
}

/** Ten new recovery codes (shown once) for a current TOTP code; the old ones stop working. */
export async function regenerateRecoveryCodes(
  ctx: CoreContext,
  input: { code: string; userId?: string },
): Promise<{ recoveryCodes: string[] }> {
  return runOwnUserOperation(
    ctx,
    { name: "user.regenerateRecoveryCodes", objectType: "User" },
    async ({ tx, actor, now, audit }) => {
      Object.assign(audit, { objectId: actor.userId, objectLabel: actor.label });
      requireSameUser(actor, input.userId);
      await requireOwnSecondFactor(tx, actor.userId, input.code, now, false);
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
      await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
      await tx.recoveryCode.createMany({
        data: recoveryCodes.map((code) => ({ userId: actor.userId, codeHash: hashCode(code) })),
      });
      audit.after = { recoveryCodes: RECOVERY_CODE_COUNT };
      return { recoveryCodes };
    },
  );
}

/**
 * "Turn off" with a current TOTP code or a recovery code (the device may be lost). The secret and
 * recovery codes are wiped; sessions are replaced as for enrolment. When the account requires
 * TOTP, the new session owes an enrolment at once — turning off then means setting up anew.
 */
export async function disableTotp(
  ctx: CoreContext,
  input: { code: string; userId?: string },
): Promise<{ sessionId: string; otherSessionsEnded: number; enrolmentPending: boolean }> {
  return runOwnUserOperation(
    ctx,
    { name: "user.disableTotp", objectType: "User" },
    async ({ tx, actor, now, audit }) => {
      Object.assign(audit, { objectId: actor.userId, objectLabel: actor.label });
      requireSameUser(actor, input.userId);
      const proof = await requireOwnSecondFactor(tx, actor.userId, input.code, now, true);
      await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
      await tx.user.update({
        where: { id: actor.userId },
        data: { totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null, updatedAt: now },
      });
      const replaced = await replaceOwnSession(tx, actor, now, "credentials-changed");
      const session = await tx.session.findUniqueOrThrow({
        where: { id: replaced.sessionId },
        select: { totpEnrolmentPending: true },
      });
      audit.before = { totpEnabled: true };
      audit.after = { totpEnabled: false, provedWith: proof, otherSessionsEnded: replaced.otherSessionsEnded };
      return { ...replaced, enrolmentPending: session.totpEnrolmentPending };
    },
  );
}
