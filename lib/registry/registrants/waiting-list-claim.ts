import type { Tx } from "@/lib/db/client";
import { RegistryError } from "@/lib/registry/errors";
import { hashToken, parseOfferToken, tokensEqual } from "@/lib/registry/rules";

// R-REG-6 at registration: while an offer is open (OPEN or ACCEPTED) only its token registers the
// name — except a registrant-managed registration to the holder's own handle, which needs none.
// The offer is used up only when the domain is created: method 1 uses it at once; a method-2 hold
// made with it keeps it reserved (RegistrationHold.offerId) until the registrant answers.

/**
 * Finds the open offer this registration may use, or null when none applies. The offer row is
 * locked, so the offer-expiry job and a decline wait for this registration; the caller's
 * availability check then ignores this offer (and still sees a pending hold as HELD).
 */
export async function claimWaitingListOffer(
  tx: Tx,
  input: {
    aLabel: string;
    code: string | null;
    registrantId: string;
    managementModel: "registrar" | "registrant";
    now: Date;
  },
): Promise<string | null> {
  const { aLabel, code, now } = input;
  // FOR UPDATE re-checks the state after waiting, so an offer passed on meanwhile is not found.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "WaitingListOffer" WHERE name = ${aLabel} AND state IN ('OPEN', 'ACCEPTED')
    ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
  const offer = locked[0]
    ? await tx.waitingListOffer.findUniqueOrThrow({
        where: { id: locked[0].id },
        include: { entry: { select: { handleId: true } } },
      })
    : null;
  if (!offer) {
    if (code) await refuseCodeWithoutOpenOffer(tx, aLabel, code);
    return null;
  }
  const live = now.getTime() < offer.expiresAt.getTime();
  if (code) {
    const token = parseOfferToken(code);
    if (!tokensEqual(hashToken(token), offer.tokenHash)) {
      throw new RegistryError("TOKEN_INVALID", `Authorization code is not valid for ${aLabel}`, {
        field: "authorizationCode",
      });
    }
    if (!live) throw new RegistryError("TOKEN_EXPIRED", `The offer of ${aLabel} has expired`);
    return offer.id;
  }
  const holdersOwn =
    input.managementModel === "registrant" && offer.entry.handleId === input.registrantId;
  // Not the holder's own registration: the caller's availability check refuses it as OFFERED.
  return holdersOwn && live ? offer.id : null;
}

/** A code given when no offer is open: the offer it belonged to was used (a concurrent
 * registration won), or the code is not valid now. */
async function refuseCodeWithoutOpenOffer(tx: Tx, aLabel: string, code: string): Promise<never> {
  const last = await tx.waitingListOffer.findFirst({
    where: { name: aLabel },
    orderBy: { createdAt: "desc" },
    select: { state: true, tokenHash: true },
  });
  if (last?.state === "USED" && tokensEqual(hashToken(parseOfferToken(code)), last.tokenHash)) {
    throw new RegistryError("TOKEN_ALREADY_USED", `The offer of ${aLabel} was already used`, {
      field: "authorizationCode",
    });
  }
  throw new RegistryError("TOKEN_INVALID", `No waiting-list offer is open for ${aLabel}`, {
    field: "authorizationCode",
  });
}

/**
 * The domain was created with the offer (method 1 at registration, or the registrant accepting a
 * method-2 hold): the offer is USED and its entry REGISTERED. Conditional, so an offer is used once.
 */
export async function useWaitingListOffer(tx: Tx, offerId: string, now: Date): Promise<void> {
  const offer = await tx.waitingListOffer.findUniqueOrThrow({
    where: { id: offerId },
    select: { name: true, entryId: true },
  });
  const used = await tx.waitingListOffer.updateMany({
    where: { id: offerId, state: { in: ["OPEN", "ACCEPTED"] } },
    data: { state: "USED", decidedAt: now },
  });
  if (used.count === 0) {
    throw new RegistryError("TOKEN_ALREADY_USED", `The offer of ${offer.name} was already used`);
  }
  await tx.waitingListEntry.update({ where: { id: offer.entryId }, data: { state: "REGISTERED" } });
}
