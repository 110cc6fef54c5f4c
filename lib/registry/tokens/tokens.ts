import type { Tx } from "@/lib/db/client";
import type { TokenIssuerRole, TokenKind } from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { requireFreshTotp } from "@/lib/registry/accounts";
import { checkIssueToken, lockOwnDomain, requireAdministrable } from "@/lib/registry/domains";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { can, requirePermission } from "@/lib/registry/permissions";
import { addLocalDays, generateToken, hashToken } from "@/lib/registry/rules";

// R-TOK-1/2 on the issuing side: REG-TRANSFER through the account by its Proxy, NSA-REDEL by the
// NSA, PXY-REDEL by the Proxy, for an active domain of the account's portfolio. The token text is
// returned once; only its hash is stored. A new token retracts the open one of the same kind and
// role.

/**
 * REG-TRANSFER and PXY-REDEL tokens are issued as the domain's administrator (the Proxy): on a
 * registrant-managed domain only while its proxy contact is linked to the account (domain-admin.ts).
 * An NSA-REDEL token is the name servers' business, not the domain's administration.
 */
function isProxyToken(role: TokenIssuerRole): boolean {
  return role === "REG" || role === "PXY";
}

export type IssuedToken = { id: string; token: string; domain: string; expiresAt: Date };

async function issueToken(
  tx: Tx,
  input: {
    actor: RegistrarActor;
    name: string;
    kind: TokenKind;
    role: Exclude<TokenIssuerRole, "OWN">;
    now: Date;
    lifetimeDays: number;
  },
  audit: { objectId?: string | null; objectLabel?: string | null; after?: unknown },
): Promise<IssuedToken> {
  const domain = await lockOwnDomain(tx, input.actor.accountId, input.name);
  audit.objectId = domain.id;
  audit.objectLabel = domain.aLabel;
  await checkIssueToken(tx, input.actor, domain, isProxyToken(input.role));
  const superseded = await tx.authToken.updateMany({
    where: {
      domainId: domain.id,
      kind: input.kind,
      issuerRole: input.role,
      usedAt: null,
      retractedAt: null,
    },
    data: { retractedAt: input.now, retractReason: "superseded by a newer token" },
  });
  const token = generateToken(input.role, input.kind);
  const expiresAt = addLocalDays(input.now, input.lifetimeDays);
  const row = await tx.authToken.create({
    data: {
      kind: input.kind,
      issuerRole: input.role,
      domainId: domain.id,
      issuedByAccountId: input.actor.accountId,
      issuedByUserId: input.actor.userId,
      secretHash: hashToken(token),
      createdAt: input.now,
      expiresAt,
    },
    select: { id: true },
  });
  audit.after = {
    tokenId: row.id,
    kind: `${input.role}-${input.kind}`,
    expiresAt,
    superseded: superseded.count,
  };
  return { id: row.id, token, domain: domain.aLabel, expiresAt };
}

/**
 * R-TOK-1: a REG-TRANSFER token for a domain of the account (Proxy). A user with TOTP enrolled
 * gives a fresh authentication code (DESIGN.md §5: issuing tokens is a risky action); others are
 * not asked.
 */
export function issueTransferToken(
  ctx: CoreContext,
  input: { name: string; totpCode?: string },
): Promise<IssuedToken> {
  return runRegistrarOperation(
    ctx,
    {
      name: "token.issueTransfer",
      verb: "domain.transferToken.issue",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, policy, audit }) => {
      await requireFreshTotp(tx, actor, input.totpCode, now);
      return issueToken(
        tx,
        {
          actor,
          name: input.name,
          kind: "TRANSFER",
          role: "REG",
          now,
          lifetimeDays: policy.tokens.lifetimeDays,
        },
        audit,
      );
    },
  );
}

