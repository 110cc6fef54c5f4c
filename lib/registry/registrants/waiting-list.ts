import type { PrismaClient, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";
import { recordAudit } from "@/lib/registry/audit";
import { findUnavailability } from "@/lib/registry/domains";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { queueMail, queueNotification } from "@/lib/registry/messages";
import {
  type OperationScope,
  runOperatorOperation,
  runRegistrantOperation,
} from "@/lib/registry/operation";
import { getPolicy } from "@/lib/registry/policy-store";
import {
  addLocalDays,
  generateOfferToken,
  generateTokenSecret,
  hashToken,
  parseDomainName,
  parseOfferToken,
  tokensEqual,
} from "@/lib/registry/rules";

// R-REG-6 waiting list. Anyone joins (a registrant on the /r/ page, or the operator for them).
// When the name is deleted the first waiting entry gets an offer: 14 days, an 8-hex-digit token
// mailed to the holder and a /r/ link to accept or decline. While an offer is open (OPEN, or
// ACCEPTED by the holder and not yet expired) only the token registers the name (waiting-list
// claim in registerDomain); an expired or declined offer passes to the next entry. The offer is
// used up only when the domain is created: a method-2 hold made with the code keeps it reserved
// (RegistrationHold.offerId). Decision: the hold keeps the offer even past the offer's lifetime;
// the offer cannot be declined meanwhile, and when the hold ends without a domain the offer goes
// on if still within its lifetime, else it passes on (releaseHeldOffer, expireOffers).

export const offerLinkPath = (secret: string) => `/r/offer/${secret}`;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const lifecycle: Actor = { kind: "system", label: "lifecycle" };

export type JoinInput = {
  name: string;
  holderName: string;
  holderEmail: string;
  handle?: string | null;
};

async function joinIn(scope: OperationScope<Actor>, input: JoinInput) {
  const { tx, now, audit } = scope;
  const { aLabel } = parseDomainName(input.name);
  audit.objectLabel = aLabel;
  const email = input.holderEmail.trim().toLowerCase();
  const holderName = input.holderName.trim();
  if (!EMAIL.test(email) || holderName.length === 0) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      "A waiting-list holder needs a name and a valid email",
      {
        field: holderName.length === 0 ? "holderName" : "holderEmail",
      },
    );
  }
  if ((await findUnavailability(tx, aLabel)) === null) {
    throw new RegistryError("WAITING_LIST_NAME_AVAILABLE", `Domain ${aLabel} is free to register`);
  }
  const handle = input.handle
    ? await tx.handle.findFirst({
        where: { handle: input.handle.trim().toUpperCase(), mergedIntoId: null },
        select: { id: true },
      })
    : null;
  if (input.handle && !handle) {
    throw new RegistryError("NOT_FOUND", `Handle ${input.handle} not found`, { field: "handle" });
  }
  const already = await tx.waitingListEntry.count({
    where: { name: aLabel, holderEmail: email, state: { in: ["WAITING", "OFFERED"] } },
  });
  if (already > 0)
    throw new RegistryError("CONFLICT", `${email} is already on the waiting list for ${aLabel}`);
  const entry = await tx.waitingListEntry.create({
    data: {
      name: aLabel,
      holderName,
      holderEmail: email,
      handleId: handle?.id ?? null,
      createdAt: now,
    },
    select: { id: true },
  });
  const position = await tx.waitingListEntry.count({ where: { name: aLabel, state: "WAITING" } });
  audit.objectId = entry.id;
  audit.after = { name: aLabel, position };
  return { entryId: entry.id, name: aLabel, position };
}

/** R-REG-6: join a name's waiting list (registrant /r/ page, or the operator on someone's behalf). */
export function joinWaitingList(ctx: CoreContext, input: JoinInput) {
  const spec = {
    name: "waitingList.join",
    objectType: "WaitingListEntry",
    objectLabel: input.name,
  };
  return ctx.actor.kind === "operator"
    ? runOperatorOperation(ctx, spec, (op) => joinIn(op, input))
    : runRegistrantOperation(ctx, spec, (op) => joinIn(op, input));
}

/**
 * Offers the name to its first waiting entry (called when the name is deleted, and when an offer
 * ends). Does nothing while an offer is open or when nobody waits. Returns the offer's secrets for
 * the caller that mails them — here the mail is queued already.
 */
