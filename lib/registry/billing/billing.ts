import type { Prisma } from "@/lib/db/client";
import type { LedgerOperation } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { formatCsv } from "@/lib/registry/billing/csv";
import { RegistryError } from "@/lib/registry/errors";
import { type BalanceRow, notifyLowBalance } from "@/lib/registry/billing/ledger";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import {
  addDays,
  expiryInstant,
  formatDkk,
  parseDomainName,
  parseRegistryDate,
} from "@/lib/registry/rules";

// The Payer's read side of the ledger (R-PAY-3): balance, entries with operation, domain and
// actor, filters, keyset pagination (newest first) and CSV export.

export async function getBalance(
  ctx: CoreContext,
): Promise<{ balance: number; lowBalanceThreshold: number }> {
  const actor = requirePermission(ctx.actor, "billing.view");
  const account = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { balance: true, lowBalanceThreshold: true },
  });
  return account;
}

/** The largest threshold accepted: 1,000,000.00 DKK (a typo guard, far above any real balance). */
const MAX_THRESHOLD_ORE = 100_000_000;

/**
 * billing.setLowBalanceThreshold (Payer): whole øre, 0 or more (0 turns the message off). It
 * re-arms and queues the LOW_BALANCE message as a ledger movement would (`notifyLowBalance`): a
 * threshold at or below the balance re-arms it; one above the balance queues the message now,
 * unless it was already queued for this time below.
 */
export async function setLowBalanceThreshold(
  ctx: CoreContext,
  input: { threshold: number },
): Promise<{ balance: number; lowBalanceThreshold: number }> {
  return runRegistrarOperation(
    ctx,
    {
      name: "billing.setLowBalanceThreshold",
      verb: "billing.setLowBalanceThreshold",
      objectType: "RegistrarAccount",
    },
    async ({ tx, actor, now, audit }) => {
      audit.objectId = actor.accountId;
      const threshold = input.threshold;
      if (!Number.isSafeInteger(threshold) || threshold < 0 || threshold > MAX_THRESHOLD_ORE) {
        throw new RegistryError(
          "VALIDATION_FAILED",
          `The low-balance threshold must be whole øre from 0 to ${formatDkk(MAX_THRESHOLD_ORE)}`,
          { field: "threshold" },
        );
      }
      const before = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
        select: { lowBalanceThreshold: true },
      });
      const rows = await tx.$queryRaw<BalanceRow[]>`
        UPDATE "RegistrarAccount" SET "lowBalanceThreshold" = ${threshold}, "updatedAt" = ${now},
          "lowBalanceNotifiedAt" = CASE WHEN balance >= ${threshold}
            THEN NULL ELSE "lowBalanceNotifiedAt" END
        WHERE id = ${actor.accountId}::uuid
        RETURNING balance, "lowBalanceThreshold", "lowBalanceNotifiedAt"`;
      const row = rows[0]!;
      await notifyLowBalance(tx, actor.accountId, row, now);
      Object.assign(audit, { before, after: { lowBalanceThreshold: threshold } });
      return { balance: row.balance, lowBalanceThreshold: row.lowBalanceThreshold };
    },
  );
}

export type LedgerFilter = {
  operation?: LedgerOperation | readonly LedgerOperation[];
  /** A domain name in either form. */
  domain?: string;
  /** Inclusive Europe/Copenhagen dates `YYYY-MM-DD`. */
  from?: string;
  to?: string;
};

export type LedgerPageInput = LedgerFilter & { cursor?: number | null; limit?: number };

export type LedgerRow = {
  id: number;
  createdAt: Date;
  operation: LedgerOperation;
  amount: number;
  balanceAfter: number;
  domainName: string | null;
  periodMonths: number | null;
  actorLabel: string;
  description: string;
};

const MAX_PAGE = 200;

function ledgerWhere(accountId: string, filter: LedgerFilter): Prisma.LedgerEntryWhereInput {
  const where: Prisma.LedgerEntryWhereInput = { accountId };
  if (filter.operation !== undefined) {
    where.operation =
      typeof filter.operation === "string" ? filter.operation : { in: [...filter.operation] };
  }
  if (filter.domain) where.domainName = parseDomainName(filter.domain).aLabel;
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = expiryInstant(parseRegistryDate(filter.from));
  if (filter.to) createdAt.lt = expiryInstant(addDays(parseRegistryDate(filter.to), 1));
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `Date range ${filter.from}–${filter.to} is empty`,
      {
        field: "from",
      },
    );
  }
  if (createdAt.gte || createdAt.lt) where.createdAt = createdAt;
  return where;
}

const rowSelect = {
  id: true,
  createdAt: true,
  operation: true,
  amount: true,
  balanceAfter: true,
  domainName: true,
  periodMonths: true,
  actorLabel: true,
  description: true,
} as const;

/** One page, newest first; pass the returned nextCursor to get the next page. */
export async function listLedger(
  ctx: CoreContext,
  input: LedgerPageInput = {},
): Promise<{ entries: LedgerRow[]; nextCursor: number | null }> {
  const actor = requirePermission(ctx.actor, "billing.view");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE);
  const where = ledgerWhere(actor.accountId, input);
  if (input.cursor != null) where.id = { lt: input.cursor };
  const rows = await ctx.db.ledgerEntry.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: rowSelect,
  });
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}

export const LEDGER_CSV_HEADER = [
  "id",
  "time",
  "operation",
  "amount_ore",
  "amount_dkk",
  "balance_after_ore",
  "domain",
  "period_months",
  "actor",
  "description",
] as const;

/** Every entry matching the filter as RFC 4180 CSV (newest first), read in keyset pages. */
export async function exportLedgerCsv(
  ctx: CoreContext,
  filter: LedgerFilter = {},
): Promise<string> {
  const rows: (string | number | null)[][] = [];
  let cursor: number | null = null;
  do {
    const page: Awaited<ReturnType<typeof listLedger>> = await listLedger(ctx, {
      ...filter,
      cursor,
      limit: MAX_PAGE,
    });
    for (const e of page.entries) {
      rows.push([
        e.id,
        e.createdAt.toISOString(),
        e.operation,
        e.amount,
        formatDkk(e.amount).replace(" DKK", ""),
        e.balanceAfter,
        e.domainName,
        e.periodMonths,
        e.actorLabel,
        e.description,
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return formatCsv(LEDGER_CSV_HEADER, rows);
}
