import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { checkChangeRegistrant, lockOwnDomain } from "@/lib/registry/domains";
import { findPortfolioHandle } from "@/lib/registry/contacts";
import { debitAccount } from "@/lib/registry/billing";
import { queueMail, queueNotification } from "@/lib/registry/messages";
import { runRegistrarOperation } from "@/lib/registry/operation";
import type { Policy } from "@/lib/registry/policy";
import {
  addLocalDays,
  generateTokenSecret,
  hashToken,
  type IdControl,
  planRegistrantChange,
} from "@/lib/registry/rules";
import { voidDomainTokens } from "@/lib/registry/tokens";

// R-CHG-1…3: change of registrant on a registrar-managed domain. Immediate (billed, may overdraw)
// when the terms step is settled (a valid order-confirmation token, or terms accepted before) and
// the new registrant needs no ID control; otherwise a pending request: terms by mail (a /r/ link)
// unless settled, then ID control decided by the operator. A rejected registrant is refused. Each
// step is queued for the registrar; the fee is billed on success only.

export const registrantChangeLinkPath = (token: string) => `/r/registrant-change/${token}`;

export type RegistrantChangeResult = {
  requestId: string;
  state: "COMPLETED" | "TERMS_REQUESTED" | "ID_CONTROL_REQUESTED";
  charged: number;
  /** The /r/ link, returned once when terms are requested. */
  termsLink?: string;
};

const idControlOf = (v: "NONE" | "REQUIRED" | "PASSED" | "REJECTED"): IdControl =>
  v.toLowerCase() as IdControl;

export async function requestRegistrantChange(
  ctx: CoreContext,
  input: { name: string; newRegistrant: string; orderConfirmation?: string | null },
): Promise<RegistrantChangeResult> {
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.changeRegistrant",
      verb: "domain.changeRegistrant",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, policy, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      audit.objectId = domain.id;
      audit.objectLabel = domain.aLabel;
      // the current registrant, no pending request, a domain that allows a change (domainActions
      // asks the same)
      const current = await checkChangeRegistrant(tx, actor, domain);
      const next = await findPortfolioHandle(
        tx,
        actor.accountId,
        input.newRegistrant,
        "newRegistrant",
      );
      const plan = planRegistrantChange(
        {
          domain: {
            name: domain.aLabel,
            state: domain.state,
            managementModel: domain.managementModel === "REGISTRAR" ? "registrar" : "registrant",
            registrantHandle: current.handle,
          },
          newRegistrant: {
            handle: next.handle,
            managementModel: next.managementModel === "REGISTRAR" ? "registrar" : "registrant",
            termsAcceptedAt: next.termsAcceptedAt,
            idControl: idControlOf(next.idControl),
          },
          orderConfirmation: input.orderConfirmation ?? null,
        },
        policy,
        now,
      );
      const request = await tx.registrantChangeRequest.create({
        data: {
          domainId: domain.id,
          accountId: actor.accountId,
          fromHandleId: current.id,
          toHandleId: next.id,
          requestedByUserId: actor.userId,
          state: plan.mode === "immediate" ? "COMPLETED" : "TERMS_REQUESTED",
          createdAt: now,
        },
        select: { id: true },
      });
      audit.before = { registrant: current.handle };
      if (plan.mode === "immediate") {
        const charged = await completeRegistrantChange(tx, {
          requestId: request.id,
          actor,
          now,
          policy,
        });
        audit.after = {
          registrant: next.handle,
          state: "COMPLETED",
          charged,
          confirmedAt: plan.confirmedAt,
        };
        return { requestId: request.id, state: "COMPLETED", charged };
      }
      if (plan.steps[0] === "terms") {
        const token = generateTokenSecret();
        const link = registrantChangeLinkPath(token);
        const expiresAt = addLocalDays(now, policy.registrantChange.termsRequestDays);
        await tx.registrantChangeRequest.update({
          where: { id: request.id },
          data: {
            termsLinkHash: hashToken(token),
            termsRequestedAt: now,
            termsExpiresAt: expiresAt,
          },
        });
        const until = expiresAt.toISOString();
        await queueNotification(tx, {
          accountId: actor.accountId,
          type: "REGISTRANT_CHANGE_TERMS_REQUESTED",
          domainName: domain.aLabel,
          message: `Change of registrant of ${domain.uLabel} to ${next.handle} awaits acceptance of the terms until ${until}: ${link}`,
          data: { requestId: request.id, link, expiresAt: until },
          now,
        });
        await queueMail(tx, {
          accountId: actor.accountId,
          kind: "REGISTRANT_CHANGE_TERMS_REQUEST",
          to: next.email,
          subject: `Accept the terms to become registrant of ${domain.uLabel}`,
          body: `Your registrar has asked to make you (${next.handle}) the registrant of ${domain.uLabel}. Accept the registry's terms before ${until}: ${link}`,
          now,
        });
        audit.after = { state: "TERMS_REQUESTED", to: next.handle, expiresAt: until };
        return { requestId: request.id, state: "TERMS_REQUESTED", charged: 0, termsLink: link };
      }
      await requestIdControl(tx, { requestId: request.id, now, policy });
      audit.after = {
        state: "ID_CONTROL_REQUESTED",
        to: next.handle,
        confirmedAt: plan.confirmedAt,
      };
      return { requestId: request.id, state: "ID_CONTROL_REQUESTED", charged: 0 };
    },
  );
}