export async function startWaitingListOffer(tx: Tx, name: string, now: Date) {
  const open = await tx.waitingListOffer.count({
    where: { name, state: { in: ["OPEN", "ACCEPTED"] } },
  });
  if (open > 0) return null;
  const next = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "WaitingListEntry" WHERE name = ${name} AND state = 'WAITING'
    ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`;
  const entryId = next[0]?.id;
  if (!entryId) return null;
  const policy = await getPolicy(tx, now);
  const token = generateOfferToken();
  const secret = generateTokenSecret();
  const link = offerLinkPath(secret);
  const expiresAt = addLocalDays(now, policy.waitingList.offerLifetimeDays);
  const entry = await tx.waitingListEntry.update({
    where: { id: entryId },
    data: { state: "OFFERED" },
    include: { handle: { select: { accountId: true } } },
  });
  const offer = await tx.waitingListOffer.create({
    data: {
      entryId,
      name,
      tokenHash: hashToken(token),
      linkHash: hashToken(secret),
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  const until = expiresAt.toISOString();
  await queueMail(tx, {
    kind: "WAITING_LIST_OFFER",
    to: entry.holderEmail,
    subject: `${name} is offered to you`,
    body: `Dear ${entry.holderName}, ${name} has been deleted and is offered to you until ${until}. Give your registrar the authorization code ${token} to register it, or decline here: ${link}`,
    now,
  });
  await notifyHolderRegistrar(
    tx,
    entry.handle?.accountId,
    name,
    now,
    "WAITING_LIST_OFFERED",
    `${name} is offered to waiting-list holder ${entry.holderName} until ${until}: ${link}`,
  );
  await recordAudit(tx, {
    actor: lifecycle,
    at: now,
    accountId: null,
    operation: "waitingList.offer",
    objectType: "WaitingListOffer",
    objectId: offer.id,
    objectLabel: name,
    after: { entryId, expiresAt: until },
    outcome: "SUCCESS",
  });
  return { offerId: offer.id, token, link, expiresAt };
}

async function notifyHolderRegistrar(
  tx: Tx,
  accountId: string | null | undefined,
  name: string,
  now: Date,
  type: string,
  message: string,
) {
  if (accountId) await queueNotification(tx, { accountId, type, domainName: name, message, now });
}

/** Ends an offer (declined or expired), passes its entry, and offers the name to the next one. */
async function passOffer(tx: Tx, offerId: string, state: "DECLINED" | "EXPIRED", now: Date) {
  const offer = await tx.waitingListOffer.update({
    where: { id: offerId },
    data: { state, decidedAt: now },
    include: { entry: { include: { handle: { select: { accountId: true } } } } },
  });
  await tx.waitingListEntry.update({ where: { id: offer.entryId }, data: { state: "PASSED" } });
  await notifyHolderRegistrar(
    tx,
    offer.entry.handle?.accountId,
    offer.name,
    now,
    `WAITING_LIST_OFFER_${state}`,
    `The offer of ${offer.name} to ${offer.entry.holderName} was ${state.toLowerCase()}`,
  );
  return startWaitingListOffer(tx, offer.name, now);
}

/** An offer past its lifetime ends and passes on, audited as the lifecycle's doing. */
async function expireOffer(tx: Tx, offer: { id: string; name: string }, now: Date) {
  const next = await passOffer(tx, offer.id, "EXPIRED", now);
  await recordAudit(tx, {
    actor: lifecycle,
    at: now,
    accountId: null,
    operation: "waitingList.offerExpired",
    objectType: "WaitingListOffer",
    objectId: offer.id,
    objectLabel: offer.name,
    after: { passedOn: next !== null },
    outcome: "SUCCESS",
  });
  return next;
}

/**
 * For the lifecycle worker: offers past their expiry end and pass on. Returns how many. An offer
 * reserved by a pending method-2 hold is left to the hold (R-REG-6); once the hold has ended, a
 * later run (the same run, for a hold that lapsed: holds are expired first) passes it on.
 */
export async function expireOffers(db: PrismaClient, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const lapsed = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT o.id, o.name FROM "WaitingListOffer" o
      WHERE o.state IN ('OPEN', 'ACCEPTED') AND o."expiresAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "RegistrationHold" h
                        WHERE h."offerId" = o.id AND h.state = 'PENDING')
      ORDER BY o."expiresAt", o.id FOR UPDATE OF o SKIP LOCKED`;
    for (const offer of lapsed) await expireOffer(tx, offer, now);
    return lapsed.length;
  });
}

