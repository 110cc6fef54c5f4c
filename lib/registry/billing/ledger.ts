import type { Tx } from "@/lib/db/client";
import type { LedgerOperation } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/registry/actor";
import { recordActor } from "@/lib/registry/actor-record";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/messages";
import { formatDkk } from "@/lib/registry/rules";

// The prepaid ledger (DESIGN.md §3 "Money", R-PAY-1). The balance column moves only here, and
// only together with an immutable LedgerEntry in the caller's transaction. A debit that must not
// overdraw is one conditional UPDATE, which serialises on the account row's lock.

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
  const rows = posting.overdraw
    ? await tx.$queryRaw<BalanceRow[]>`
        UPDATE "RegistrarAccount" SET balance = balance - ${amount}
        WHERE id = ${accountId}::uuid
        RETURNING balance, "lowBalanceThreshold", "lowBalanceNotifiedAt"`
    : await tx.$queryRaw<BalanceRow[]>`
        UPDATE "RegistrarAccount" SET balance = balance - ${amount}
        WHERE id = ${accountId}::uuid AND balance >= ${amount}
        RETURNING balance, "lowBalanceThreshold", "lowBalanceNotifiedAt"`;
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
  await insertEntry(tx, posting, -amount, row.balance);
  await notifyLowBalance(tx, accountId, row, posting.now);
  return row.balance;
}

/** Credits the account (payments, adjustments). Returns the balance after. */
export async function creditAccount(tx: Tx, posting: Posting): Promise<number> {
  assertAmount(posting.amount);
  const rows = await tx.$queryRaw<BalanceRow[]>`
    UPDATE "RegistrarAccount" SET balance = balance + ${posting.amount},
      "lowBalanceNotifiedAt" = CASE WHEN balance + ${posting.amount} >= "lowBalanceThreshold"
        THEN NULL ELSE "lowBalanceNotifiedAt" END
    WHERE id = ${posting.accountId}::uuid
    RETURNING balance, "lowBalanceThreshold", "lowBalanceNotifiedAt"`;
  const row = rows[0];
  if (!row)
    throw new RegistryError("NOT_FOUND", `Registrar account ${posting.accountId} not found`);
  await insertEntry(tx, posting, posting.amount, row.balance);
  return row.balance;
}

async function insertEntry(tx: Tx, posting: Posting, amount: number, balanceAfter: number) {
  await tx.ledgerEntry.create({
    data: {
      accountId: posting.accountId,
      operation: posting.operation,
      amount,
      balanceAfter,
      domainName: posting.domain?.name ?? null,
      domainId: posting.domain?.id ?? null,
      periodMonths: posting.periodMonths ?? null,
      paymentId: posting.paymentId ?? null,
      ...recordActor(posting.actor),
      description: posting.description,
      createdAt: posting.now,
    },
  });
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
