import type { TokenKind } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { isRegistryError } from "@/lib/registry/errors";
import { can, requirePermission, type Verb } from "@/lib/registry/permissions";
import { getPolicy } from "@/lib/registry/policy-store";
import { retractToken } from "@/lib/registry/tokens/tokens";

// Issue 16: what the transfer pages read. The portfolio's open tokens with who issued them
// (/domains/tokens), retracting several at once, whether issuing asks for a TOTP code (step-up,
// DESIGN.md §5), and the transfer fee with the balance it comes from (/domains/transfer).

const RETRACT_VERB: Record<TokenKind, Verb> = {
  TRANSFER: "domain.transferToken.retract",
  REDEL: "redelegationToken.retract",
};

export type PortfolioToken = {
  id: string;
  /** REG-TRANSFER, NSA-REDEL or PXY-REDEL. */
  kind: string;
  domain: string;
  uLabel: string;
  /** The issuing user's email (null when the user is gone or unknown). */
  issuedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
};

const MAX_LISTED = 500;

/**
 * Every open (unused, unretracted, unexpired) token the account issued that this user may
 * retract: transfer tokens for a Proxy, redelegation tokens for an NSA or Proxy. Soonest expiry
 * first (`dir: "desc"` turns it round). Secrets are never listed.
 */
export async function listPortfolioTokens(
  ctx: CoreContext,
  input: { dir?: "asc" | "desc" } = {},
): Promise<PortfolioToken[]> {
  const actor = requirePermission(ctx.actor, "domain.transferToken.issue");
  const kinds = (Object.keys(RETRACT_VERB) as TokenKind[]).filter((k) => can(actor, RETRACT_VERB[k]));
  const order = input.dir === "desc" ? "desc" : "asc";
  const rows = await ctx.db.authToken.findMany({
    where: {
      issuedByAccountId: actor.accountId,
      kind: { in: kinds },
      usedAt: null,
      retractedAt: null,
      expiresAt: { gt: ctx.clock.now() },
    },
    orderBy: [{ expiresAt: order }, { id: order }],
    take: MAX_LISTED,
    select: {
      id: true,
      kind: true,
      issuerRole: true,
      issuedByUserId: true,
      createdAt: true,
      expiresAt: true,
      domain: { select: { aLabel: true, uLabel: true } },
    },
  });
  const userIds = [...new Set(rows.map((r) => r.issuedByUserId).filter((id): id is string => !!id))];
  const users = userIds.length
    ? await ctx.db.user.findMany({
        where: { id: { in: userIds }, accountId: actor.accountId },
        select: { id: true, email: true },
      })
    : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((t) => ({
    id: t.id,
    kind: `${t.issuerRole}-${t.kind}`,
    domain: t.domain.aLabel,
    uLabel: t.domain.uLabel,
    issuedBy: t.issuedByUserId ? (emails.get(t.issuedByUserId) ?? null) : null,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
  }));
}

export type RetractOutcome = {
  retracted: string[];
  refused: { id: string; code: string; message: string }[];
};

/**
 * "Retract selected": each token is retracted by its own operation (R-TOK-2, audited one by one),
 * so one that is no longer open does not keep the others. A token that is not the account's is
 * NOT_FOUND in `refused`. When none could be retracted the first refusal is raised. At most 100.
 */
export async function retractTokens(
  ctx: CoreContext,
  input: { tokenIds: readonly string[] },
): Promise<RetractOutcome> {
  const actor = requirePermission(ctx.actor, "domain.transferToken.retract");
  const ids = [...new Set(input.tokenIds)].slice(0, 100);
  const uuids = ids.filter((id) => UUID.test(id));
  const kinds = new Map(
    (
      await ctx.db.authToken.findMany({
        where: { id: { in: uuids }, issuedByAccountId: actor.accountId },
        select: { id: true, kind: true },
      })
    ).map((t) => [t.id, t.kind]),
  );
  const outcome: RetractOutcome = { retracted: [], refused: [] };
  let first: unknown = null;
  for (const id of ids) {
    try {
      // an unknown id goes through retractToken as well: its NOT_FOUND is audited like any other
      await retractToken(ctx, { tokenId: id, kind: kinds.get(id) ?? "TRANSFER" });
      outcome.retracted.push(id);
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      first ??= error;
      outcome.refused.push({ id, code: error.code, message: error.message });
    }
  }
  if (outcome.retracted.length === 0 && first) throw first;
  return outcome;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether issuing a token asks this user for a fresh TOTP code: it has TOTP enrolled. */
export async function tokenIssueNeedsTotp(ctx: CoreContext): Promise<boolean> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const user = await ctx.db.user.findUnique({
    where: { id: actor.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  return Boolean(user?.totpSecret && user.totpEnabledAt);
}

/** The transfer page's facts (R-TOK-3, R-PAY-1): the fee in force and the account's balance, in øre. */
export async function getTransferQuote(ctx: CoreContext): Promise<{ fee: number; balance: number }> {
  const actor = requirePermission(ctx.actor, "domain.transferIn");
  const now = ctx.clock.now();
  const [policy, account] = await Promise.all([
    getPolicy(ctx.db, now),
    ctx.db.registrarAccount.findUniqueOrThrow({
      where: { id: actor.accountId },
      select: { balance: true },
    }),
  ]);
  return { fee: policy.prices.transferOre, balance: account.balance };
}
