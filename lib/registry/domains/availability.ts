import type { Db } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";
import { parseDomainName } from "@/lib/registry/rules";

// R-REG-4 second half: a name is unavailable while registered, held, in redemption (a live
// Domain row), offered to a waiting-list holder (an OPEN or ACCEPTED offer), or blocked by the
// operator. R-REG-6: while a method-2 hold made with an offer's code is pending, the name is HELD
// (the hold's domain row); when the hold ends without a domain the offer shows again as OFFERED.

export type UnavailableReason = "REGISTERED" | "HELD" | "IN_REDEMPTION" | "OFFERED" | "BLOCKED";

/** `usingOfferId`: the offer the caller's registration claimed, which does not block it. */
export async function findUnavailability(
  db: Db,
  aLabel: string,
  options: { usingOfferId?: string | null } = {},
): Promise<UnavailableReason | null> {
  // one statement (issue 22): the live domain, an open offer and the block, read together
  const [row] = await db.$queryRaw<{ live: string | null; offered: boolean; blocked: boolean }[]>`
    SELECT
      (SELECT state::text FROM "Domain" WHERE "liveName" = ${aLabel}) AS live,
      EXISTS (
        -- an offer the holder accepted stays reserved for its token until it expires
        SELECT 1 FROM "WaitingListOffer"
        WHERE name = ${aLabel} AND state IN ('OPEN', 'ACCEPTED')
          AND id IS DISTINCT FROM ${options.usingOfferId ?? null}::uuid
      ) AS offered,
      EXISTS (SELECT 1 FROM "BlockedName" WHERE name = ${aLabel}) AS blocked`;
  const live = row?.live ? { state: row.live } : null;
  const offer = row?.offered;
  const blocked = row?.blocked;
  if (live)
    return live.state === "HELD"
      ? "HELD"
      : live.state === "SUSPENDED"
        ? "IN_REDEMPTION"
        : "REGISTERED";
  if (offer) return "OFFERED";
  if (blocked) return "BLOCKED";
  return null;
}

const reasonText: Record<UnavailableReason, string> = {
  REGISTERED: "is registered",
  HELD: "is held for a pending registration",
  IN_REDEMPTION: "is in redemption",
  OFFERED: "is offered to a waiting-list holder",
  BLOCKED: "is blocked by the registry",
};

/** `shown`: the name as people read it (the U-label), for the translated message (issue 15). */
export function notAvailable(name: string, reason: UnavailableReason, shown = name): RegistryError {
  return new RegistryError("DOMAIN_NOT_AVAILABLE", `Domain ${name} ${reasonText[reason]}`, {
    reason,
    name: shown,
    field: "name",
  });
}

export type AvailabilityResult =
  | { input: string; name: string; uLabel: string; available: true }
  | { input: string; name: string; uLabel: string; available: false; reason: UnavailableReason }
  | {
      input: string;
      available: false;
      reason: "INVALID";
      message: string;
      /** Why, as a code (R-REG-4: EMPTY, CHARACTER_NOT_ALLOWED, …) and its parameters (`char`). */
      invalidReason?: string;
      details?: Readonly<Record<string, unknown>>;
    };

export const MAX_NAMES_PER_CHECK = 100;

/** Checks many names at once (like EPP domain:check); invalid names are reported, not thrown. */
export async function checkAvailability(
  ctx: CoreContext,
  input: { names: readonly string[] },
): Promise<AvailabilityResult[]> {
  requirePermission(ctx.actor, "domain.view");
  if (input.names.length === 0 || input.names.length > MAX_NAMES_PER_CHECK) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `Check 1 to ${MAX_NAMES_PER_CHECK} names at a time`,
      { field: "names" },
    );
  }
  const results: AvailabilityResult[] = [];
  for (const raw of input.names) {
    try {
      const { aLabel, uLabel } = parseDomainName(raw);
      const reason = await findUnavailability(ctx.db, aLabel);
      results.push(
        reason
          ? { input: raw, name: aLabel, uLabel, available: false, reason }
          : { input: raw, name: aLabel, uLabel, available: true },
      );
    } catch (error) {
      if (!isRegistryError(error, "INVALID_DOMAIN_NAME")) throw error;
      const { reason: invalidReason, ...details } = (error.details ?? {}) as Record<
        string,
        unknown
      >;
      results.push({
        input: raw,
        available: false,
        reason: "INVALID",
        message: error.message,
        ...(typeof invalidReason === "string" ? { invalidReason, details } : {}),
      });
    }
  }
  return results;
}
