import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { requirePermission } from "@/lib/registry/permissions";

// The redelegation tokens page (issue 17, R-TOK-1/2): which kinds this user issues — NSA-REDEL as
// NSA, PXY-REDEL as Proxy — and the account's open redelegation tokens. Secrets are never listed.

export type RedelegationRole = "NSA" | "PXY";

/** The redelegation token kinds a user may issue, by its meta-roles. */
export function redelegationRolesOf(actor: RegistrarActor): RedelegationRole[] {
  const roles: RedelegationRole[] = [];
  if (actor.metaRoles.includes("NSA")) roles.push("NSA");
  if (actor.metaRoles.includes("PROXY")) roles.push("PXY");
  return roles;
}

export type RedelegationTokenRow = {
  id: string;
  kind: "NSA-REDEL" | "PXY-REDEL";
  domain: string;
  uLabel: string;
  createdAt: Date;
  expiresAt: Date;
};

/** Open (unused, unretracted, unexpired) redelegation tokens the account issued, soonest expiry first. */
export async function listRedelegationTokens(
  ctx: CoreContext,
): Promise<{ roles: RedelegationRole[]; tokens: RedelegationTokenRow[]; stepUp: boolean }> {
  const actor = requirePermission(ctx.actor, "redelegationToken.issue");
  const rows = await ctx.db.authToken.findMany({
    where: {
      issuedByAccountId: actor.accountId,
      kind: "REDEL",
      issuerRole: { in: ["NSA", "PXY"] },
      usedAt: null,
      retractedAt: null,
      expiresAt: { gt: ctx.clock.now() },
    },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      issuerRole: true,
      createdAt: true,
      expiresAt: true,
      domain: { select: { aLabel: true, uLabel: true } },
    },
  });
  const user = await ctx.db.user.findUnique({
    where: { id: actor.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  return {
    // DESIGN.md §5: a user with TOTP enrolled gives a fresh code to issue a token
    stepUp: Boolean(user?.totpSecret && user.totpEnabledAt),
    roles: redelegationRolesOf(actor),
    tokens: rows.map((t) => ({
      id: t.id,
      kind: t.issuerRole === "NSA" ? "NSA-REDEL" : "PXY-REDEL",
      domain: t.domain.aLabel,
      uLabel: t.domain.uLabel,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
    })),
  };
}
