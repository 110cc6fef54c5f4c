import type { Prisma } from "@/lib/db/client";
import type { LedgerOperation } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { csvStream } from "@/lib/registry/billing/csv";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
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

/** The account's balance, threshold and payment details (the /billing page). */
export async function getBillingAccount(ctx: CoreContext): Promise<{
  name: string;
  balance: number;
  lowBalanceThreshold: number;
  fikCode: string;
  accountNumber: string;
}> {
  const actor = requirePermission(ctx.actor, "billing.view");
  return ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: {
      name: true,
      balance: true,
      lowBalanceThreshold: true,
      fikCode: true,
      accountNumber: true,
    },
  });
}

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

export const LEDGER_OPERATIONS = [
  "REGISTRATION",
  "RENEWAL",
  "AUTO_RENEWAL",
  "RESTORE",
  "TRANSFER",
  "REGISTRANT_CHANGE",
  "TOP_UP_CARD",
  "PAYMENT_FIK",
  "PAYMENT_BANK",
  "ADJUSTMENT",
] as const satisfies readonly LedgerOperation[];

export type LedgerFilter = {
  operation?: LedgerOperation | readonly LedgerOperation[];
  /** A domain name in either form. */
  domain?: string;
  /** Inclusive Europe/Copenhagen dates `YYYY-MM-DD`. */
  from?: string;
  to?: string;
};

/**
 * Keyset pages, newest first: `after` (or its old name `cursor`) continues with older entries
 * than that id, `before` goes back to newer ones.
 */
export type LedgerPageInput = LedgerFilter & {
  cursor?: number | null;
  after?: number | null;
  before?: number | null;
  limit?: number;
};

export type LedgerRow = {
  id: number;
  createdAt: Date;
  operation: LedgerOperation;
  /** øre; credits positive, debits negative. */
  amount: number;
  /** The account's balance after this entry: the running balance. */
  balanceAfter: number;
  domainName: string | null;
  periodMonths: number | null;
  actorLabel: string;
  description: string;
};

export type LedgerPage = {
  entries: LedgerRow[];
  /** Entries matching the filter on all pages. */
  total: number;
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: number | null;
  /** Pass as `before` for the previous (newer) page; null on the first page. */
  prevCursor: number | null;
};

const MAX_PAGE = 200;

function ledgerWhere(accountId: string, filter: LedgerFilter): Prisma.LedgerEntryWhereInput {
  const where: Prisma.LedgerEntryWhereInput = { accountId };
  if (filter.operation !== undefined) {
    where.operation =
      typeof filter.operation === "string" ? filter.operation : { in: [...filter.operation] };
  }
  if (filter.domain) {
    try {
      where.domainName = parseDomainName(filter.domain).aLabel;
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      throw new RegistryError(error.code, error.message, { ...error.details, field: "domain" });
    }
  }
  const createdAt: Prisma.DateTimeFilter = {};
  for (const field of ["from", "to"] as const) {
    const value = filter[field];
    if (value !== undefined && value !== "") {
      try {
        parseRegistryDate(value);
      } catch {
        throw new RegistryError("VALIDATION_FAILED", `${value} is not a date (YYYY-MM-DD)`, {
          field,
        });
      }
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `Date range ${filter.from}–${filter.to} is empty`,
      {
        field: "to",
      },
    );
  }
  if (filter.from) createdAt.gte = expiryInstant(parseRegistryDate(filter.from));
  if (filter.to) createdAt.lt = expiryInstant(addDays(parseRegistryDate(filter.to), 1));
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

/**
 * R-PAY-3: one page of the ledger, newest first, with operation, domain, actor, amount and the
 * running balance. Entries are ordered by id, which is the order the balance moved in: every
 * entry is inserted under the account row's lock (ledger.ts).
 */
export async function listLedger(
  ctx: CoreContext,
  input: LedgerPageInput = {},
): Promise<LedgerPage> {
  const actor = requirePermission(ctx.actor, "billing.view");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE);
  const where = ledgerWhere(actor.accountId, input);
  const total = await ctx.db.ledgerEntry.count({ where });
  const after = input.after ?? input.cursor ?? null;
  const before = after === null ? (input.before ?? null) : null;
  if (before !== null) {
    const rows = await ctx.db.ledgerEntry.findMany({
      where: { ...where, id: { gt: before } },
      orderBy: { id: "asc" },
      take: limit + 1,
      select: rowSelect,
    });
    const entries = rows.slice(0, limit).reverse();
    return {
      entries,
      total,
      nextCursor: entries.at(-1)?.id ?? null,
      prevCursor: rows.length > limit ? (entries[0]?.id ?? null) : null,
    };
  }
  if (after !== null) where.id = { lt: after };
  const rows = await ctx.db.ledgerEntry.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: rowSelect,
  });
  const entries = rows.slice(0, limit);
  return {
    entries,
    total,
    nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null,
    prevCursor: after !== null ? (entries[0]?.id ?? null) : null,
  };
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

function csvRow(e: LedgerRow) {
  return [
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
  ];
}

/**
 * R-PAY-3: every entry matching the filter as CSV (newest first), streamed: keyset pages are read
 * as the client takes the file. The permission and the filter are checked before the stream
 * starts, so a refusal is an ordinary error, not a broken download.
 */
export function streamLedgerCsv(
  ctx: CoreContext,
  filter: LedgerFilter = {},
): ReadableStream<Uint8Array> {
  const actor = requirePermission(ctx.actor, "billing.view");
  ledgerWhere(actor.accountId, filter);
  const pages = async function* () {
    let after: number | null = null;
    do {
      const page: LedgerPage = await listLedger(ctx, { ...filter, after, limit: MAX_PAGE });
      for (const e of page.entries) yield csvRow(e);
      after = page.nextCursor;
    } while (after !== null);
  };
  return csvStream(LEDGER_CSV_HEADER, pages());
}

/** The same CSV in one string (tests, small exports). */
export async function exportLedgerCsv(
  ctx: CoreContext,
  filter: LedgerFilter = {},
): Promise<string> {
  const text = await new Response(streamLedgerCsv(ctx, filter)).text();
  return text.replace(/^\uFEFF/, "");
}
