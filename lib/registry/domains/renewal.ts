import type { CoreContext } from "@/lib/registry/context";
import { requireAdministrable } from "@/lib/registry/domains/domain-admin";
import {
  type DomainView,
  exDateOf,
  lockOwnDomain,
  readDomainView,
} from "@/lib/registry/domains/domain-view";
import { RegistryError } from "@/lib/registry/errors";
import { debitAccount, findOpenInvoice } from "@/lib/registry/billing";
import { runRegistrarOperation } from "@/lib/registry/operation";
import {
  checkRenewal,
  formatPeriod,
  hasExpired,
  type Period,
  priceForPeriod,
  registryDateToDb,
  renewalPayer,
} from "@/lib/registry/rules";

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
    async ({ tx, actor, now, policy, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      const account = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
        select: { handleId: true },
      });
      const openInvoice = await findOpenInvoice(tx, domain.id);
      const period = input.period ?? { unit: "y", value: 1 };
      const exDate = domain.exDate ? exDateOf(domain) : "";
      const { paidBy } = renewalPayer({
        managementModel: domain.managementModel === "REGISTRAR" ? "registrar" : "registrant",
        registrantId: domain.registrantId,
        payerId: domain.payerId,
        registrarHandleId: account.handleId,
      });
      const { newExDate } = checkRenewal(
        {
          name: domain.aLabel,
          state: domain.state,
          exDate,
          paidBy,
          hasOpenInvoice: openInvoice !== null,
        },
        { curExpDate: input.curExpDate, period },
        policy,
        now,
      );
      const charged = priceForPeriod(policy, period);
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
      await tx.domain.update({
        where: { id: domain.id },
        data: { exDate: registryDateToDb(newExDate) },
      });
      Object.assign(audit, { before: { exDate }, after: { exDate: newExDate, charged } });
      return { domain: await readDomainView(tx, domain.id), charged, balance };
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
      await requireAdministrable(tx, actor, domain);
      if (input.renewalPolicy !== "AUTO_RENEW" && input.renewalPolicy !== "AUTO_EXPIRE") {
        throw new RegistryError(
          "VALIDATION_FAILED",
          `Renewal policy ${String(input.renewalPolicy)} is unknown`,
          {
            field: "renewalPolicy",
          },
        );
      }
      if (domain.state !== "ACTIVE" || hasExpired(exDateOf(domain), now)) {
        throw new RegistryError(
          "RENEWAL_POLICY_NOT_CHANGEABLE",
          `Domain ${domain.aLabel} is ${domain.state === "ACTIVE" ? "expired" : domain.state.toLowerCase()}; its renewal policy can no longer be changed`,
          { state: domain.state },
        );
      }
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
