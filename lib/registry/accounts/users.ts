import { hashPassword } from "@/lib/crypto/password";
import type { MetaRole } from "@/lib/registry/actor";
import {
  checkMetaRoles,
  checkPassword,
  generatePassword,
  lockAccountUser,
  normaliseEmail,
  requireAnotherAdministrator,
  requireFreeEmail,
  requireFreshTotp,
  revokeUserSessions,
} from "@/lib/registry/accounts/account-guards";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// Portal users of the account (R-ACC-1, R-ACC-2, R-ACC-3), managed by the Administrator. Every
// change needs a fresh TOTP code from an acting user who has TOTP (DESIGN.md §5).

export type UserView = {
  id: string;
  email: string;
  name: string;
  kind: "PORTAL" | "SERVICE";
  service: "EPP" | "DAS" | "DSU" | null;
  metaRoles: MetaRole[];
  totpEnabled: boolean;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** Service users after a rotation: the previous credential works until then (R-ACC-4). */
  previousCredentialValidUntil: Date | null;
};

const userSelect = {
  id: true,
  email: true,
  name: true,
  kind: true,
  service: true,
  metaRoles: true,
  totpEnabledAt: true,
  disabledAt: true,
  lastLoginAt: true,
  createdAt: true,
  previousPasswordValidUntil: true,
} as const;

export function toUserView(u: {
  id: string;
  email: string;
  name: string;
  kind: "PORTAL" | "SERVICE";
  service: "EPP" | "DAS" | "DSU" | null;
  metaRoles: MetaRole[];
  totpEnabledAt: Date | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  previousPasswordValidUntil: Date | null;
}): UserView {
  // field by field: callers may pass a whole row, and hashes and secrets must never leave here
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    kind: u.kind,
    service: u.service,
    metaRoles: u.metaRoles,
    totpEnabled: u.totpEnabledAt !== null,
    disabledAt: u.disabledAt,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    previousCredentialValidUntil: u.kind === "SERVICE" ? u.previousPasswordValidUntil : null,
  };
}

/** Non-deleted users of the account (portal, service or both), by email. */
export async function listUsers(
  ctx: CoreContext,
  input: { kind?: "PORTAL" | "SERVICE" } = {},
): Promise<UserView[]> {
  const actor = requirePermission(
    ctx.actor,
    input.kind === "SERVICE" ? "account.serviceUsers" : "account.users",
  );
  const rows = await ctx.db.user.findMany({
    where: { accountId: actor.accountId, deletedAt: null, ...(input.kind ? { kind: input.kind } : {}) },
    orderBy: { email: "asc" },
    select: userSelect,
  });
  return rows.map(toUserView);
}

type Reauth = { totpCode?: string };

/**
 * A portal user with the password the Administrator gives or, without one, a generated password
 * returned once as `generatedPassword` (never stored or audited in clear).
 */
export async function createUser(
  ctx: CoreContext,
  input: { email: string; name: string; metaRoles: readonly MetaRole[]; password?: string } & Reauth,
): Promise<UserView & { generatedPassword?: string }> {
  return runRegistrarOperation(
    ctx,
    { name: "user.create", verb: "account.users", objectType: "User", objectLabel: input.email },
    async ({ tx, actor, now, audit }) => {
      const email = normaliseEmail(input.email);
      audit.objectLabel = email;
      await requireFreshTotp(tx, actor, input.totpCode, now);
      const metaRoles = checkMetaRoles(input.metaRoles, "PORTAL");
      await requireFreeEmail(tx, email);
      const generatedPassword = input.password ? undefined : generatePassword();
      if (input.password) checkPassword(input.password, { userInputs: [email, input.name] });
      const passwordHash = await hashPassword(input.password || generatedPassword!);
      const user = await tx.user.create({
        data: {
          accountId: actor.accountId,
          kind: "PORTAL",
          email,
          name: input.name.trim() || email,
          metaRoles,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        },
        select: userSelect,
      });
      Object.assign(audit, {
        objectId: user.id,
        after: { email, metaRoles, password: generatedPassword ? "generated" : "given" },
      });
      return { ...toUserView(user), ...(generatedPassword ? { generatedPassword } : {}) };
    },
  );
}

/**
 * Replaces a user's meta-roles. Removing any role ends the user's sessions at once, so a demoted
 * user never keeps a page open with rights it lost; adding roles keeps them.
 */
export async function updateUserRoles(
  ctx: CoreContext,
  input: { userId: string; metaRoles: readonly MetaRole[] } & Reauth,
): Promise<UserView> {
  return runRegistrarOperation(
    ctx,
    { name: "user.updateRoles", verb: "account.users", objectType: "User", objectLabel: input.userId },
    async ({ tx, actor, now, audit }) => {
      const user = await lockAccountUser(tx, actor.accountId, input.userId);
      Object.assign(audit, { objectId: user.id, objectLabel: user.email });
      await requireFreshTotp(tx, actor, input.totpCode, now);
      const metaRoles = checkMetaRoles(input.metaRoles, user.kind);
      if (user.metaRoles.includes("ADMINISTRATOR") && !metaRoles.includes("ADMINISTRATOR")) {
        await requireAnotherAdministrator(tx, actor.accountId, user.id);
      }
      const removed = user.metaRoles.some((r) => !metaRoles.includes(r));
      const ended = removed ? await revokeUserSessions(tx, user.id, "roles-changed", now) : 0;
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { metaRoles, updatedAt: now },
        select: userSelect,
      });
      Object.assign(audit, {
        before: { metaRoles: user.metaRoles },
        after: { metaRoles, sessionsEnded: ended },
      });
      return toUserView(updated);
    },
  );
}

