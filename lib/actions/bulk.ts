"use server";

import type { Locale } from "@/lib/i18n/locales";
import { defaultLocale } from "@/lib/i18n/locales";
import {
  type BulkPreview,
  type BulkReason,
  previewBulkJob,
  runBulkJob,
  startBulkJob,
} from "@/lib/registry/bulk";
import type { CoreContext } from "@/lib/registry/context";
import { getPolicy } from "@/lib/registry/policy-store";
import {
  bulkRenewalPolicyPreviewSchema,
  bulkRenewalPolicyStartSchema,
  bulkRenewPreviewSchema,
  bulkRenewStartSchema,
} from "@/lib/schemas/bulk";
import { bulkReasonText } from "./bulk-reason";
import { defineAction } from "./define";

// Issue 15 item 6: "Renew selected" (Payer) and "Set renewal policy" (Proxy) from the domain
// list. A preview first (reads only), then the start: the job is stored under the preview's
// idempotency key and run — up to INLINE domains before the action answers, more in the
// background while the result page polls its progress.

const INLINE = 20;

/** The reader's language; outside a request (the generated access test) English. */
async function readerLocale(): Promise<Locale> {
  try {
    const { getLocale } = await import("next-intl/server");
    return (await getLocale()) as Locale;
  } catch {
    return defaultLocale;
  }
}

export type BulkPreviewResult = Omit<BulkPreview, "items"> & {
  items: (BulkPreview["items"][number] & { reasonText: string | null })[];
  /** RENEW: the yearly periods the policy allows. */
  periodYears: number[];
};

async function localize(ctx: CoreContext, preview: BulkPreview): Promise<BulkPreviewResult> {
  const locale = await readerLocale();
  const policy = await getPolicy(ctx.db, ctx.clock.now());
  return {
    ...preview,
    items: preview.items.map((item) => ({ ...item, reasonText: reasonText(item.reason, locale) })),
    periodYears: [...policy.renewal.periodYears],
  };
}

function reasonText(reason: BulkReason | null, locale: Locale): string | null {
  if (!reason) return null;
  if (reason.code === "UNCHANGED") return null; // the dialog says it in its own words
  return bulkReasonText(reason, locale);
}

/** Runs the job: before answering when small, else in the background (the page polls). */
async function runStarted(ctx: CoreContext, started: { jobId: string; pending: number }) {
  if (started.pending === 0) return;
  const run = runBulkJob(ctx, { jobId: started.jobId });
  if (started.pending <= INLINE) await run;
  else run.catch((error: unknown) => console.error(`Bulk job ${started.jobId} stopped`, error));
}

const bulkPages = () => ["/domains", "/", "/billing"];

export const previewBulkRenewAction = defineAction({
  verb: "domain.renew",
  schema: bulkRenewPreviewSchema,
  run: async (ctx, input) =>
    localize(
      ctx,
      await previewBulkJob(ctx, {
        kind: "RENEW",
        domains: input.domains,
        period: { unit: "y", value: input.periodYears },
      }),
    ),
  forge: (f) => ({ domains: [f.domain], periodYears: 1 }),
});

export const startBulkRenewAction = defineAction({
  verb: "domain.renew",
  schema: bulkRenewStartSchema,
  run: async (ctx, input) => {
    const started = await startBulkJob(ctx, {
      kind: "RENEW",
      domains: input.domains,
      period: { unit: "y", value: input.periodYears },
      idempotencyKey: input.idempotencyKey,
      curExpDates: input.curExpDates,
    });
    await runStarted(ctx, started);
    return { jobId: started.jobId };
  },
  revalidate: bulkPages,
  forge: (f) => ({
    domains: [f.domain],
    periodYears: 1,
    idempotencyKey: "access-test-bulk-renew",
    curExpDates: { [f.domain]: "2030-01-01" },
  }),
});

export const previewBulkRenewalPolicyAction = defineAction({
  verb: "domain.setRenewalPolicy",
  schema: bulkRenewalPolicyPreviewSchema,
  run: async (ctx, input) =>
    localize(
      ctx,
      await previewBulkJob(ctx, {
        kind: "SET_RENEWAL_POLICY",
        domains: input.domains,
        renewalPolicy: input.renewalPolicy,
      }),
    ),
  forge: (f) => ({ domains: [f.domain], renewalPolicy: "AUTO_EXPIRE" }),
});

export const startBulkRenewalPolicyAction = defineAction({
  verb: "domain.setRenewalPolicy",
  schema: bulkRenewalPolicyStartSchema,
  run: async (ctx, input) => {
    const started = await startBulkJob(ctx, {
      kind: "SET_RENEWAL_POLICY",
      domains: input.domains,
      renewalPolicy: input.renewalPolicy,
      idempotencyKey: input.idempotencyKey,
    });
    await runStarted(ctx, started);
    return { jobId: started.jobId };
  },
  revalidate: bulkPages,
  forge: (f) => ({
    domains: [f.domain],
    renewalPolicy: "AUTO_EXPIRE",
    idempotencyKey: "access-test-bulk-policy",
  }),
});
