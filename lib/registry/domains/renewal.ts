import type { CoreContext } from "@/lib/registry/context";
import { checkRenewDomain, checkSetRenewalPolicy } from "@/lib/registry/domains/domain-checks";
import {
  type DomainView,
  exDateOf,
  lockOwnDomain,
  readDomainView,
} from "@/lib/registry/domains/domain-view";
import { RegistryError } from "@/lib/registry/errors";
import { debitAccount } from "@/lib/registry/billing";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { formatPeriod, type Period, priceForPeriod } from "@/lib/registry/rules";

// R-REN-1 manual renewal (may overdraw, R-PAY-1), R-REN-2 open invoices, R-REN-3 renewal policy.

export type RenewDomainInput = {
  name: string;
  /** The caller's idea of the current expiry date, `YYYY-MM-DD`; must equal the exDate. */
  curExpDate: string;
  /** Default one year. */
  period?: Period;
};

export async function renewDomain(
  ctx: CoreContext,
  input: RenewDomainInput,
): Promise<{ domain: DomainView; charged: number; balance: number }> {
  return runRegistrarOperation(
    ctx,
    { name: "domain.renew", verb: "domain.renew", objectType: "Domain", objectLabel: input.name },
    async ({ tx, actor, now, policy, audit, auditNow }) => {
      // Issue 22: the debit last, so the account row's lock (every debit of the registrar waits
      // for it) is held from the debit to the commit only.
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      const period = input.period ?? { unit: "y", value: 1 };
      const exDate = domain.exDate ? exDateOf(domain) : "";
      const { newExDate } = await checkRenewDomain(
        tx,
        actor,
        domain,
        { curExpDate: input.curExpDate, period },
        policy,
        now,
      );
      const charged = priceForPeriod(policy, period);
      await tx.$executeRaw`
        UPDATE "Domain" SET "exDate" = ${newExDate}::date, "updatedAt" = ${now}::timestamptz
        WHERE id = ${domain.id}::uuid`;
      const view = await readDomainView(tx, domain.id);
      Object.assign(audit, { before: { exDate }, after: { exDate: newExDate, charged } });
      await auditNow();
      const balance = await debitAccount(tx, {
        accountId: actor.accountId,
        operation: "RENEWAL",
        amount: charged,
        overdraw: true,
        actor,
        now,
        domain: { id: domain.id, name: domain.aLabel },
        periodMonths: period.unit === "y" ? period.value * 12 : period.value,
        description: `Renewal of ${domain.uLabel}, ${formatPeriod(period)}`,
      });
      return { domain: view, charged, balance };
    },
  );
}

/** R-REN-3: auto-renew or auto-expire, changeable on an active domain before its expiry. */
export async function setRenewalPolicy(
  ctx: CoreContext,
  input: { name: string; renewalPolicy: "AUTO_RENEW" | "AUTO_EXPIRE" },
): Promise<DomainView> {
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.setRenewalPolicy",
      verb: "domain.setRenewalPolicy",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      if (input.renewalPolicy !== "AUTO_RENEW" && input.renewalPolicy !== "AUTO_EXPIRE") {
        throw new RegistryError(
          "VALIDATION_FAILED",
          `Renewal policy ${String(input.renewalPolicy)} is unknown`,
          {
            field: "renewalPolicy",
          },
        );
      }
      await checkSetRenewalPolicy(tx, actor, domain, now);
      await tx.domain.update({
        where: { id: domain.id },
        data: { renewalPolicy: input.renewalPolicy },
      });
      Object.assign(audit, {
        before: { renewalPolicy: domain.renewalPolicy },
        after: { renewalPolicy: input.renewalPolicy },
      });
      return readDomainView(tx, domain.id);
    },
  );
}
