import { requestContext } from "../actions/request-context";
import type { ValidSession } from "./sessions";

/**
 * Issue 22: the session check once per request, never skipped (DESIGN.md §5, §7).
 *
 * The proxy checks every signed-in request's Session row (and the address against the user's
 * registrar's allowlist) before Next renders anything. When that check passes, it records the
 * result here — in the request's own AsyncLocalStorage context, which server/entry.ts creates
 * fresh for each HTTP request (`requestContext.run`) and which nothing a client sends can reach or
 * fill. `getPortalSession` (lib/auth/actor.ts) takes the record instead of checking again, but only
 * when it is about to check exactly what the proxy checked: the same session id, the same
 * credential fingerprint and the same client address. In every other case — no record (a request
 * the proxy did not see, a test, a script), another cookie, the registrant surface, an operator —
 * it does the full check itself.
 *
 * A request that may change what the check depends on (a server action: a POST may log out, change
 * a password, disable a user) can use the record once — for the action's own check, made before
 * the action's code runs — and every later check in that request (the page re-rendered after the
 * action) is a full one again.
 */
export type VerifiedPortalSession = {
  sid: string;
  cf: string | null;
  ip: string;
  session: ValidSession & { user: NonNullable<ValidSession["user"]> };
  /** Usable only once (a request that is not a GET or HEAD). */
  once: boolean;
};

/** The proxy: this request's session passed the full check (session row and allowlist). */
export function recordVerifiedSession(verified: VerifiedPortalSession): void {
  const store = requestContext.getStore();
  if (store) store.portalSession = verified;
}

/**
 * The proxy's check of this request, when it checked the same session id, credential fingerprint
 * and address; else null (then the caller checks in full).
 */
export function takeVerifiedSession(
  sid: string,
  cf: string | null,
  ip: string,
): VerifiedPortalSession["session"] | null {
  const store = requestContext.getStore();
  const verified = store?.portalSession;
  if (!store || !verified) return null;
  if (verified.once) store.portalSession = undefined;
  if (verified.sid !== sid || verified.cf !== cf || verified.ip !== ip) return null;
  return verified.session;
}

/** Drops this request's record: the next check in it is a full one. */
export function forgetVerifiedSession(): void {
  const store = requestContext.getStore();
  if (store) store.portalSession = undefined;
}
