import type { CoreContext } from "@/lib/registry/context";
import { requireOperator } from "@/lib/registry/permissions";

// What waits for the operator (issue 21): pending ID controls (R-CHG-3) and registrant-paid
// invoices (R-REN-2). Reads only; the decisions are core operations of their capabilities.

export type PendingIdControl = {
  id: string;
  domain: string;
  uDomain: string;
  registrar: string;
  accountId: string;
  from: string;
  to: { handle: string; name: string; email: string; type: string; vatNumber: string | null };
  requestedAt: Date | null;
  deadline: Date | null;
};

/** Operator: changes of registrant awaiting ID control, the nearest deadline first. */
export async function listPendingIdControls(ctx: CoreContext): Promise<PendingIdControl[]> {
  requireOperator(ctx.actor);
  const rows = await ctx.db.registrantChangeRequest.findMany({
    where: { state: "ID_CONTROL_REQUESTED", idControlExpiresAt: { gt: ctx.clock.now() } },
    orderBy: [{ idControlExpiresAt: "asc" }, { id: "asc" }],
    take: 500,
    include: {
      domain: { select: { aLabel: true, uLabel: true } },
      account: { select: { name: true } },
      fromHandle: { select: { handle: true } },
      toHandle: { select: { handle: true, name: true, email: true, type: true, vatNumber: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    domain: r.domain.aLabel,
    uDomain: r.domain.uLabel,
    registrar: r.account.name,
    accountId: r.accountId,
    from: r.fromHandle.handle,
    to: r.toHandle,
    requestedAt: r.idControlRequestedAt,
    deadline: r.idControlExpiresAt,
  }));
}

export type OperatorInvoiceRow = {
  number: number;
  domain: string;
  uDomain: string;
  registrar: string;
  payer: string;
  payerName: string;
  amount: number;
  periodYears: number;
  state: "OPEN" | "PAID" | "CANCELLED";
  issuedAt: Date;
  dueAt: Date;
  paidAt: Date | null;
};

/** Operator: registrant-paid invoices, open ones by due date first, then the newest. */
export async function listOperatorInvoices(
  ctx: CoreContext,
  input: { state?: "OPEN" | "PAID" | "CANCELLED" | null; limit?: number } = {},
): Promise<OperatorInvoiceRow[]> {
  requireOperator(ctx.actor);
  const rows = await ctx.db.invoice.findMany({
    where: input.state ? { state: input.state } : {},
    orderBy: input.state === "OPEN" ? [{ dueAt: "asc" }, { number: "asc" }] : [{ number: "desc" }],
    take: Math.min(Math.max(input.limit ?? 200, 1), 1000),
    include: {
      domain: { select: { aLabel: true, uLabel: true } },
      account: { select: { name: true } },
      payer: { select: { handle: true, name: true } },
    },
  });
  return rows.map((r) => ({
    number: r.number,
    domain: r.domain.aLabel,
    uDomain: r.domain.uLabel,
    registrar: r.account.name,
    payer: r.payer.handle,
    payerName: r.payer.name,
    amount: r.amount,
    periodYears: r.periodYears,
    state: r.state,
    issuedAt: r.issuedAt,
    dueAt: r.dueAt,
    paidAt: r.paidAt,
  }));
}

export type BankPaymentRow = {
  id: string;
  method: "FIK" | "BANK" | "CARD";
  reference: string;
  amount: number;
  registrar: string;
  accountId: string;
  valueDate: Date | null;
  bookedAt: Date;
  bookedBy: string;
};

/** Operator: the latest FIK payments and bank transfers, newest first. */
export async function listBankPayments(ctx: CoreContext, input: { limit?: number } = {}): Promise<BankPaymentRow[]> {
  requireOperator(ctx.actor);
  const rows = await ctx.db.payment.findMany({
    where: { provider: { in: ["fik", "bank"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 50, 1), 500),
    include: { account: { select: { name: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    method: p.method,
    reference: p.providerReference,
    amount: p.amount,
    registrar: p.account.name,
    accountId: p.accountId,
    valueDate: p.valueDate,
    bookedAt: p.createdAt,
    bookedBy: p.createdBy,
  }));
}
