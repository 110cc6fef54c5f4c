/**
 * The registrant pages under `/r/` (DESIGN.md §1): reached from mailed links, from anywhere, so
 * the IP allowlist does not apply to them. Only these exact shapes are exempt — `/r/anything`
 * else is an ordinary portal path behind the allowlist (issue 11: the whole `/r` prefix was
 * exempt, and a server action posted there was forwarded to the page that owns it).
 * The link secrets are 32 lowercase hex digits (lib/registry/rules/tokens.ts `newSecret`).
 */
const registrantRoutes: readonly RegExp[] = [
  /^\/r\/terms\/[0-9a-f]{32}$/, // method-2 terms (lib/registry/domains/registration.ts termsLinkPath)
  /^\/r\/offer\/[0-9a-f]{32}$/, // waiting-list offer (lib/registry/registrants/waiting-list.ts offerLinkPath)
  /^\/r\/registrant-change\/[0-9a-f]{32}$/, // change of registrant (registrantChangeLinkPath)
  /^\/r\/waiting-list$/, // join a name's waiting list (R-REG-6)
];

export function isRegistrantRoute(pathname: string): boolean {
  return registrantRoutes.some((route) => route.test(pathname));
}

/**
 * Request header the proxy sets on a registrant route. Registrar actions (lib/auth/actor.ts
 * `getActor`) find no actor under it, so a registrar action posted to a registrant page — which
 * Next would forward to the page that owns it — cannot run there. Only ever set, never cleared:
 * a client sending it can only take actions away from itself.
 */
export const SURFACE_HEADER = "x-rp-surface";
