import type { Prisma, Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/messages";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import type { Policy } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";
import { formatDkk, invoiceDueAt } from "@/lib/registry/rules";

// R-REN-2: a registrant-paid domain is invoiced to its payer at auto-renew (the lifecycle worker
// invoices a batch at once, lifecycle/expiry.ts); unpaid from its due date on, the invoice
// suspends the domain (lifecycle/invoices.ts); the operator marks it paid, which during
// redemption makes a domain suspended for non-payment active again.

/**
 * The query form of `renewalPayer` (rules/renewal.ts) for counts and lists, e.g. the auto-renew
 * forecast: domains whose renewals the registrar with this handle pays from its balance —
 * registrar-managed, or registrant-managed whose payer (or, with none, registrant) is its handle.
 * The negation (`NOT`) is the registrant-paid, invoiced ones. Tested to agree with renewalPayer.
 */
export function registrarPaysWhere(registrarHandleId: string): Prisma.DomainWhereInput {
  return {
    OR: [
      { managementModel: "REGISTRAR" },
      { payerId: registrarHandleId },
      { payerId: null, registrantId: registrarHandleId },
    ],
  };
}

/**
 * R-REN-2: the domain's oldest open invoice, if any. While one is open the registrar can neither
 * renew nor restore the domain: the payer pays it, or the domain goes.
 */
export async function findOpenInvoice(tx: Tx, domainId: string) {
  return tx.invoice.findFirst({
    where: { domainId, state: "OPEN" },
    orderBy: { number: "asc" },
    select: { number: true },
  });
}

/** One invoice, due `policy.billing.invoiceDueDays` after `now` (the stored policy by default). */
export async function issueInvoice(
  tx: Tx,
  input: {
    domainId: string;
    accountId: string;
    payerId: string;
    amount: number;
    periodYears: number;
    now: Date;
    policy?: Policy;
  },
) {
  const policy = input.policy ?? (await getPolicy(tx, input.now));
  return tx.invoice.create({
    data: {
      domainId: input.domainId,
      accountId: input.accountId,
      payerId: input.payerId,
      amount: input.amount,
      periodYears: input.periodYears,
      issuedAt: input.now,
      dueAt: invoiceDueAt(input.now, policy),
    },
  });
}

export type InvoiceRow = {
  number: number;
  state: "OPEN" | "PAID" | "CANCELLED";
  domainName: string;
  uLabel: string;
  payerHandle: string;
  amount: number;
  periodYears: number;
  issuedAt: Date;
  dueAt: Date;
  paidAt: Date | null;
  /** Open and past its due instant: the domain is (or is about to be) suspended. */
  overdue: boolean;
};

/**
 * R-REN-2: the invoices of the account's registrant-paid domains (billing.view), newest first,
 * optionally one state, in keyset pages (`after`: continue below that number); with the count of
 * each state for the tabs.
 */
export async function listInvoices(
  ctx: CoreContext,
  input: { state?: "OPEN" | "PAID" | "CANCELLED"; after?: number | null; limit?: number } = {},
): Promise<{
  invoices: InvoiceRow[];
  nextCursor: number | null;
  counts: Record<"OPEN" | "PAID" | "CANCELLED", number>;
}> {
  const actor = requirePermission(ctx.actor, "billing.view");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const now = ctx.clock.now();
  const [rows, grouped] = await Promise.all([
    ctx.db.invoice.findMany({
      where: {
        accountId: actor.accountId,
        ...(input.state ? { state: input.state } : {}),
        ...(input.after != null ? { number: { lt: input.after } } : {}),
      },
      orderBy: { number: "desc" },
      take: limit + 1,
      include: {
        domain: { select: { aLabel: true, uLabel: true } },
        payer: { select: { handle: true } },
      },
    }),
    ctx.db.invoice.groupBy({
      by: ["state"],
      where: { accountId: actor.accountId },
      _count: { _all: true },
    }),
  ]);
  const counts = { OPEN: 0, PAID: 0, CANCELLED: 0 };
  for (const g of grouped) counts[g.state] = g._count._all;
  const page = rows.slice(0, limit);
  return {
    invoices: page.map((i) => ({
      number: i.number,
      state: i.state,
      domainName: i.domain.aLabel,
      uLabel: i.domain.uLabel,
      payerHandle: i.payer.handle,
      amount: i.amount,
      periodYears: i.periodYears,
      issuedAt: i.issuedAt,
      dueAt: i.dueAt,
      paidAt: i.paidAt,
      overdue: i.state === "OPEN" && i.dueAt <= now,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.number ?? null) : null,
    counts,
  };
}

type InvoicedDomain = {
  id: string;
  aLabel: string;
  uLabel: string;
  state: "HELD" | "ACTIVE" | "SUSPENDED" | "DELETED";
  suspensionReason: "CANCELLED" | "EXPIRED" | "NON_PAYMENT" | null;
  deleteAt: Date | null;
};

/**
 * Operator: an open invoice is paid (once); the registrar is notified (R-MSG-1). A domain
 * suspended for non-payment becomes active again when no other of its invoices is overdue; one
 * suspended for another reason (the registrar cancelled it) stays suspended. Once the domain's
 * redemption has ended — deleted, or past `deleteAt` and awaiting the worker — the invoice is
 * void (deletion cancels it) and cannot be paid: the operator refunds the payer instead.
 */
export async function markInvoicePaid(ctx: CoreContext, input: { number: number }) {
  return runOperatorOperation(
    ctx,
    { name: "invoice.markPaid", objectType: "Invoice", objectLabel: String(input.number) },
    async ({ tx, now, audit }) => {
      const invoice = await tx.invoice.findUnique({ where: { number: input.number } });
      if (!invoice) throw new RegistryError("NOT_FOUND", `Invoice ${input.number} not found`);
      Object.assign(audit, { accountId: invoice.accountId, objectId: invoice.id });
      // the domain row first, as the lifecycle steps lock it: payment and suspension serialise
      const domain = await lockInvoicedDomain(tx, invoice.domainId);
      const redemptionEnded =
        domain.state === "DELETED" ||
        (domain.state === "SUSPENDED" && domain.deleteAt !== null && domain.deleteAt <= now);
      if (invoice.state === "OPEN" && redemptionEnded) {
        throw new RegistryError(
          "INVOICE_NOT_OPEN",
          `Invoice ${invoice.number} is void: the redemption of ${domain.aLabel} has ended`,
          { state: invoice.state, reason: "DOMAIN_DELETED" },
        );
      }
      const { count } = await tx.invoice.updateMany({
        where: { id: invoice.id, state: "OPEN" },
        data: { state: "PAID", paidAt: now },
      });
      if (count === 0) {
        throw new RegistryError(
          "INVOICE_NOT_OPEN",
          `Invoice ${input.number} is ${invoice.state.toLowerCase()}, not open`,
          { state: invoice.state },
        );
      }
      const reactivated = await reactivateIfPaidUp(tx, domain, now);
      await queueNotification(tx, {
        accountId: invoice.accountId,
        type: "INVOICE_PAID",
        domainName: domain.aLabel,
        message:
          `Invoice ${invoice.number} of ${formatDkk(invoice.amount)} for ${domain.uLabel} was paid` +
          (reactivated ? `; the domain is active again` : ""),
        data: { number: invoice.number, reactivated },
        now,
      });
      Object.assign(audit, {
        before: { state: "OPEN", domainState: domain.state },
        after: { state: "PAID", domainState: reactivated ? "ACTIVE" : domain.state },
      });
      return { number: invoice.number, state: "PAID" as const, paidAt: now, reactivated };
    },
  );
}

async function lockInvoicedDomain(tx: Tx, domainId: string): Promise<InvoicedDomain> {
  const rows = await tx.$queryRaw<InvoicedDomain[]>`
    SELECT id, "aLabel", "uLabel", state, "suspensionReason", "deleteAt" FROM "Domain"
    WHERE id = ${domainId}::uuid FOR UPDATE`;
  return rows[0]!;
}

/** R-REN-2: payment during redemption lifts a non-payment suspension once nothing is overdue. */
async function reactivateIfPaidUp(tx: Tx, domain: InvoicedDomain, now: Date): Promise<boolean> {
  if (domain.state !== "SUSPENDED" || domain.suspensionReason !== "NON_PAYMENT") return false;
  const stillOverdue = await tx.invoice.count({
    where: { domainId: domain.id, state: "OPEN", dueAt: { lte: now } },
  });
  if (stillOverdue > 0) return false;
  await tx.domain.update({
    where: { id: domain.id },
    data: {
      state: "ACTIVE",
      suspendedAt: null,
      suspensionReason: null,
      deleteAt: null,
      updatedAt: now,
    },
  });
  return true;
}

/**
 * Operator (issue 21): write an open invoice off — issued in error, or settled outside the
 * registry. It is CANCELLED and the registrar is told; the domain keeps its state (a non-payment
 * suspension is lifted only by payment, or by the registrar's restore, which an open invoice no
 * longer blocks).
 */
export async function cancelInvoice(ctx: CoreContext, input: { number: number; reason: string }) {
  return runOperatorOperation(
    ctx,
    { name: "invoice.cancel", objectType: "Invoice", objectLabel: String(input.number) },
    async ({ tx, now, audit }) => {
      const reason = input.reason.trim().slice(0, 500);
      if (!reason) {
        throw new RegistryError("VALIDATION_FAILED", "Give a reason for cancelling the invoice", {
          field: "reason",
        });
      }
      const invoice = await tx.invoice.findUnique({
        where: { number: input.number },
        include: { domain: { select: { aLabel: true, uLabel: true } } },
      });
      if (!invoice) throw new RegistryError("NOT_FOUND", `Invoice ${input.number} not found`);
      Object.assign(audit, { accountId: invoice.accountId, objectId: invoice.id });
      const { count } = await tx.invoice.updateMany({
        where: { id: invoice.id, state: "OPEN" },
        data: { state: "CANCELLED" },
      });
      if (count === 0) {
        throw new RegistryError(
          "INVOICE_NOT_OPEN",
          `Invoice ${input.number} is ${invoice.state.toLowerCase()}, not open`,
          { state: invoice.state },
        );
      }
      await queueNotification(tx, {
        accountId: invoice.accountId,
        type: "INVOICE_CANCELLED",
        domainName: invoice.domain.aLabel,
        message: `Invoice ${invoice.number} of ${formatDkk(invoice.amount)} for ${invoice.domain.uLabel} was cancelled by the registry: ${reason}`,
        data: { number: invoice.number, reason },
        now,
      });
      Object.assign(audit, { before: { state: "OPEN" }, after: { state: "CANCELLED", reason } });
      return { number: invoice.number, state: "CANCELLED" as const };
    },
  );
}
