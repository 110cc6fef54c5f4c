import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import type { Db } from "@/lib/db/client";
import type { MetaRole } from "@/lib/registry/actor";
import {
  checkMetaRoles,
  lockAccountUser,
  normaliseEmail,
  requireFreeEmail,
  requireFreshTotp,
} from "@/lib/registry/accounts/account-guards";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import { getPolicy } from "@/lib/registry/policy-store";
import { type UserView, toUserView } from "@/lib/registry/accounts/users";

// R-ACC-3/R-ACC-4 service users: one service each, any meta-role but Administrator. The credential
// is 32 random bytes (base64url), returned once and stored only as an Argon2id hash; rotating keeps
// the old hash valid for policy.serviceCredentials.rotationOverlapHours. Disable and delete are the
// same operations as for portal users (users.ts).

export type ServiceKind = "EPP" | "DAS" | "DSU";
const SERVICES: readonly ServiceKind[] = ["EPP", "DAS", "DSU"];

/** The secret appears only in this value; callers show it once and must not log it. */
export type IssuedCredential = { user: UserView; secret: string };

function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function createServiceUser(
  ctx: CoreContext,
  input: { email: string; name: string; service: ServiceKind; metaRoles: readonly MetaRole[]; totpCode?: string },
): Promise<IssuedCredential> {
  return runRegistrarOperation(
    ctx,
    { name: "serviceUser.create", verb: "account.serviceUsers", objectType: "User", objectLabel: input.email },
    async ({ tx, actor, now, audit }) => {
      const email = normaliseEmail(input.email);
      audit.objectLabel = email;
      await requireFreshTotp(tx, actor, input.totpCode, now);
      if (!SERVICES.includes(input.service)) {
        throw new RegistryError("VALIDATION_FAILED", "The service must be EPP, DAS or DSU", { field: "service" });
      }
      const metaRoles = checkMetaRoles(input.metaRoles, "SERVICE");
      await requireFreeEmail(tx, email);
      const secret = generateSecret();
      const user = await tx.user.create({
        data: {
          accountId: actor.accountId,
          kind: "SERVICE",
          service: input.service,
          email,
          name: input.name.trim() || email,
          metaRoles,
          passwordHash: await hashPassword(secret),
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        },
      });
      Object.assign(audit, { objectId: user.id, after: { email, service: input.service, metaRoles } });
      return { user: toUserView(user), secret };
    },
  );
}

/** A new secret; the previous one keeps working until the returned instant (R-ACC-4). */
export async function rotateServiceCredential(
  ctx: CoreContext,
  input: { userId: string; totpCode?: string },
): Promise<IssuedCredential & { previousValidUntil: Date }> {
  return runRegistrarOperation(
    ctx,
    { name: "serviceUser.rotate", verb: "account.serviceUsers", objectType: "User", objectLabel: input.userId },
    async ({ tx, actor, now, policy, audit }) => {
      const user = await lockAccountUser(tx, actor.accountId, input.userId);
      Object.assign(audit, { objectId: user.id, objectLabel: user.email });
      if (user.kind !== "SERVICE") {
        throw new RegistryError("VALIDATION_FAILED", `${user.email} is not a service user`, { field: "userId" });
      }
      await requireFreshTotp(tx, actor, input.totpCode, now);
      const secret = generateSecret();
      const previousValidUntil = new Date(
        now.getTime() + policy.serviceCredentials.rotationOverlapHours * 3_600_000,
      );
      const updated = await tx.user.update({
        where: { id: user.id },
        data: {
          passwordHash: await hashPassword(secret),
          previousPasswordHash: user.passwordHash,
          previousPasswordValidUntil: previousValidUntil,
          passwordChangedAt: now,
          updatedAt: now,
        },
      });
      audit.after = { rotatedAt: now, previousValidUntil };
      return { user: toUserView(updated), secret, previousValidUntil };
    },
  );
}

export type ServicePrincipal = {
  userId: string;
  accountId: string;
  service: ServiceKind;
  metaRoles: MetaRole[];
};

/**
 * For the service interfaces (EPP, DAS, DSU): the principal when the email names an active
 * service user and the secret is its current one or, within the overlap window, the previous one.
 * Returns null otherwise, whatever the reason, so a caller cannot probe which part was wrong.
 */
export async function verifyServiceCredential(
  db: Db,
  email: string,
  secret: string,
  now: Date,
): Promise<ServicePrincipal | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { account: { select: { suspendedAt: true } } },
  });
  if (!user || user.kind !== "SERVICE" || !user.service || user.disabledAt || user.deletedAt) {
    return null;
  }
  if (user.account.suspendedAt) return null; // a suspended registrar's services are shut (issue 21)
  const current = await verifyPassword(user.passwordHash, secret);
  const previous =
    !current &&
    user.previousPasswordHash !== null &&
    user.previousPasswordValidUntil !== null &&
    now < user.previousPasswordValidUntil &&
    (await verifyPassword(user.previousPasswordHash, secret));
  if (!current && !previous) return null;
  return { userId: user.id, accountId: user.accountId, service: user.service, metaRoles: user.metaRoles };
}

/** How long a rotated-out credential keeps working (policy, default 24 h), for the page to say. */
export async function getCredentialOverlapHours(ctx: CoreContext): Promise<number> {
  requirePermission(ctx.actor, "account.serviceUsers");
  return (await getPolicy(ctx.db, ctx.clock.now())).serviceCredentials.rotationOverlapHours;
}