/**
 * R-REG-6: a method-2 hold made with the offer's code ended without a domain (refused, declined
 * for funds). The offer goes on while within its lifetime — the name is reserved for the code
 * again — or, when it expired while the hold was pending, passes on to the next entry at once.
 */
export async function releaseHeldOffer(tx: Tx, offerId: string, now: Date) {
  const rows = await tx.$queryRaw<{ id: string; name: string; expiresAt: Date }[]>`
    SELECT id, name, "expiresAt" FROM "WaitingListOffer"
    WHERE id = ${offerId}::uuid AND state IN ('OPEN', 'ACCEPTED') FOR UPDATE`;
  const offer = rows[0];
  if (!offer) return { offer: "ENDED" as const };
  if (now.getTime() < offer.expiresAt.getTime()) return { offer: "OPEN" as const };
  const next = await expireOffer(tx, offer, now);
  return { offer: "EXPIRED" as const, passedOn: next !== null };
}

async function findOpenOffer(scope: OperationScope<Actor>, link: string) {
  const { tx, now, audit } = scope;
  const invalid = () => new RegistryError("TOKEN_INVALID", "This link is not valid");
  if (!/^[0-9a-f]{32}$/.test(link)) throw invalid();
  const found = await tx.waitingListOffer.findUnique({
    where: { linkHash: hashToken(link) },
    select: { id: true },
  });
  if (!found) throw invalid();
  await tx.$queryRaw`SELECT id FROM "WaitingListOffer" WHERE id = ${found.id}::uuid FOR UPDATE`;
  const offer = await tx.waitingListOffer.findUniqueOrThrow({ where: { id: found.id } });
  Object.assign(audit, { objectId: offer.id, objectLabel: offer.name });
  if (offer.state !== "OPEN")
    throw new RegistryError(
      "TOKEN_ALREADY_USED",
      `The offer of ${offer.name} was already answered`,
    );
  if (now.getTime() >= offer.expiresAt.getTime())
    throw new RegistryError("TOKEN_EXPIRED", `The offer of ${offer.name} has expired`);
  return offer;
}

/**
 * The holder accepts on the /r/ page: the offer stays reserved for its token until it expires.
 * Issue 16: the page asks for the authorization code from the offer mail; a wrong one is
 * TOKEN_INVALID at the field `authorizationCode` (callers without a code are not asked).
 */
export function acceptOffer(ctx: CoreContext, input: { link: string; code?: string | null }) {
  return runRegistrantOperation(
    ctx,
    { name: "waitingList.accept", objectType: "WaitingListOffer" },
    async (op) => {
      const offer = await findOpenOffer(op, input.link);
      if (input.code != null) {
        const wrong = () =>
          new RegistryError("TOKEN_INVALID", `Authorization code is not valid for ${offer.name}`, {
            field: "authorizationCode",
          });
        let code: string;
        try {
          code = parseOfferToken(input.code);
        } catch {
          throw wrong();
        }
        if (!tokensEqual(hashToken(code), offer.tokenHash)) throw wrong();
      }
      await op.tx.waitingListOffer.update({
        where: { id: offer.id },
        data: { state: "ACCEPTED", decidedAt: op.now },
      });
      op.audit.after = { state: "ACCEPTED" };
      return { name: offer.name, state: "ACCEPTED" as const, expiresAt: offer.expiresAt };
    },
  );
}

/**
 * The holder declines: the offer passes to the next entry at once. Not while a registration made
 * with its code awaits the registrant's terms: that registration decides (R-REG-6).
 */
export function declineOffer(ctx: CoreContext, input: { link: string }) {
  return runRegistrantOperation(
    ctx,
    { name: "waitingList.decline", objectType: "WaitingListOffer" },
    async (op) => {
      const offer = await findOpenOffer(op, input.link);
      const pending = await op.tx.registrationHold.count({
        where: { offerId: offer.id, state: "PENDING" },
      });
      if (pending > 0) {
        throw new RegistryError(
          "TOKEN_ALREADY_USED",
          `The offer of ${offer.name} is in use by a registration awaiting the registrant's acceptance of the terms`,
        );
      }
      const next = await passOffer(op.tx, offer.id, "DECLINED", op.now);
      op.audit.after = { state: "DECLINED", passedOn: next !== null };
      return { name: offer.name, state: "DECLINED" as const, passedOn: next !== null };
    },
  );
}
