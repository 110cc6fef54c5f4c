import type { CoreContext } from "@/lib/registry/context";
import { checkCancelDomain, checkRestoreDomain } from "@/lib/registry/domains/domain-checks";
import {
  type DomainView,
  exDateOf,
  lockOwnDomain,
  readDomainView,
} from "@/lib/registry/domains/domain-view";
import { debitAccount } from "@/lib/registry/billing";
import { queueNotification } from "@/lib/registry/messages";
import { runRegistrarOperation } from "@/lib/registry/operation";
import {
  exDateAfterOneYear,
  formatDkk,
  localDateOf,
  priceForRestore,
  redemptionEndsAt,
  registryDateToDb,
  transitionDomain,
} from "@/lib/registry/rules";

// R-DEL-1 cancel (ACTIVE → SUSPENDED, 30 days of redemption) and R-DEL-2 restore.

export async function cancelDomain(ctx: CoreContext, input: { name: string }): Promise<DomainView> {
  return runRegistrarOperation(
    ctx,
    { name: "domain.cancel", verb: "domain.cancel", objectType: "Domain", objectLabel: input.name },
    async ({ tx, actor, now, policy, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      await checkCancelDomain(tx, actor, domain);
      const state = transitionDomain(domain.aLabel, domain.state, "cancel");
      const deleteAt = redemptionEndsAt(now, policy);
      await tx.domain.update({
        where: { id: domain.id },
        data: { state, suspendedAt: now, suspensionReason: "CANCELLED", deleteAt },
      });
      await queueNotification(tx, {
        accountId: actor.accountId,
        type: "DOMAIN_CANCELLED",
        domainName: domain.aLabel,
        message: `Domain ${domain.uLabel} was cancelled and is suspended; it can be restored until ${localDateOf(new Date(deleteAt.getTime() - 1))}`,
        data: { deleteAt: deleteAt.toISOString() },
        now,
      });
      Object.assign(audit, { before: { state: domain.state }, after: { state, deleteAt } });
      return readDomainView(tx, domain.id);
    },
  );
}

/**
 * R-DEL-2: bills one year plus the restore fee even without funds (R-PAY-1); the domain becomes
 * active with exDate + 1 year. Refused (DOMAIN_NOT_RESTORABLE) outside redemption, and from the
 * deleteAt instant on even if the lifecycle worker has not deleted the domain yet.
 *
 * Decision: the lifespan cap does not apply. A restore undoes a cancellation; it can pass the cap
 * only for a long-dated domain cancelled early (an expired one ends below today + 1 year), and
 * refusing it would delete a domain its registrant paid years ahead for. The cap stays what limits
 * buying ahead (R-REN-1), and the next manual renewal waits until it fits again.
 */
export async function restoreDomain(
  ctx: CoreContext,
  input: { name: string },
): Promise<{ domain: DomainView; charged: number; balance: number }> {
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.restore",
      verb: "domain.restore",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, policy, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      // R-REN-2: a restore is a renewal the registrar pays; while the payer's invoice is open
      // only paying it (markInvoicePaid) brings the domain back
      await checkRestoreDomain(tx, actor, domain, now);
      const state = transitionDomain(domain.aLabel, domain.state, "restore");
      const exDate = exDateOf(domain);
      const newExDate = exDateAfterOneYear(exDate);
      const charged = priceForRestore(policy);
      const balance = await debitAccount(tx, {
        accountId: actor.accountId,
        operation: "RESTORE",
        amount: charged,
        overdraw: true,
        actor,
        now,
        domain: { id: domain.id, name: domain.aLabel },
        periodMonths: 12,
        description: `Restore of ${domain.uLabel}: fee ${formatDkk(policy.prices.restoreFeeOre)} + 1 year`,
      });
      await tx.domain.update({
        where: { id: domain.id },
        data: {
          state,
          exDate: registryDateToDb(newExDate),
          suspendedAt: null,
          suspensionReason: null,
          deleteAt: null,
        },
      });
      Object.assign(audit, {
        before: { state: domain.state, exDate },
        after: { state, exDate: newExDate, charged },
      });
      return { domain: await readDomainView(tx, domain.id), charged, balance };
    },
  );
}
