import type { Db, Tx } from "@/lib/db/client";
import type { TokenKind } from "@/lib/db/generated/enums";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import {
  type OperationScope,
  type OperationSpec,
  runRegistrarOperation,
} from "@/lib/registry/operation";
import type { Verb } from "@/lib/registry/permissions";
import type { Policy } from "@/lib/registry/policy";
import { hashToken, parseDomainName, parseToken, tokensEqual } from "@/lib/registry/rules";

// R-TOK-2 on the using side: a presented token is parsed, hashed, compared in constant time and
// claimed with one conditional UPDATE, so concurrent uses serialise on the token row and exactly
// one wins. Failed uses are counted per receiving account in RateLimitEvent; the count is written
// after the operation's transaction has rolled back (like the refusal audit), so it survives.

const FAILURE_CODES = new Set(["TOKEN_INVALID", "TOKEN_EXPIRED", "TOKEN_ALREADY_USED"]);
const HOUR_MS = 3_600_000;

export const tokenFailureBucket = (accountId: string) => `token-failure:${accountId}`;

/** RATE_LIMITED once the account has had policy.tokens.maxFailuresPerHour failures this hour. */
export async function assertTokenUseAllowed(
  tx: Tx,
  accountId: string,
  policy: Policy,
  now: Date,
): Promise<void> {
  const failures = await tx.rateLimitEvent.count({
    where: { bucket: tokenFailureBucket(accountId), at: { gt: new Date(now.getTime() - HOUR_MS) } },
  });
  if (failures >= policy.tokens.maxFailuresPerHour) {
    throw new RegistryError(
      "RATE_LIMITED",
      `Too many failed token uses in the last hour (${failures}); try again later`,
      { failures, limit: policy.tokens.maxFailuresPerHour },
    );
  }
}

/**
 * Runs a token-using operation and, when it fails for the token's sake, records the failure for
 * the account outside the rolled-back transaction. A RATE_LIMITED refusal is not counted again.
 */
export async function recordingTokenFailures<R>(
  db: Db,
  accountId: string | null,
  now: Date,
  run: () => Promise<R>,
): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (accountId && isRegistryError(error) && FAILURE_CODES.has(error.code)) {
      await db.rateLimitEvent.create({ data: { bucket: tokenFailureBucket(accountId), at: now } });
    }
    throw error;
  }
}

export type ClaimedToken = { id: string; domainId: string; issuedByAccountId: string | null };

/**
 * Finds the token for the named live domain, locks the domain row (domain before token, the
 * order every token operation uses), checks it and marks it used by `accountId`. Errors never
 * repeat the token. Returns the claimed token; the domain is locked for the caller.
 */
export async function claimToken(
  tx: Tx,
  input: { token: string; kind: TokenKind; aLabel: string; accountId: string; now: Date },
): Promise<ClaimedToken> {
  const parsed = parseToken(input.token);
  const invalid = (reason: string) =>
    new RegistryError("TOKEN_INVALID", `Token is not valid for ${input.aLabel}`, { reason });
  if (parsed.operation !== input.kind) throw invalid("WRONG_OPERATION");
  const hash = hashToken(input.token);
  const row = await tx.authToken.findUnique({
    where: { secretHash: hash },
    select: {
      id: true,
      domainId: true,
      kind: true,
      secretHash: true,
      issuedByAccountId: true,
      usedAt: true,
      retractedAt: true,
      expiresAt: true,
      domain: { select: { liveName: true } },
    },
  });
  // The lookup is by hash (indexed); the constant-time comparison guards against a lookup that
  // ever becomes prefix- or collation-based.
  if (!row || !tokensEqual(row.secretHash, hash)) throw invalid("UNKNOWN");
  if (row.kind !== input.kind || row.domain.liveName !== input.aLabel)
    throw invalid("OTHER_OBJECT");
  await tx.$queryRaw`SELECT id FROM "Domain" WHERE id = ${row.domainId}::uuid FOR UPDATE`;
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "AuthToken" SET "usedAt" = ${input.now}, "usedByAccountId" = ${input.accountId}::uuid
    WHERE id = ${row.id}::uuid AND "usedAt" IS NULL AND "retractedAt" IS NULL
      AND "expiresAt" > ${input.now}
    RETURNING id`;
  if (claimed.length === 1) {
    return { id: row.id, domainId: row.domainId, issuedByAccountId: row.issuedByAccountId };
  }
  // Lost: read the row as it is now (a concurrent use may just have committed).
  const now = await tx.authToken.findUniqueOrThrow({
    where: { id: row.id },
    select: { usedAt: true, retractedAt: true, expiresAt: true },
  });
  if (now.usedAt) {
    throw new RegistryError("TOKEN_ALREADY_USED", `Token for ${input.aLabel} was already used`);
  }
  if (now.retractedAt) throw invalid("RETRACTED");
  throw new RegistryError("TOKEN_EXPIRED", `Token for ${input.aLabel} has expired`, {
    expiresAt: now.expiresAt.toISOString(),
  });
}

/** Voids every open token of the domain (R-TOK-2: registrant change, completed transfer). */
export async function voidDomainTokens(
  tx: Tx,
  domainId: string,
  now: Date,
  reason: string,
): Promise<number> {
  return tx.$executeRaw`
    UPDATE "AuthToken" SET "retractedAt" = ${now}, "retractReason" = ${reason}
    WHERE "domainId" = ${domainId}::uuid AND "usedAt" IS NULL AND "retractedAt" IS NULL`;
}

/**
 * The shape every token-using operation shares (transfer, redelegation): the failure count is
 * kept outside the transaction, the rate limit is checked, the name is parsed (and `prepare`
 * validates the rest of the input) before the token is claimed for the actor's account.
 */
export function runTokenOperation<P, R>(
  ctx: CoreContext,
  spec: OperationSpec & { verb: Verb },
  use: { kind: TokenKind; name: string; token: string; prepare: (aLabel: string) => P },
  fn: (
    op: OperationScope<RegistrarActor>,
    used: { aLabel: string; claimed: ClaimedToken; prepared: P },
  ) => Promise<R>,
) {
  const accountId = "accountId" in ctx.actor ? ctx.actor.accountId : null;
  return recordingTokenFailures(ctx.db, accountId, ctx.clock.now(), () =>
    runRegistrarOperation(ctx, spec, async (op) => {
      const { tx, actor, now, policy, audit } = op;
      await assertTokenUseAllowed(tx, actor.accountId, policy, now);
      const { aLabel } = parseDomainName(use.name);
      audit.objectLabel = aLabel;
      const prepared = use.prepare(aLabel);
      const claimed = await claimToken(tx, {
        token: use.token,
        kind: use.kind,
        aLabel,
        accountId: actor.accountId,
        now,
      });
      audit.objectId = claimed.domainId;
      return fn(op, { aLabel, claimed, prepared });
    }),
  );
}
