import { stringify } from "csv-stringify/sync";
import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { requirePermission } from "@/lib/registry/permissions";
import { type AuditFilter, auditWhere, toAuditView } from "./audit-trail";

// The audit log as CSV (account.audit): the same filter as the page, every matching event newest
// first, read in keyset batches so an export of millions of events streams in constant memory.
// RFC 4180 with CRLF; text a spreadsheet would run as a formula is prefixed with an apostrophe
// (csv-stringify's escape_formulas). Before and after are JSON with secrets hidden.

export const AUDIT_CSV_HEADER = [
  "id",
  "at",
  "actor_kind",
  "actor",
  "address",
  "operation",
  "object_type",
  "object",
  "outcome",
  "error_code",
  "before",
  "after",
] as const;

const BATCH = 1_000;

const csv = (rows: unknown[][]) => stringify(rows, { record_delimiter: "windows", escape_formulas: true });

/**
 * Checks the permission at once (so a caller can answer 403 before streaming), then yields the
 * CSV text batch by batch: the header first.
 */
export function auditEventsCsv(ctx: CoreContext, filter: AuditFilter = {}): AsyncGenerator<string> {
  const actor = requirePermission(ctx.actor, "account.audit");
  const base = auditWhere(actor.accountId, filter);
  return (async function* () {
    yield csv([[...AUDIT_CSV_HEADER]]);
    let cursor: number | null = null;
    for (;;) {
      const where: Prisma.AuditEventWhereInput = cursor === null ? base : { ...base, id: { lt: cursor } };
      const rows = await ctx.db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: BATCH });
      if (rows.length === 0) return;
      yield csv(
        rows.map(toAuditView).map((e) => [
          e.id,
          e.at.toISOString(),
          e.actorKind,
          e.actorLabel,
          e.ip ?? "",
          e.operation,
          e.objectType,
          e.objectLabel ?? e.objectId ?? "",
          e.outcome,
          e.errorCode ?? "",
          e.before === null ? "" : JSON.stringify(e.before),
          e.after === null ? "" : JSON.stringify(e.after),
        ]),
      );
      if (rows.length < BATCH) return;
      cursor = rows.at(-1)!.id;
    }
  })();
}