/** R-TOK-1: an NSA-REDEL (NSA) or PXY-REDEL (Proxy) token; the actor must hold that meta-role. */
export function issueRedelegationToken(
  ctx: CoreContext,
  input: { name: string; role: "NSA" | "PXY" },
): Promise<IssuedToken> {
  return runRegistrarOperation(
    ctx,
    {
      name: "token.issueRedelegation",
      verb: "redelegationToken.issue",
      objectType: "Domain",
      objectLabel: input.name,
    },
    ({ tx, actor, now, policy, audit }) => {
      const metaRole = input.role === "NSA" ? "NSA" : "PROXY";
      if (!actor.metaRoles.includes(metaRole)) {
        throw new RegistryError(
          "NOT_AUTHORIZED",
          `Only a user with the ${metaRole} role may issue ${input.role}-REDEL tokens`,
          {
            verb: "redelegationToken.issue",
          },
        );
      }
      return issueToken(
        tx,
        {
          actor,
          name: input.name,
          kind: "REDEL",
          role: input.role,
          now,
          lifetimeDays: policy.tokens.lifetimeDays,
        },
        audit,
      );
    },
  );
}

/** R-TOK-2: the issuing account retracts an open token. Another account's token is NOT_FOUND. */
export function retractToken(
  ctx: CoreContext,
  input: { tokenId: string; kind: TokenKind },
): Promise<{ id: string; retractedAt: Date }> {
  const verb =
    input.kind === "TRANSFER" ? "domain.transferToken.retract" : "redelegationToken.retract";
  return runRegistrarOperation(
    ctx,
    { name: "token.retract", verb, objectType: "AuthToken" },
    async ({ tx, actor, now, audit }) => {
      audit.objectId = UUID.test(input.tokenId) ? input.tokenId : null;
      const row = UUID.test(input.tokenId)
        ? await tx.authToken.findFirst({
            where: { id: input.tokenId, kind: input.kind, issuedByAccountId: actor.accountId },
            select: {
              id: true,
              usedAt: true,
              retractedAt: true,
              expiresAt: true,
              issuerRole: true,
              domain: { select: { aLabel: true, managementModel: true, proxyId: true } },
            },
          })
        : null;
      if (!row)
        throw new RegistryError("NOT_FOUND", `Token ${input.tokenId} not found`, {
          field: "tokenId",
        });
      audit.objectLabel = row.domain.aLabel;
      if (isProxyToken(row.issuerRole)) await requireAdministrable(tx, actor, row.domain);
      const { count } = await tx.authToken.updateMany({
        where: { id: row.id, usedAt: null, retractedAt: null, expiresAt: { gt: now } },
        data: { retractedAt: now, retractReason: `retracted by ${actor.label}` },
      });
      if (count === 0) {
        throw new RegistryError(
          "CONFLICT",
          `Token for ${row.domain.aLabel} is no longer open (used, retracted or expired)`,
        );
      }
      audit.after = { retractedAt: now };
      return { id: row.id, retractedAt: now };
    },
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OpenToken = {
  id: string;
  kind: string;
  domain: string;
  uLabel: string;
  createdAt: Date;
  expiresAt: Date;
};

/**
 * The portfolio view: open tokens the account issued, soonest expiry first — transfer tokens for
 * users who may issue them, redelegation tokens likewise. Secrets are never listed.
 */
export async function listOpenTokens(ctx: CoreContext): Promise<OpenToken[]> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const kinds: TokenKind[] = [];
  if (can(actor, "domain.transferToken.issue")) kinds.push("TRANSFER");
  if (can(actor, "redelegationToken.issue")) kinds.push("REDEL");
  if (kinds.length === 0) return [];
  const rows = await ctx.db.authToken.findMany({
    where: {
      issuedByAccountId: actor.accountId,
      kind: { in: kinds },
      usedAt: null,
      retractedAt: null,
      expiresAt: { gt: ctx.clock.now() },
    },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      issuerRole: true,
      createdAt: true,
      expiresAt: true,
      domain: { select: { aLabel: true, uLabel: true } },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    kind: `${t.issuerRole}-${t.kind}`,
    domain: t.domain.aLabel,
    uLabel: t.domain.uLabel,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
  }));
}
