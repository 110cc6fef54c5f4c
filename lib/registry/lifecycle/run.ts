import { availableParallelism } from "node:os";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { getPolicy } from "@/lib/registry/policy-store";
import { localDateOf } from "@/lib/registry/rules";
import { withRetry } from "@/lib/registry/retry";
import {
  deleteBatch,
  expireHoldsBatch,
  removeUnusedMarkedHosts,
  type DeletedName,
} from "./deletion";
import { expireBatch } from "./expiry";
import { suspendUnpaidBatch } from "./invoices";
import { DEFAULT_BATCH } from "./shared";

/**
 * Work that other parts of the core register: offers (R-REG-6) and registrant-change requests
 * (R-CHG-3) expire, a deleted name's waiting list gets its offer. Each runs in the same
 * transaction discipline and must be idempotent at one instant.
 */
export type LifecycleHooks = {
  afterDeletion?: (tx: Tx, deleted: DeletedName[], now: Date) => Promise<void>;
  expiries?: ((db: PrismaClient, now: Date) => Promise<number>)[];
};

export type LifecycleSummary = {
  expired: number; // auto-renewed or suspended
  unpaidSuspended: number; // R-REN-2: suspended for an overdue invoice
  deleted: number;
  holdsExpired: number;
  hostsRemoved: number;
  other: number;
};

/**
 * Everything time does to the registry up to `now` (DESIGN.md §2 lifecycle worker). Batches of
 * rows are claimed with FOR UPDATE SKIP LOCKED in short transactions, so several workers can run
 * at once without processing a row twice; a second run at the same instant finds nothing to do.
 */
export async function runLifecycle(
  db: PrismaClient,
  now: Date,
  options: { batchSize?: number; hooks?: LifecycleHooks; workers?: number } = {},
): Promise<LifecycleSummary> {
  const limit = options.batchSize ?? DEFAULT_BATCH;
  const hooks = options.hooks ?? {};
  const policy = await getPolicy(db, now);
  const today = localDateOf(now);
  const summary: LifecycleSummary = {
    expired: 0,
    unpaidSuspended: 0,
    deleted: 0,
    holdsExpired: 0,
    hostsRemoved: 0,
    other: 0,
  };

  const drain = async (step: (tx: Tx) => Promise<number>) => {
    let total = 0;
    for (;;) {
      const n = await withRetry(() => db.$transaction((tx) => step(tx), { timeout: 60_000 }));
      total += n;
      // until a batch finds nothing: a domain overdue by years renews once per pass
      if (n === 0) return total;
    }
  };

  // Renewing first: a domain that expires and renews today is never suspended by mistake. The
  // expiry batches drain in parallel transactions (issue 22): SKIP LOCKED hands each its own
  // domains, and they queue only for the accounts' debit at the end of each batch.
  const workers = options.workers ?? (await parallelWorkers(db));
  summary.expired = (
    await Promise.all(
      Array.from({ length: workers }, () =>
        drain((tx) => expireBatch(tx, now, today, policy, limit)),
      ),
    )
  ).reduce((a, b) => a + b, 0);
  summary.unpaidSuspended = await drain((tx) => suspendUnpaidBatch(tx, now, policy, limit));
  summary.holdsExpired = await drain((tx) => expireHoldsBatch(tx, now, limit));
  summary.deleted = await drain(async (tx) => {
    const deleted = await deleteBatch(tx, now, limit);
    if (deleted.length && hooks.afterDeletion) await hooks.afterDeletion(tx, deleted, now);
    return deleted.length;
  });
  for (const expire of hooks.expiries ?? []) summary.other += await expire(db, now);
  summary.hostsRemoved = await withRetry(() =>
    db.$transaction((tx) => removeUnusedMarkedHosts(tx)),
  );
  return summary;
}

/**
 * How many expiry batches run at once: one per core on PostgreSQL (at most 4), one on the embedded
 * database (PGlite has one connection: parallel transactions would only queue).
 */
async function parallelWorkers(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRaw<{ v: string }[]>`SELECT version() AS v`;
  if (!row || /emscripten|wasm/i.test(row.v)) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}