/** R-ACC-2: disabling ends the user's sessions at once; service users are disabled alike. */
export async function disableUser(
  ctx: CoreContext,
  input: { userId: string } & Reauth,
): Promise<UserView> {
  return runRegistrarOperation(
    ctx,
    { name: "user.disable", verb: "account.users", objectType: "User", objectLabel: input.userId },
    async ({ tx, actor, now, audit }) => {
      const user = await lockAccountUser(tx, actor.accountId, input.userId);
      Object.assign(audit, { objectId: user.id, objectLabel: user.email });
      await requireFreshTotp(tx, actor, input.totpCode, now);
      await requireAnotherAdministrator(tx, actor.accountId, user.id);
      const ended = await revokeUserSessions(tx, user.id, "user-disabled", now);
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { disabledAt: user.disabledAt ?? now, updatedAt: now },
        select: userSelect,
      });
      Object.assign(audit, { before: { disabledAt: user.disabledAt }, after: { disabledAt: updated.disabledAt, sessionsEnded: ended } });
      return toUserView(updated);
    },
  );
}

export async function enableUser(
  ctx: CoreContext,
  input: { userId: string } & Reauth,
): Promise<UserView> {
  return runRegistrarOperation(
    ctx,
    { name: "user.enable", verb: "account.users", objectType: "User", objectLabel: input.userId },
    async ({ tx, actor, now, audit }) => {
      const user = await lockAccountUser(tx, actor.accountId, input.userId);
      Object.assign(audit, { objectId: user.id, objectLabel: user.email });
      await requireFreshTotp(tx, actor, input.totpCode, now);
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { disabledAt: null, updatedAt: now },
        select: userSelect,
      });
      Object.assign(audit, { before: { disabledAt: user.disabledAt }, after: { disabledAt: null } });
      return toUserView(updated);
    },
  );
}

/**
 * R-ACC-2: a soft delete. The row stays (audit events and ledger entries keep naming it), its
 * sessions end, its credentials and TOTP are wiped, and its email is rewritten to
 * `deleted+<id>@invalid` so the address can be given to a new user.
 */
export async function deleteUser(
  ctx: CoreContext,
  input: { userId: string } & Reauth,
): Promise<{ id: string; email: string }> {
  return runRegistrarOperation(
    ctx,
    { name: "user.delete", verb: "account.users", objectType: "User", objectLabel: input.userId },
    async ({ tx, actor, now, audit }) => {
      const user = await lockAccountUser(tx, actor.accountId, input.userId);
      Object.assign(audit, { objectId: user.id, objectLabel: user.email });
      await requireFreshTotp(tx, actor, input.totpCode, now);
      await requireAnotherAdministrator(tx, actor.accountId, user.id);
      const ended = await revokeUserSessions(tx, user.id, "user-deleted", now);
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      await tx.user.update({
        where: { id: user.id },
        data: {
          deletedAt: now,
          disabledAt: user.disabledAt ?? now,
          email: `deleted+${user.id}@invalid`,
          passwordHash: "!deleted",
          previousPasswordHash: null,
          previousPasswordValidUntil: null,
          totpSecret: null,
          totpEnabledAt: null,
          updatedAt: now,
        },
      });
      Object.assign(audit, { before: { email: user.email, metaRoles: user.metaRoles }, after: { deletedAt: now, sessionsEnded: ended } });
      return { id: user.id, email: user.email };
    },
  );
}

/**
 * The Administrator sets a portal user's password — the one given, or a generated one returned
 * once. The user's sessions end (a password change ends sessions, DESIGN.md §5). Service users
 * rotate their credential instead (service-users.ts).
 */
export async function resetUserPassword(
  ctx: CoreContext,
  input: { userId: string; password?: string } & Reauth,
): Promise<{ user: UserView; generatedPassword?: string; sessionsEnded: number }> {
  return runRegistrarOperation(
    ctx,
    { name: "user.resetPassword", verb: "account.users", objectType: "User", objectLabel: input.userId },
    async ({ tx, actor, now, audit }) => {
      const user = await lockAccountUser(tx, actor.accountId, input.userId);
      Object.assign(audit, { objectId: user.id, objectLabel: user.email });
      if (user.kind !== "PORTAL") {
        throw new RegistryError("VALIDATION_FAILED", `${user.email} is a service user: rotate its credential`, {
          field: "userId",
        });
      }
      await requireFreshTotp(tx, actor, input.totpCode, now);
      const generatedPassword = input.password ? undefined : generatePassword();
      if (input.password) checkPassword(input.password, { userInputs: [user.email, user.name] });
      const sessionsEnded = await revokeUserSessions(tx, user.id, "password-reset", now);
      const updated = await tx.user.update({
        where: { id: user.id },
        data: {
          passwordHash: await hashPassword(input.password || generatedPassword!),
          passwordChangedAt: now,
          updatedAt: now,
        },
        select: userSelect,
      });
      audit.after = { passwordChangedAt: now, password: generatedPassword ? "generated" : "given", sessionsEnded };
      return { user: toUserView(updated), ...(generatedPassword ? { generatedPassword } : {}), sessionsEnded };
    },
  );
}
