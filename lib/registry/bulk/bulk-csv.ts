import { formatCsv } from "@/lib/registry/billing";
import type { CoreContext } from "@/lib/registry/context";
import { formatDkk, localDateOf } from "@/lib/registry/rules";
import { getBulkJob } from "./bulk-jobs";

// Issue 15 item 6: a bulk job's per-domain result as CSV (csv-stringify through billing's writer:
// RFC 4180, CRLF, formula guard), with a BOM so spreadsheets read æ, ø, å.

export const BULK_CSV_HEADER = [
  "domain",
  "a_label",
  "outcome",
  "expiry_before",
  "new_expiry",
  "charged_dkk",
  "reason_code",
  "reason",
] as const;

export async function exportBulkJobCsv(
  ctx: CoreContext,
  input: { jobId: string },
): Promise<{ fileName: string; text: string }> {
  const job = await getBulkJob(ctx, input);
  const rows = job.items.map((item) => [
    item.uLabel,
    item.aLabel,
    item.state,
    item.curExpDate,
    item.newExDate,
    item.charged === null ? null : formatDkk(item.charged).replace(" DKK", ""),
    item.reason?.code ?? null,
    item.reason?.message ?? null,
  ]);
  return {
    fileName: `bulk-${job.kind === "RENEW" ? "renew" : "renewal-policy"}-${localDateOf(job.createdAt)}-${job.id.slice(0, 8)}.csv`,
    text: "\uFEFF" + formatCsv(BULK_CSV_HEADER, rows),
  };
}
