import { stringify } from "csv-stringify/sync";
import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { requireOperator } from "@/lib/registry/permissions";

// The operator audit view (issue 21): every event an operator caused — the console's operations,
// refused ones too, and operator logins — newest first, keyset paginated on the serial id, with a
// CSV export (csv-stringify).

export type OperatorAuditFilter = {
  /** An operator's email (exact, case ignored). */
  operator?: string | null;
  /** Exact operation name, or a prefix ending in "." (e.g. "registrar."). */
  operation?: string | null;
  outcome?: "SUCCESS" | "REFUSED" | null;
  /** Registrar account the event concerns. */
  accountId?: string | null;
  /** Contained in the object's label (domain, handle, invoice number, …), case ignored. */
  object?: string | null;
  from?: Date | null;
  to?: Date | null;
};

export type OperatorAuditRow = {
  id: number;
  at: Date;
  operator: string;
  ip: string | null;
  operation: string;
  objectType: string;
  objectLabel: string | null;
  account: string | null;
  outcome: "SUCCESS" | "REFUSED";
  errorCode: string | null;
  before: unknown;
  after: unknown;
};

function whereOf(filter: OperatorAuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { actorKind: "OPERATOR" };
  if (filter.operator?.trim()) where.actorLabel = { equals: filter.operator.trim(), mode: "insensitive" };
  const op = filter.operation?.trim();
  if (op) where.operation = op.endsWith(".") ? { startsWith: op } : op;
  if (filter.outcome) where.outcome = filter.outcome;
  if (filter.accountId) {
    if (!/^[0-9a-f-]{36}$/i.test(filter.accountId)) {
      throw new RegistryError("VALIDATION_FAILED", "Unknown registrar", { field: "accountId" });
    }
    where.accountId = filter.accountId;
  }
  if (filter.object?.trim()) where.objectLabel = { contains: filter.object.trim(), mode: "insensitive" };
  if (filter.from || filter.to) where.at = { gte: filter.from ?? undefined, lt: filter.to ?? undefined };
  return where;
}

const select = {
  id: true,
  at: true,
  actorLabel: true,
  ip: true,
  operation: true,
  objectType: true,
  objectLabel: true,
  outcome: true,
  errorCode: true,
  before: true,
  after: true,
  account: { select: { name: true } },
} as const;

type Selected = Prisma.AuditEventGetPayload<{ select: typeof select }>;

function toRow({ account, actorLabel, ...e }: Selected): OperatorAuditRow {
  return { ...e, operator: actorLabel, account: account?.name ?? null };
}

export async function listOperatorAudit(
  ctx: CoreContext,
  input: OperatorAuditFilter & { cursor?: string | null; limit?: number } = {},
): Promise<{ events: OperatorAuditRow[]; nextCursor: string | null }> {
  requireOperator(ctx.actor);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const where = whereOf(input);
  if (input.cursor) {
    if (!/^\d{1,10}$/.test(input.cursor)) {
      throw new RegistryError("VALIDATION_FAILED", "The page cursor is invalid", { field: "cursor" });
    }
    where.id = { lt: Number(input.cursor) };
  }
  const rows = await ctx.db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: limit + 1, select });
  const page = rows.slice(0, limit).map(toRow);
  return { events: page, nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}

export const OPERATOR_AUDIT_CSV_HEADER = [
  "id",
  "at",
  "operator",
  "ip",
  "operation",
  "object_type",
  "object",
  "registrar",
  "outcome",
  "error_code",
  "before",
  "after",
];

/** Spreadsheet formula injection: text starting with = + - @ (or a tab/CR) gets a leading '. */
function cell(value: string | null): string {
  if (value === null) return "";
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value;
}

/** Operator: the filtered events as CSV (RFC 4180, CRLF), up to 50,000 rows. */
export async function exportOperatorAuditCsv(ctx: CoreContext, filter: OperatorAuditFilter = {}): Promise<string> {
  requireOperator(ctx.actor);
  const rows = await ctx.db.auditEvent.findMany({
    where: whereOf(filter),
    orderBy: { id: "desc" },
    take: 50_000,
    select,
  });
  return stringify(
    rows.map(toRow).map((e) => [
      String(e.id),
      e.at.toISOString(),
      cell(e.operator),
      cell(e.ip),
      cell(e.operation),
      cell(e.objectType),
      cell(e.objectLabel),
      cell(e.account),
      e.outcome,
      cell(e.errorCode),
      e.before === null || e.before === undefined ? "" : cell(JSON.stringify(e.before)),
      e.after === null || e.after === undefined ? "" : cell(JSON.stringify(e.after)),
    ]),
    { header: true, columns: OPERATOR_AUDIT_CSV_HEADER, record_delimiter: "\r\n" },
  );
}
