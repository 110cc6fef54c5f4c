import { Prisma, type Tx } from "@/lib/db/client";
import type { LedgerOperation } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/registry/actor";
import { recordActor } from "@/lib/registry/actor-record";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/messages";
import { formatDkk } from "@/lib/registry/rules";

// The prepaid ledger (DESIGN.md §3 "Money", R-PAY-1). The balance column moves only here, and
// only together with an immutable LedgerEntry, in one statement of the caller's transaction. A
// debit that must not overdraw is one conditional UPDATE, which serialises on the account row's
// lock: callers debit last, after every read, check and other write (issue 22).

export type Posting = {
  accountId: string;
  operation: LedgerOperation;
  /** øre, positive; the sign comes from debit/credit. */
  amount: number;
  actor: Actor;
  now: Date;
  description: string;
  domain?: { id: string; name: string } | null;
  periodMonths?: number | null;
  paymentId?: string | null;
};

export type BalanceRow = {
  balance: number;
  lowBalanceThreshold: number;
  lowBalanceNotifiedAt: Date | null;
};

/**
 * Debits the account. `overdraw: false` (registration, transfer) refuses with INSUFFICIENT_FUNDS
 * when the balance does not cover it; `overdraw: true` (renewals, restore, registrant change)
 * lets the balance go negative (R-PAY-1). Returns the balance after.
 */
export async function debitAccount(
  tx: Tx,
  posting: Posting & { overdraw: boolean },
): Promise<number> {
  assertAmount(posting.amount);
  const { accountId, amount } = posting;
  // One statement (issue 22): the conditional debit and its ledger entry, so the account row's
  // lock — which every debit of the registrar waits for — is held for one round trip before the
  // commit. The entry is written only when the UPDATE matched (the CTE yields no row otherwise).
  const cover = posting.overdraw ? Prisma.empty : Prisma.sql`AND balance >= ${amount}`;
  const rows = await tx.$queryRaw<BalanceRow[]>`
    WITH moved AS (
      UPDATE "RegistrarAccount" SET balance = balance - ${amount}
      WHERE id = ${accountId}::uuid ${cover}
      RETURNING balance, "lowBalanceThreshold", "lowBalanceNotifiedAt"
    ), entry AS (
      ${entrySql(posting, -amount)}
      FROM moved
    )
    SELECT balance, "lowBalanceThreshold", "lowBalanceNotifiedAt" FROM moved`;
  const row = rows[0];
  if (!row) {
    const account = await tx.registrarAccount.findUnique({
      where: { id: accountId },
      select: { balance: true },
    });
    if (!account) throw new RegistryError("NOT_FOUND", `Registrar account ${accountId} not found`);
    throw new RegistryError(
      "INSUFFICIENT_FUNDS",
      `Balance ${formatDkk(account.balance)} does not cover ${formatDkk(amount)} for ${posting.description}`,
      { required: amount, balance: account.balance },
    );
  }
  await notifyLowBalance(tx, accountId, row, posting.now);
  return row.balance;
}

/** The ledger entry's INSERT … SELECT head, its balanceAfter from the CTE `moved` (the account's new row). */
function entrySql(posting: Posting, amount: number): Prisma.Sql {
  const actor = recordActor(posting.actor);
  return Prisma.sql`INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter",
      "domainName", "domainId", "periodMonths", "paymentId", "actorKind", "actorId", "actorLabel",
      description, "createdAt")
    SELECT ${posting.accountId}::uuid, ${posting.operation}::"LedgerOperation", ${amount}::int,
      moved.balance, ${posting.domain?.name ?? null}, ${posting.domain?.id ?? null}::uuid,
      ${posting.periodMonths ?? null}::int, ${posting.paymentId ?? null}::uuid,
      ${actor.actorKind}::"ActorKind", ${actor.actorId}::uuid, ${actor.actorLabel},
      ${posting.description}, ${posting.now}::timestamptz`;
}

/** Credits the account (payments, adjustments), with its entry in the same statement. Returns the balance after. */
export async function creditAccount(tx: Tx, posting: Posting): Promise<number> {
  assertAmount(posting.amount);
  const rows = await tx.$queryRaw<BalanceRow[]>`
    WITH moved AS (
      UPDATE "RegistrarAccount" SET balance = balance + ${posting.amount},
        "lowBalanceNotifiedAt" = CASE WHEN balance + ${posting.amount} >= "lowBalanceThreshold"
          THEN NULL ELSE "lowBalanceNotifiedAt" END
      WHERE id = ${posting.accountId}::uuid
      RETURNING balance, "lowBalanceThreshold", "lowBalanceNotifiedAt"
    ), entry AS (
      ${entrySql(posting, posting.amount)}
      FROM moved
    )
    SELECT balance, "lowBalanceThreshold", "lowBalanceNotifiedAt" FROM moved`;
  const row = rows[0];
  if (!row)
    throw new RegistryError("NOT_FOUND", `Registrar account ${posting.accountId} not found`);
  return row.balance;
}

/** R-MSG-1 "low balance": once per crossing below the threshold; a credit above it re-arms. */
export async function notifyLowBalance(tx: Tx, accountId: string, row: BalanceRow, now: Date) {
  if (row.balance >= row.lowBalanceThreshold || row.lowBalanceNotifiedAt !== null) return;
  await tx.registrarAccount.update({
    where: { id: accountId },
    data: { lowBalanceNotifiedAt: now },
  });
  await queueNotification(tx, {
    accountId,
    type: "LOW_BALANCE",
    message: `Balance ${formatDkk(row.balance)} is below the low-balance threshold of ${formatDkk(row.lowBalanceThreshold)}`,
    data: { balance: row.balance, threshold: row.lowBalanceThreshold },
    now,
  });
}

function assertAmount(amount: number) {
  // A programming error: prices come from rules/pricing.ts as whole, non-negative øre.
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Ledger amount must be whole, non-negative øre, got ${amount}`);
  }
}
