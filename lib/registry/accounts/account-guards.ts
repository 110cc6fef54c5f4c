import { randomInt } from "node:crypto";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/crypto/password";
import { passwordStrength } from "@/lib/crypto/password-strength";
import { totpStepOf } from "@/lib/crypto/totp";
import type { Tx } from "@/lib/db/client";
import type { MetaRole, RegistrarActor } from "@/lib/registry/actor";
import { META_ROLES } from "@/lib/registry/actor";
import { RegistryError } from "@/lib/registry/errors";

// Guards shared by the account use-cases (R-ACC-1…4, DESIGN.md §5).

/**
 * Risky actions (tokens, allowlist, users' roles) need a fresh TOTP code from an acting user who
 * has TOTP. The code's step is consumed, so a code seen once cannot be replayed.
 */
export async function requireFreshTotp(
  tx: Tx,
  actor: RegistrarActor,
  code: string | undefined,
  now: Date,
): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: actor.userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastUsedStep: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return;
  const step = code ? totpStepOf(user.totpSecret, code, now) : null;
  const claimed =
    step === null
      ? 0
      : (
          await tx.user.updateMany({
            where: {
              id: actor.userId,
              OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }],
            },
            data: { totpLastUsedStep: step },
          })
        ).count;
  if (claimed === 0) {
    throw new RegistryError(
      "REAUTHENTICATION_REQUIRED",
      code ? "The authentication code is not correct or was already used" : "Enter a current authentication code to do this",
      { field: "totpCode" },
    );
  }
}

/**
 * R-ACC-1: at least one active (not disabled, not deleted) Administrator portal user remains.
 * Locks the account's active Administrators so two concurrent removals cannot both pass.
 */
export async function requireAnotherAdministrator(tx: Tx, accountId: string, userId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE "accountId" = ${accountId}::uuid AND kind = 'PORTAL' AND "disabledAt" IS NULL
      AND "deletedAt" IS NULL AND 'ADMINISTRATOR' = ANY("metaRoles")
    ORDER BY id
    FOR UPDATE`;
  if (admins.some((a) => a.id === userId) && admins.length <= 1) {
    throw new RegistryError(
      "LAST_ADMINISTRATOR",
      "This is the account's last active Administrator; appoint another one first",
      { userId },
    );
  }
}

/** Ends every open session of the user at once (R-ACC-2). Returns how many were ended. */
export async function revokeUserSessions(tx: Tx, userId: string, reason: string, now: Date) {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now, revokeReason: reason },
  });
  return count;
}

export function normaliseEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new RegistryError("VALIDATION_FAILED", `"${input}" is not an email address`, { field: "email" });
  }
  return email;
}

export async function requireFreeEmail(tx: Tx, email: string) {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new RegistryError("EMAIL_IN_USE", `Another user already has the email ${email}`, { field: "email" });
  }
}

/**
 * A password a person chose: 12–128 characters and not easy to guess (zxcvbn score ≥ 3 against
 * common passwords, patterns and the user's own email and name). `field` names the form field.
 */
export function checkPassword(
  password: string,
  options: { field?: string; userInputs?: readonly string[] } = {},
) {
  const field = options.field ?? "password";
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `A password needs ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
      { field, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
    );
  }
  const strength = passwordStrength(password, options.userInputs);
  if (!strength.ok) {
    throw new RegistryError(
      "PASSWORD_TOO_WEAK",
      `The password is too easy to guess${strength.warning ? ` (${strength.warning})` : ""}; choose a longer one or several unrelated words`,
      { field, warning: strength.warning, score: strength.score },
    );
  }
}

const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/**
 * A password the Administrator can hand over (shown once): 20 characters of an alphabet without
 * look-alikes (no 0/O, 1/l/I), in groups of five — about 116 bits.
 */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

/** R-ACC-3: distinct known meta-roles; service users never Administrator. */
export function checkMetaRoles(roles: readonly MetaRole[], kind: "PORTAL" | "SERVICE"): MetaRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0 || unique.some((r) => !META_ROLES.includes(r))) {
    throw new RegistryError("VALIDATION_FAILED", "Give one or more known meta-roles", { field: "metaRoles" });
  }
  if (kind === "SERVICE" && unique.includes("ADMINISTRATOR")) {
    throw new RegistryError(
      "SERVICE_USER_ADMINISTRATOR",
      "A service user cannot be an Administrator",
      { field: "metaRoles" },
    );
  }
  return META_ROLES.filter((r) => unique.includes(r));
}

/** A non-deleted user of the account (portal or service), row-locked; another account's: NOT_FOUND. */
export async function lockAccountUser(tx: Tx, accountId: string, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE id::text = ${userId} AND "accountId" = ${accountId}::uuid
      AND "deletedAt" IS NULL FOR UPDATE`;
  if (!rows[0]) throw new RegistryError("NOT_FOUND", "User not found", { field: "userId" });
  return tx.user.findUniqueOrThrow({ where: { id: rows[0].id } });
}

export function isUuid(value: string | undefined): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
