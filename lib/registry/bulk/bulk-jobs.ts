import type { BulkItemState, BulkJobState, RenewalPolicy } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { renewDomain, setRenewalPolicy } from "@/lib/registry/domains";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { requirePermissionAudited, runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import {
  type Period,
  type RegistryDate,
  registryDateFromDb,
  registryDateToDb,
} from "@/lib/registry/rules";
import {
  type BulkKind,
  type BulkReason,
  type BulkRequest,
  bulkVerb,
  loadBulkDomains,
  planBulk,
} from "./bulk-plan";

// Issue 15 item 6: a confirmed bulk job. Never applied twice:
//  1. `startBulkJob` stores the job under the caller's idempotency key (unique per account): a
//     second click, a reload that posts again or a concurrent start with the same key answers the
//     job already stored (`created: false`) and stores nothing;
//  2. each item is claimed PENDING → RUNNING by one conditional UPDATE (SKIP LOCKED), so however
//     many runners work on a job — a second click starts one too — each domain is done once;
//  3. an item left RUNNING by a process that stopped mid-domain (older than STALE_AFTER_MS) is
//     settled from the audit trail, which the operation writes in its own transaction: a SUCCESS
//     event for the domain since the claim means it was done; none means its transaction never
//     committed, and the item is pending again;
//  4. a renewal sends the expiry date the preview showed as curExpDate (R-REN-1): a domain that
//     was renewed meanwhile (another tab's job) is refused with EXPIRY_DATE_MISMATCH.
// Each domain runs through the existing operation (renewDomain, setRenewalPolicy) in its own
// transaction with its own audit event: one refused domain undoes nothing of the others.

export const BULK_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export type StartBulkJobInput = BulkRequest & {
  idempotencyKey: string;
  /** RENEW: the expiry date each domain had in the preview (`YYYY-MM-DD`), by name. */
  curExpDates?: Readonly<Record<string, string>>;
};

export type BulkItemView = {
  position: number;
  domainId: string;
  aLabel: string;
  uLabel: string;
  state: BulkItemState;
  curExpDate: RegistryDate | null;
  price: number | null;
  charged: number | null;
  newExDate: RegistryDate | null;
  reason: BulkReason | null;
  finishedAt: Date | null;
};

export type BulkJobView = {
  id: string;
  kind: BulkKind;
  state: BulkJobState;
  period: Period | null;
  renewalPolicy: RenewalPolicy | null;
  total: number;
  /** Items no longer pending or running. */
  done: number;
  succeeded: number;
  refused: number;
  skipped: number;
  /** Sum charged (øre). */
  charged: number;
  createdAt: Date;
  createdBy: string;
  finishedAt: Date | null;
  items: BulkItemView[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Another account's job is as unknown as a made-up one.
function jobNotFound(jobId: string) {
  return new RegistryError("NOT_FOUND", `Bulk job ${jobId} not found`);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string; originalCode?: string } };
  return [e?.code, e?.cause?.code, e?.cause?.originalCode].some((c) => c === "P2002" || c === "23505");
}

/**
 * Stores a confirmed bulk job with its plan (every domain checked again now), or answers the job
 * already stored under the idempotency key. Runs nothing: `runBulkJob` does.
 */
export async function startBulkJob(
  ctx: CoreContext,
  input: StartBulkJobInput,
): Promise<{ jobId: string; created: boolean; pending: number }> {
  const verb = bulkVerb(input.kind);
  const name = input.kind === "RENEW" ? "domain.bulkRenew" : "domain.bulkSetRenewalPolicy";
  const existing = async () => {
    const actor = requirePermission(ctx.actor, verb);
    const job = await ctx.db.bulkJob.findUnique({
      where: {
        accountId_idempotencyKey: { accountId: actor.accountId, idempotencyKey: input.idempotencyKey },
      },
      select: { id: true, kind: true, _count: { select: { items: { where: { state: "PENDING" } } } } },
    });
    if (!job) return null;
    if (job.kind !== input.kind) {
      throw new RegistryError("CONFLICT", `Bulk job key ${input.idempotencyKey} is another kind of job`);
    }
    return { jobId: job.id, created: false, pending: job._count.items };
  };
  await requirePermissionAudited(ctx, { name, verb, objectType: "BulkJob" });
  if (!BULK_KEY.test(input.idempotencyKey)) {
    throw new RegistryError("VALIDATION_FAILED", "The bulk job's idempotency key is malformed", {
      field: "idempotencyKey",
    });
  }
  const before = await existing();
  if (before) return before;
  try {
    return await runRegistrarOperation(
      ctx,
      { name, verb, objectType: "BulkJob", objectLabel: null },
      async ({ tx, actor, now, policy, audit }) => {
        const domains = await loadBulkDomains(tx, actor.accountId, input.domains);
        const curExpDates = new Map<string, string>();
        for (const [domainName, date] of Object.entries(input.curExpDates ?? {})) {
          const domain = domains.find((d) => d.aLabel === domainName || d.uLabel === domainName);
          if (domain) curExpDates.set(domain.aLabel, date);
        }
        const plan = await planBulk(tx, actor, input, domains, policy, now, curExpDates);
        const job = await tx.bulkJob.create({
          data: {
            accountId: actor.accountId,
            idempotencyKey: input.idempotencyKey,
            kind: input.kind,
            periodUnit: input.kind === "RENEW" ? (input.period?.unit ?? "y") : null,
            periodValue: input.kind === "RENEW" ? (input.period?.value ?? 1) : null,
            renewalPolicy: input.kind === "SET_RENEWAL_POLICY" ? input.renewalPolicy : null,
            total: plan.length,
            createdAt: now,
            createdBy: actor.label,
            items: {
              create: plan.map((item, position) => ({
                position,
                domainId: item.domainId,
                aLabel: item.aLabel,
                uLabel: item.uLabel,
                curExpDate: item.exDate ? registryDateToDb(item.exDate) : null,
                state: item.possible ? "PENDING" : "SKIPPED",
                price: item.possible ? item.price : null,
                errorCode: item.reason?.code ?? null,
                errorMessage: item.reason?.message ?? null,
                errorDetails: (item.reason?.details ?? undefined) as object | undefined,
                finishedAt: item.possible ? null : now,
              })),
            },
          },
          select: { id: true },
        });
        const pending = plan.filter((item) => item.possible).length;
        if (pending === 0) {
          await tx.bulkJob.update({ where: { id: job.id }, data: { state: "DONE", finishedAt: now } });
        }
        Object.assign(audit, {
          objectId: job.id,
          objectLabel: `${plan.length} domains`,
          after: {
            kind: input.kind,
            domains: plan.map((item) => item.aLabel),
            pending,
            skipped: plan.length - pending,
          },
        });
        return { jobId: job.id, created: true, pending };
      },
    );
  } catch (error) {
    // a concurrent start with the same key stored it first: answer that job
    if (isUniqueViolation(error)) {
      const stored = await existing();
      if (stored) return stored;
    }
    throw error;
  }
}

/** An item RUNNING longer than this was abandoned (an operation's transaction times out at 30 s). */
export const STALE_AFTER_MS = 10 * 60_000;

async function settleAbandonedItems(
  ctx: CoreContext,
  job: { id: string; accountId: string; kind: BulkKind },
): Promise<void> {
  const cutoff = new Date(ctx.clock.now().getTime() - STALE_AFTER_MS);
  const stale = await ctx.db.bulkJobItem.findMany({
    where: { jobId: job.id, state: "RUNNING", startedAt: { lt: cutoff } },
    select: { id: true, domainId: true, startedAt: true },
  });
  for (const item of stale) {
    const done = await ctx.db.auditEvent.findFirst({
      where: {
        accountId: job.accountId,
        operation: job.kind === "RENEW" ? "domain.renew" : "domain.setRenewalPolicy",
        objectId: item.domainId,
        outcome: "SUCCESS",
        at: { gte: item.startedAt ?? cutoff },
      },
      orderBy: { id: "asc" },
      select: { at: true, after: true },
    });
    const after = (done?.after ?? {}) as { charged?: unknown; exDate?: unknown };
    await ctx.db.bulkJobItem.updateMany({
      where: { id: item.id, state: "RUNNING" },
      data: done
        ? {
            state: "SUCCEEDED",
            charged: typeof after.charged === "number" ? after.charged : null,
            newExDate:
              typeof after.exDate === "string" ? registryDateToDb(after.exDate as RegistryDate) : null,
            finishedAt: done.at,
          }
        : { state: "PENDING", startedAt: null },
    });
  }
}

type ClaimedItem = { id: string; aLabel: string; domainId: string; curExpDate: Date | null };

/**
 * Works through the job's pending items, one domain per transaction, until none is left (another
 * runner may take some: each item is claimed by exactly one). Returns how many this call ran.
 */
export async function runBulkJob(ctx: CoreContext, input: { jobId: string }): Promise<number> {
  const job = await findJob(ctx, input.jobId);
  requirePermission(ctx.actor, bulkVerb(job.kind));
  const period: Period = {
    unit: job.periodUnit === "m" ? "m" : "y",
    value: job.periodValue ?? 1,
  };
  await settleAbandonedItems(ctx, job);
  let ran = 0;
  for (;;) {
    const now = ctx.clock.now();
    const [item] = await ctx.db.$queryRaw<ClaimedItem[]>`
      UPDATE "BulkJobItem" SET state = 'RUNNING', "startedAt" = ${now}
      WHERE id = (
        SELECT id FROM "BulkJobItem"
        WHERE "jobId" = ${job.id}::uuid AND state = 'PENDING'
        ORDER BY position LIMIT 1
        FOR UPDATE SKIP LOCKED
      ) AND state = 'PENDING'
      RETURNING id, "aLabel", "domainId", "curExpDate"`;
    if (!item) break;
    ran += 1;
    try {
      if (job.kind === "RENEW") {
        const result = await renewDomain(ctx, {
          name: item.aLabel,
          curExpDate: item.curExpDate ? registryDateFromDb(item.curExpDate) : "",
          period,
        });
        await ctx.db.bulkJobItem.update({
          where: { id: item.id },
          data: {
            state: "SUCCEEDED",
            charged: result.charged,
            newExDate: result.domain.exDate ? registryDateToDb(result.domain.exDate) : null,
            finishedAt: ctx.clock.now(),
          },
        });
      } else {
        await setRenewalPolicy(ctx, { name: item.aLabel, renewalPolicy: job.renewalPolicy ?? "AUTO_RENEW" });
        await ctx.db.bulkJobItem.update({
          where: { id: item.id },
          data: { state: "SUCCEEDED", finishedAt: ctx.clock.now() },
        });
      }
    } catch (error) {
      const known = isRegistryError(error);
      if (!known) console.error(`Bulk job ${job.id}: ${item.aLabel} failed`, error);
      await ctx.db.bulkJobItem.update({
        where: { id: item.id },
        data: {
          state: "REFUSED",
          errorCode: known ? error.code : "INTERNAL_ERROR",
          errorMessage: known ? error.message : `Domain ${item.aLabel} could not be processed`,
          errorDetails: known && error.details ? (error.details as object) : undefined,
          finishedAt: ctx.clock.now(),
        },
      });
    }
  }
  // the last runner to finish closes the job
  await ctx.db.$executeRaw`
    UPDATE "BulkJob" SET state = 'DONE', "finishedAt" = ${ctx.clock.now()}
    WHERE id = ${job.id}::uuid AND state = 'RUNNING'
      AND NOT EXISTS (
        SELECT 1 FROM "BulkJobItem"
        WHERE "jobId" = ${job.id}::uuid AND state IN ('PENDING', 'RUNNING')
      )`;
  return ran;
}

async function findJob(ctx: CoreContext, jobId: string) {
  const actor = requirePermission(ctx.actor, "domain.view");
  if (!UUID.test(jobId)) throw jobNotFound(jobId);
  const job = await ctx.db.bulkJob.findFirst({ where: { id: jobId, accountId: actor.accountId } });
  if (!job) throw jobNotFound(jobId);
  return job;
}

/** The job as it stands, with every item (the result page polls it). Another account's: NOT_FOUND. */
export async function getBulkJob(ctx: CoreContext, input: { jobId: string }): Promise<BulkJobView> {
  const job = await findJob(ctx, input.jobId);
  const rows = await ctx.db.bulkJobItem.findMany({
    where: { jobId: job.id },
    orderBy: { position: "asc" },
  });
  const items: BulkItemView[] = rows.map((row) => ({
    position: row.position,
    domainId: row.domainId,
    aLabel: row.aLabel,
    uLabel: row.uLabel,
    state: row.state,
    curExpDate: row.curExpDate ? registryDateFromDb(row.curExpDate) : null,
    price: row.price,
    charged: row.charged,
    newExDate: row.newExDate ? registryDateFromDb(row.newExDate) : null,
    reason: row.errorCode
      ? {
          code: row.errorCode,
          message: row.errorMessage ?? "",
          details: (row.errorDetails ?? null) as Record<string, unknown> | null,
        }
      : null,
    finishedAt: row.finishedAt,
  }));
  const count = (state: BulkItemState) => items.filter((item) => item.state === state).length;
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    period:
      job.kind === "RENEW"
        ? { unit: job.periodUnit === "m" ? "m" : "y", value: job.periodValue ?? 1 }
        : null,
    renewalPolicy: job.renewalPolicy,
    total: job.total,
    done: items.length - count("PENDING") - count("RUNNING"),
    succeeded: count("SUCCEEDED"),
    refused: count("REFUSED"),
    skipped: count("SKIPPED"),
    charged: items.reduce((sum, item) => sum + (item.charged ?? 0), 0),
    createdAt: job.createdAt,
    createdBy: job.createdBy,
    finishedAt: job.finishedAt,
    items,
  };
}
