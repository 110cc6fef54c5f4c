import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { hashToken } from "@/lib/registry/rules";

// Issue 16, the registrants' pages under /r/: what each page shows before the registrant answers
// (the answers themselves are acceptTerms/refuseTerms, acceptRegistrantChangeTerms/
// refuseRegistrantChangeTerms and acceptOffer/declineOffer), and the per-address limit that keeps
// anyone from trying links or flooding the waiting list. A link that is unknown, already answered
// or expired is refused with its own code here; the page shows one message for all three.

const LINK = /^[0-9a-f]{32}$/;

function requireRegistrant(ctx: CoreContext) {
  if (ctx.actor.kind !== "registrant") {
    throw new RegistryError("NOT_AUTHORIZED", "Only the registrant may view this request");
  }
}

const invalid = () => new RegistryError("TOKEN_INVALID", "This link is not valid");

/** The change of registrant a /r/registrant-change/<token> link names, while it awaits the terms. */
export async function getRegistrantChangeTermsRequest(ctx: CoreContext, input: { token: string }) {
  requireRegistrant(ctx);
  if (!LINK.test(input.token)) throw invalid();
  const request = await ctx.db.registrantChangeRequest.findUnique({
    where: { termsLinkHash: hashToken(input.token) },
    select: {
      state: true,
      termsExpiresAt: true,
      domain: { select: { uLabel: true } },
      account: { select: { name: true } },
      toHandle: { select: { handle: true, name: true } },
    },
  });
  if (!request) throw invalid();
  if (request.state !== "TERMS_REQUESTED") {
    throw new RegistryError("TOKEN_ALREADY_USED", "This request was already answered");
  }
  if (!request.termsExpiresAt || ctx.clock.now().getTime() >= request.termsExpiresAt.getTime()) {
    throw new RegistryError("TOKEN_EXPIRED", "This request has expired");
  }
  return {
    domain: request.domain.uLabel,
    registrar: request.account.name,
    newRegistrant: request.toHandle.handle,
    newRegistrantName: request.toHandle.name,
    expiresAt: request.termsExpiresAt,
  };
}

/** The waiting-list offer a /r/offer/<link> names, while it is open. */
export async function getWaitingListOffer(ctx: CoreContext, input: { link: string }) {
  requireRegistrant(ctx);
  if (!LINK.test(input.link)) throw invalid();
  const offer = await ctx.db.waitingListOffer.findUnique({
    where: { linkHash: hashToken(input.link) },
    select: { name: true, state: true, expiresAt: true, entry: { select: { holderName: true } } },
  });
  if (!offer) throw invalid();
  if (offer.state !== "OPEN") throw new RegistryError("TOKEN_ALREADY_USED", "This offer was already answered");
  if (ctx.clock.now().getTime() >= offer.expiresAt.getTime()) {
    throw new RegistryError("TOKEN_EXPIRED", "This offer has expired");
  }
  return { name: offer.name, holderName: offer.entry.holderName, expiresAt: offer.expiresAt };
}

export type RegistrantLimit = { maxAttempts: number; windowMinutes: number };

/**
 * Decision (issue 16): per client address, every answer posted on a /r/ page (accept, decline,
 * join) and every visit of a link that is not valid counts; with `maxAttempts` (default 20) in the
 * last `windowMinutes` (default 15) the pages show "try again in N minutes" and the actions are
 * RATE_LIMITED, until the oldest counted attempt leaves the window. Valid links are free to view.
 */
export function registrantLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RegistrantLimit {
  const max = Number(env.REGISTRANT_MAX_ATTEMPTS);
  const window = Number(env.REGISTRANT_WINDOW_MINUTES);
  return {
    maxAttempts: Number.isInteger(max) && max > 0 ? max : 20,
    windowMinutes: Number.isFinite(window) && window > 0 ? window : 15,
  };
}

const bucket = (ip: string) => `registrant:${ip}`;

export type RegistrantRate = { limited: false } | { limited: true; retryAt: Date; minutes: number };

function registrantIp(ctx: CoreContext): string {
  requireRegistrant(ctx);
  return "ip" in ctx.actor ? ctx.actor.ip : "unknown";
}

/**
 * Whether the registrant's address has used up its attempts; when so, until when (whole
 * minutes, rounded up).
 */
export async function checkRegistrantRate(
  ctx: CoreContext,
  limit: RegistrantLimit = registrantLimitFromEnv(),
): Promise<RegistrantRate> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const recent = await ctx.db.rateLimitEvent.findMany({
    where: { bucket: bucket(registrantIp(ctx)), at: { gt: since } },
    orderBy: { at: "desc" },
    take: limit.maxAttempts,
    select: { at: true },
  });
  if (recent.length < limit.maxAttempts) return { limited: false };
  // the oldest of the last maxAttempts leaves the window first
  const retryAt = new Date(recent[recent.length - 1]!.at.getTime() + limit.windowMinutes * 60_000);
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return { limited: true, retryAt, minutes };
}

/** Counts one attempt of the registrant's address (an answer posted, or a link not valid). */
export async function recordRegistrantAttempt(ctx: CoreContext): Promise<void> {
  await ctx.db.rateLimitEvent.create({ data: { bucket: bucket(registrantIp(ctx)), at: ctx.clock.now() } });
}

/** Thrown by the actions while the address is limited. */
export function registrantRateLimited(rate: Extract<RegistrantRate, { limited: true }>): RegistryError {
  return new RegistryError(
    "RATE_LIMITED",
    `Too many attempts from this address; try again in ${rate.minutes} minutes`,
    { minutes: rate.minutes },
  );
}
