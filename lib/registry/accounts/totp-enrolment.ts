import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { authenticator } from "otplib";
import { totpStepOf } from "@/lib/crypto/totp";
import type { Db } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runOwnUserOperation } from "@/lib/registry/accounts/self-service";

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

export async function confirmTotpEnrolment(
  ctx: CoreContext,
  input: { secret: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  return runOwnUserOperation(
    ctx,
    { name: "user.enrolTotp", objectType: "User" },
    async ({ tx, actor, now, audit }) => {
      audit.objectId = actor.userId;
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
      audit.after = { totpEnabledAt: now, recoveryCodes: RECOVERY_CODE_COUNT };
      return { recoveryCodes };
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