/**
 * Moves a request to ID control (14 days, decided by the operator) and tells the registrar. Only
 * a handle whose `idControl` is REQUIRED gets here: a rejected one is refused (R-CHG-2).
 */
export async function requestIdControl(
  tx: Tx,
  input: { requestId: string; now: Date; policy: Policy },
): Promise<void> {
  const expiresAt = addLocalDays(input.now, input.policy.registrantChange.idControlRequestDays);
  const request = await tx.registrantChangeRequest.update({
    where: { id: input.requestId },
    data: {
      state: "ID_CONTROL_REQUESTED",
      idControlRequestedAt: input.now,
      idControlExpiresAt: expiresAt,
    },
    include: {
      domain: { select: { aLabel: true, uLabel: true } },
      toHandle: { select: { handle: true } },
    },
  });
  await queueNotification(tx, {
    accountId: request.accountId,
    type: "REGISTRANT_CHANGE_ID_CONTROL_REQUESTED",
    domainName: request.domain.aLabel,
    message: `Change of registrant of ${request.domain.uLabel} to ${request.toHandle.handle} awaits the registry's ID control until ${expiresAt.toISOString()}`,
    data: { requestId: request.id, expiresAt: expiresAt.toISOString() },
    now: input.now,
  });
}

/**
 * The change itself: new registrant, the domain's tokens voided (R-TOK-2), the fee debited from
 * the requesting account even into overdraft (R-PAY-1), the request COMPLETED, the registrar told.
 * Returns the fee.
 */
export async function completeRegistrantChange(
  tx: Tx,
  input: { requestId: string; actor: Actor; now: Date; policy: Policy },
): Promise<number> {
  const { now } = input;
  const request = await tx.registrantChangeRequest.update({
    where: { id: input.requestId },
    data: { state: "COMPLETED", decidedAt: now },
    include: {
      domain: { select: { id: true, aLabel: true, uLabel: true } },
      fromHandle: { select: { handle: true } },
      toHandle: { select: { handle: true } },
    },
  });
  const { domain } = request;
  await tx.domain.update({ where: { id: domain.id }, data: { registrantId: request.toHandleId } });
  await voidDomainTokens(tx, domain.id, now, "registrant changed");
  const charged = input.policy.prices.registrantChangeOre;
  await debitAccount(tx, {
    accountId: request.accountId,
    operation: "REGISTRANT_CHANGE",
    amount: charged,
    overdraw: true,
    actor: input.actor,
    now,
    domain: { id: domain.id, name: domain.aLabel },
    description: `Change of registrant of ${domain.uLabel} from ${request.fromHandle.handle} to ${request.toHandle.handle}`,
  });
  await queueNotification(tx, {
    accountId: request.accountId,
    type: "REGISTRANT_CHANGE_COMPLETED",
    domainName: domain.aLabel,
    message: `Registrant of ${domain.uLabel} changed from ${request.fromHandle.handle} to ${request.toHandle.handle}`,
    data: { requestId: request.id, from: request.fromHandle.handle, to: request.toHandle.handle },
    now,
  });
  return charged;
}
