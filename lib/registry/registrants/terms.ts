import type { Db, Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { debitAccount } from "@/lib/registry/billing";
import { queueNotification } from "@/lib/registry/messages";
import { type OperationScope, runRegistrantOperation } from "@/lib/registry/operation";
import type { Actor } from "@/lib/registry/actor";
import {
  exDateOnCreate,
  hashToken,
  priceForPeriod,
  registryDateToDb,
  transitionDomain,
} from "@/lib/registry/rules";
import { releaseHeldOffer } from "@/lib/registry/registrants/waiting-list";
import { useWaitingListOffer } from "@/lib/registry/registrants/waiting-list-claim";

// R-REG-2 method 2, the registrant's side (the /r/ page): accept — the domain is created and
// billed, or declined for insufficient funds — or refuse, which frees the name. The link token is
// the registrant's only authority, so every failure says as little as possible.

const LINK_TOKEN = /^[0-9a-f]{32}$/;

type RegistrantScope = OperationScope<Extract<Actor, { kind: "registrant" }>>;

async function findPendingHold(tx: Db, token: string, now: Date, audit: RegistrantScope["audit"]) {
  const invalid = () => new RegistryError("TOKEN_INVALID", "This link is not valid");
  if (!LINK_TOKEN.test(token)) throw invalid();
  const hold = await tx.registrationHold.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { domain: true, registrant: { select: { handle: true } } },
  });
  if (!hold) throw invalid();
  Object.assign(audit, {
    accountId: hold.accountId,
    objectId: hold.domainId,
    objectLabel: hold.domain.aLabel,
  });
  if (hold.state !== "PENDING") {
    throw new RegistryError(
      "TOKEN_ALREADY_USED",
      `The request for ${hold.domain.uLabel} was already answered`,
    );
  }
  if (now.getTime() >= hold.expiresAt.getTime()) {
    throw new RegistryError("TOKEN_EXPIRED", `The request for ${hold.domain.uLabel} has expired`);
  }
  return hold;
}

type Hold = Awaited<ReturnType<typeof findPendingHold>>;

/** What the /r/ page shows before the registrant answers. */
export async function getTermsRequest(ctx: CoreContext, input: { token: string }) {
  if (ctx.actor.kind !== "registrant") {
    throw new RegistryError("NOT_AUTHORIZED", "Only the registrant may view this request");
  }
  const hold = await findPendingHold(ctx.db, input.token, ctx.clock.now(), {});
  const account = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: hold.accountId },
    select: { name: true },
  });
  return {
    domain: hold.domain.uLabel,
    registrant: hold.registrant.handle,
    registrar: account.name,
    periodYears: hold.periodYears,
    expiresAt: hold.expiresAt,
  };
}

/** The hold ends without a domain; a waiting-list offer it kept goes on or passes on (R-REG-6). */
async function endHold(tx: Tx, hold: Hold, state: "REFUSED" | "DECLINED_FUNDS", now: Date) {
  transitionDomain(hold.domain.aLabel, hold.domain.state, "endHold");
  await tx.registrationHold.update({ where: { id: hold.id }, data: { state, decidedAt: now } });
  await tx.domain.update({
    where: { id: hold.domainId },
    data: { state: "DELETED", liveName: null, deletedAt: now },
  });
  return hold.offerId ? releaseHeldOffer(tx, hold.offerId, now) : null;
}

/** What became of the name when a hold ended without a domain (R-REG-2, R-REG-6). */
function afterHold(offer: Awaited<ReturnType<typeof endHold>>): string {
  if (offer?.offer === "OPEN") return "the name stays reserved for its waiting-list offer";
  if (offer?.offer === "EXPIRED" && offer.passedOn)
    return "its waiting-list offer has expired and passed to the next holder";
  return "the name is free again";
}

/**
 * The registrant accepts: the registrar is billed (no overdraft, R-REG-5) and the domain becomes
 * active with crDate now. Decision: when the registrar cannot pay, the hold ends at once
 * (DECLINED_FUNDS, name free), the registrar is notified, and the call refuses with
 * INSUFFICIENT_FUNDS — the registrant's answer is recorded, not left waiting for a top-up.
 */
