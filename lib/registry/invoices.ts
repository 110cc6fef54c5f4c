import type { Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/notifications";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import { formatDkk } from "@/lib/registry/rules/pricing";

// R-REN-2: a registrant-paid domain is invoiced to its payer at auto-renew (the lifecycle worker,
// Registry core 4, calls issueInvoice in its transaction); the operator marks it paid.

export async function issueInvoice(
  tx: Tx,
  input: {
    domainId: string;
    accountId: string;
    payerId: string;
    amount: number;
    periodYears: number;
    now: Date;
  },
) {
  return tx.invoice.create({
    data: {
      domainId: input.domainId,
      accountId: input.accountId,
      payerId: input.payerId,
      amount: input.amount,
      periodYears: input.periodYears,
      issuedAt: input.now,
    },
  });
}

/** The account's invoices (billing.view), newest first. */
export async function listInvoices(
  ctx: CoreContext,
  input: { state?: "OPEN" | "PAID" | "CANCELLED" } = {},
) {
  const actor = requirePermission(ctx.actor, "billing.view");
  return ctx.db.invoice.findMany({
    where: { accountId: actor.accountId, ...(input.state ? { state: input.state } : {}) },
    orderBy: { number: "desc" },
    include: { domain: { select: { aLabel: true } }, payer: { select: { handle: true } } },
    take: 500,
  });
}

/** Operator: an open invoice is paid (once); the registrar is notified (R-MSG-1). */
export async function markInvoicePaid(ctx: CoreContext, input: { number: number }) {
  return runOperatorOperation(
    ctx,
    { name: "invoice.markPaid", objectType: "Invoice", objectLabel: String(input.number) },
    async ({ tx, now, audit }) => {
      const invoice = await tx.invoice.findUnique({
        where: { number: input.number },
        include: { domain: { select: { aLabel: true, uLabel: true } } },
      });
      if (!invoice) throw new RegistryError("NOT_FOUND", `Invoice ${input.number} not found`);
      Object.assign(audit, { accountId: invoice.accountId, objectId: invoice.id });
      const { count } = await tx.invoice.updateMany({
        where: { id: invoice.id, state: "OPEN" },
        data: { state: "PAID", paidAt: now },
      });
      if (count === 0) {
        throw new RegistryError(
          "INVOICE_NOT_OPEN",
          `Invoice ${input.number} is ${invoice.state.toLowerCase()}, not open`,
          {
            state: invoice.state,
          },
        );
      }
      await queueNotification(tx, {
        accountId: invoice.accountId,
        type: "INVOICE_PAID",
        domainName: invoice.domain.aLabel,
        message: `Invoice ${invoice.number} of ${formatDkk(invoice.amount)} for ${invoice.domain.uLabel} was paid`,
        data: { number: invoice.number },
        now,
      });
      Object.assign(audit, { before: { state: "OPEN" }, after: { state: "PAID" } });
      return { number: invoice.number, state: "PAID" as const, paidAt: now };
    },
  );
}
