import type { Tx } from "@/lib/db/client";
import { RegistryError } from "@/lib/registry/errors";
import { hashToken, parseOfferToken, tokensEqual } from "@/lib/registry/rules/tokens";

// R-REG-6 at registration: while an offer is open (OPEN or ACCEPTED) only its token registers the
// name — except a registrant-managed registration to the holder's own handle, which needs none.
// The offer is claimed with one conditional UPDATE, so two registrations cannot both use it.

export async function claimWaitingListOffer(
  tx: Tx,
  input: {
    aLabel: string;
    code: string | null;
    registrantId: string;
    managementModel: "registrar" | "registrant";
    now: Date;
  },
): Promise<boolean> {
  const { aLabel, code, now } = input;
  const offer = await tx.waitingListOffer.findFirst({
    where: { name: aLabel, state: { in: ["OPEN", "ACCEPTED"] } },
    include: { entry: { select: { handleId: true } } },
  });
  if (!offer) {
    if (code) {
      throw new RegistryError("TOKEN_INVALID", `No waiting-list offer is open for ${aLabel}`, {
        field: "authorizationCode",
      });
    }
    return false;
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
  } else {
    const holdersOwn =
      input.managementModel === "registrant" && offer.entry.handleId === input.registrantId;
    // Not the holder's own registration: the caller's availability check refuses it as OFFERED.
    if (!holdersOwn || !live) return false;
  }
  const used = await tx.waitingListOffer.updateMany({
    where: { id: offer.id, state: { in: ["OPEN", "ACCEPTED"] } },
    data: { state: "USED", decidedAt: now },
  });
  if (used.count === 0) {
    throw new RegistryError("TOKEN_ALREADY_USED", `The offer of ${aLabel} was already used`);
  }
  await tx.waitingListEntry.update({ where: { id: offer.entryId }, data: { state: "REGISTERED" } });
  return true;
}