export async function acceptTerms(ctx: CoreContext, input: { token: string }) {
  return runRegistrantOperation(
    ctx,
    { name: "domain.acceptTerms", objectType: "Domain" },
    async ({ tx, actor, now, policy, audit, commitThenRefuse }) => {
      const hold = await findPendingHold(tx, input.token, now, audit);
      const { domain } = hold;
      const amount = priceForPeriod(policy, { unit: "y", value: hold.periodYears });
      // Answers to one hold run one at a time; a second one then finds it answered.
      await tx.$queryRaw`SELECT id FROM "RegistrationHold" WHERE id = ${hold.id}::uuid FOR UPDATE`;
      const fresh = await tx.registrationHold.findUniqueOrThrow({
        where: { id: hold.id },
        select: { state: true },
      });
      if (fresh.state !== "PENDING") {
        throw new RegistryError(
          "TOKEN_ALREADY_USED",
          `The request for ${domain.uLabel} was already answered`,
        );
      }
      const next = transitionDomain(domain.aLabel, domain.state, "acceptTerms");
      const exDate = exDateOnCreate(now, hold.periodYears);
      try {
        await debitAccount(tx, {
          accountId: hold.accountId,
          operation: "REGISTRATION",
          amount,
          overdraw: false,
          actor,
          now,
          domain: { id: domain.id, name: domain.aLabel },
          periodMonths: hold.periodYears * 12,
          description: `Registration of ${domain.uLabel}, ${hold.periodYears} year${hold.periodYears === 1 ? "" : "s"}`,
        });
      } catch (error) {
        if (!isRegistryError(error, "INSUFFICIENT_FUNDS")) throw error;
        const offer = await endHold(tx, hold, "DECLINED_FUNDS", now);
        await queueNotification(tx, {
          accountId: hold.accountId,
          type: "REGISTRATION_DECLINED_FUNDS",
          domainName: domain.aLabel,
          message: `Registration of ${domain.uLabel} was declined: the registrant accepted, but the balance did not cover it; ${afterHold(offer)}`,
          now,
        });
        audit.after = { hold: "DECLINED_FUNDS", ...(offer && { waitingListOffer: offer }) };
        return commitThenRefuse(
          new RegistryError(
            "INSUFFICIENT_FUNDS",
            `Registration of ${domain.uLabel} could not be completed; the registrar has been told`,
          ),
        );
      }
      await tx.domain.update({
        where: { id: domain.id },
        data: { state: next, crDate: now, exDate: registryDateToDb(exDate) },
      });
      await tx.registrationHold.update({
        where: { id: hold.id },
        data: { state: "ACCEPTED", decidedAt: now },
      });
      // R-REG-6: the waiting-list offer the hold kept is used up now that the domain exists.
      if (hold.offerId) await useWaitingListOffer(tx, hold.offerId, now);
      await tx.handle.update({ where: { id: hold.registrantId }, data: { termsAcceptedAt: now } });
      await queueNotification(tx, {
        accountId: hold.accountId,
        type: "REGISTRATION_COMPLETED",
        domainName: domain.aLabel,
        message: `The registrant accepted the terms; ${domain.uLabel} is registered until ${exDate}`,
        data: { exDate },
        now,
      });
      audit.before = { state: domain.state };
      audit.after = {
        state: next,
        exDate,
        charged: amount,
        ...(hold.offerId && { offerUsed: hold.offerId }),
      };
      return { domain: domain.aLabel, state: next, exDate };
    },
  );
}

/** The registrant refuses: the hold ends and the name is free again; the registrar is told. */
export async function refuseTerms(ctx: CoreContext, input: { token: string }) {
  return runRegistrantOperation(
    ctx,
    { name: "domain.refuseTerms", objectType: "Domain" },
    async ({ tx, now, audit }) => {
      const hold = await findPendingHold(tx, input.token, now, audit);
      const offer = await endHold(tx, hold, "REFUSED", now);
      await queueNotification(tx, {
        accountId: hold.accountId,
        type: "REGISTRATION_REFUSED",
        domainName: hold.domain.aLabel,
        message: `The registrant refused the terms for ${hold.domain.uLabel}; the registration was not made`,
        now,
      });
      audit.after = {
        hold: "REFUSED",
        state: "DELETED",
        ...(offer && { waitingListOffer: offer }),
      };
      return { domain: hold.domain.aLabel, state: "DELETED" as const };
    },
  );
}
