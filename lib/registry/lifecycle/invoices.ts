import type { Tx } from "@/lib/db/client";
import type { Policy } from "@/lib/registry/policy";
import { formatDkk, localDateOf, redemptionEndsAt, redemptionEndsOn } from "@/lib/registry/rules";
import { auditMany, notifyMany } from "./shared";

// R-REN-2: an invoice still open at its due date suspends its domain into redemption with reason
// NON_PAYMENT — out of the zone, deleted at the end of redemption (R-DEL-3) unless the operator
// marks the invoice paid first (invoices.ts markInvoicePaid). Only active domains are claimed,
// so a second run at the same instant finds nothing, and a domain already suspended for another
// reason keeps that reason and its deletion date.

type Overdue = { id: string; aLabel: string; uLabel: string; registrarId: string };
type OverdueInvoice = { domainId: string; number: number; amount: number; dueAt: Date };

/** Suspends one batch of active domains with an overdue open invoice; returns how many. */
export async function suspendUnpaidBatch(
  tx: Tx,
  now: Date,
  policy: Policy,
  limit: number,
): Promise<number> {
  const claimed = await tx.$queryRaw<Overdue[]>`
    SELECT d.id, d."aLabel", d."uLabel", d."registrarId" FROM "Domain" d
    WHERE d.state = 'ACTIVE' AND d.id IN (
      SELECT i."domainId" FROM "Invoice" i WHERE i.state = 'OPEN' AND i."dueAt" <= ${now})
    ORDER BY d.id LIMIT ${limit}
    FOR UPDATE OF d SKIP LOCKED`;
  if (claimed.length === 0) return 0;
  // read after the lock: an invoice paid while we waited no longer counts
  const invoices = await tx.$queryRaw<OverdueInvoice[]>`
    SELECT "domainId", number, amount, "dueAt" FROM "Invoice"
    WHERE "domainId" = ANY(${claimed.map((d) => d.id)}::uuid[])
      AND state = 'OPEN' AND "dueAt" <= ${now}
    ORDER BY "dueAt", number`;
  const firstOverdue = new Map<string, OverdueInvoice>();
  for (const i of invoices) if (!firstOverdue.has(i.domainId)) firstOverdue.set(i.domainId, i);
  const due = claimed.filter((d) => firstOverdue.has(d.id));
  if (due.length === 0) return claimed.length;

  // Redemption counts from the instant of suspension, as for a cancel: a domain that was not
  // active at its due date (cancelled, then restored) still gets its full redemption.
  const deleteAt = redemptionEndsAt(now, policy);
  const deleteOn = redemptionEndsOn(localDateOf(now), policy);
  await tx.$executeRaw`
    UPDATE "Domain" SET state = 'SUSPENDED', "suspensionReason" = 'NON_PAYMENT',
      "suspendedAt" = ${now}, "deleteAt" = ${deleteAt}, "updatedAt" = ${now}
    WHERE id = ANY(${due.map((d) => d.id)}::uuid[])`;
  await notifyMany(
    tx,
    now,
    due.map((d) => {
      const invoice = firstOverdue.get(d.id)!;
      return {
        accountId: d.registrarId,
        type: "DOMAIN_SUSPENDED_NON_PAYMENT",
        domainName: d.aLabel,
        message:
          `Domain ${d.uLabel} is suspended: invoice ${invoice.number} of ${formatDkk(invoice.amount)} ` +
          `was not paid by ${localDateOf(invoice.dueAt)}; unless it is paid, the domain is deleted on ${deleteOn}`,
        data: { invoice: invoice.number, deleteOn },
      };
    }),
  );
  await auditMany(
    tx,
    now,
    due.map((d) => ({
      accountId: d.registrarId,
      operation: "lifecycle.suspendNonPayment",
      objectType: "Domain",
      objectId: d.id,
      objectLabel: d.aLabel,
      before: { state: "ACTIVE" },
      after: {
        state: "SUSPENDED",
        suspensionReason: "NON_PAYMENT",
        invoice: firstOverdue.get(d.id)!.number,
        deleteOn,
      },
    })),
  );
  return claimed.length;
}

/**
 * R-DEL-3 / R-REN-2: the open invoices of deleted domains are cancelled in the deletion's
 * transaction — the renewal they bill never takes effect, so nobody owes it.
 */
export async function cancelInvoicesOfDeleted(tx: Tx, domainIds: string[], now: Date) {
  if (domainIds.length === 0) return;
  const cancelled = await tx.$queryRaw<
    { id: string; number: number; accountId: string; aLabel: string }[]
  >`
    UPDATE "Invoice" i SET state = 'CANCELLED' FROM "Domain" d
    WHERE d.id = i."domainId" AND i."domainId" = ANY(${domainIds}::uuid[]) AND i.state = 'OPEN'
    RETURNING i.id, i.number, i."accountId", d."aLabel"`;
  await auditMany(
    tx,
    now,
    cancelled.map((i) => ({
      accountId: i.accountId,
      operation: "lifecycle.cancelInvoice",
      objectType: "Invoice",
      objectId: i.id,
      objectLabel: String(i.number),
      before: { state: "OPEN" },
      after: { state: "CANCELLED", reason: `domain ${i.aLabel} deleted` },
    })),
  );
}
