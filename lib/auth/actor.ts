import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import type { Actor, RegistrarActor } from "@/lib/registry/actor";
import { systemClock } from "@/lib/registry/clock";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission, type Verb } from "@/lib/registry/permissions";
import { SURFACE_HEADER } from "@/lib/proxy/registrant-routes";
import { isAddressAllowed, operatorAllowlist } from "../net/allowlist";
import { ipInCidrs } from "../net/client-address";
import { takeVerifiedSession } from "./request-session";
import { checkSession } from "./sessions";
import { authSettings } from "./settings";
import { decodeSessionToken, sessionCookieValue } from "./token";

/** The client address server/entry.ts wrote into X-Forwarded-For (one trustworthy value). */
export async function clientIp(): Promise<string> {
  return (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/**
 * The signed-in registrar user as an Actor, with the language it chose, or null: session row
 * valid (not revoked, idle, expired; user active, credentials unchanged) and the address on the
 * account's allowlist. Never on a registrant route (`/r/…`, lib/proxy/registrant-routes.ts):
 * those run registrant actions only, whatever session cookie comes along.
 *
 * Resolved once per request (React `cache`): the layout, the page, the language lookup and the
 * actions of one request share one session check (DESIGN.md §7) — and that is the proxy's check of
 * the same request when it checked this same session (lib/auth/request-session.ts, issue 22).
 */
export const getPortalSession = cache(
  async (): Promise<{
    actor: RegistrarActor;
    locale: string | null;
    /** The account requires TOTP and this session was opened without (issue 19). */
    totpEnrolmentPending: boolean;
  } | null> => {
    if ((await headers()).get(SURFACE_HEADER) === "registrant") return null;
    const jar = await cookies();
    const token = await decodeSessionToken(sessionCookieValue((n) => jar.get(n)?.value));
    if (!token || token.kind !== "user") return null;
    const ip = await clientIp();
    // the proxy's full check of this very request, when it checked this session, credential
    // fingerprint and address (issue 22, lib/auth/request-session.ts); else the full check here
    let session = takeVerifiedSession(token.sid, token.cf, ip);
    if (!session) {
      const db = getPrisma();
      const check = await checkSession(db, token.sid, systemClock.now(), authSettings(), token.cf);
      if (!check.ok || !check.session.user) return null;
      if (!(await isAddressAllowed(db, ip, check.session.user.accountId))) return null;
      session = { ...check.session, user: check.session.user };
    }
    const user = session.user;
    return {
      actor: {
        kind: "portal",
        userId: user.id,
        accountId: user.accountId,
        metaRoles: user.metaRoles,
        ip,
        label: user.email,
        sessionId: session.id,
      },
      locale: user.locale,
      totpEnrolmentPending: session.totpEnrolmentPending,
    };
  },
);

export async function getActor(): Promise<RegistrarActor | null> {
  return (await getPortalSession())?.actor ?? null;
}

/** Where a session that owes a TOTP enrolment is sent, before anything else. */
export const TOTP_ENROLMENT_PATH = "/account/two-factor";

/**
 * For pages and actions: the actor, or off to the login page. With `enrolled`, a session that owes
 * a TOTP enrolment (the account requires TOTP, the user had none at login) is sent to the
 * enrolment instead — the second gate after the proxy's; server actions ask for it unless they
 * are part of the enrolment.
 */
export async function requireActor(options: { enrolled?: boolean } = {}): Promise<RegistrarActor> {
  const resolved = await getPortalSession();
  if (!resolved) redirect("/login");
  if (options.enrolled && resolved.totpEnrolmentPending) redirect(TOTP_ENROLMENT_PATH);
  return resolved.actor;
}

/** For pages: the actor if it may `verb`, else HTTP 403 with the forbidden page. */
export async function guardPage(verb: Verb): Promise<RegistrarActor> {
  const actor = await requireActor({ enrolled: true });
  try {
    return requirePermission(actor, verb);
  } catch (error) {
    if (error instanceof RegistryError) forbidden();
    throw error;
  }
}

export async function getOperatorActor(): Promise<Extract<Actor, { kind: "operator" }> | null> {
  const jar = await cookies();
  const token = await decodeSessionToken(sessionCookieValue((n) => jar.get(n)?.value));
  if (!token || token.kind !== "operator") return null;
  const check = await checkSession(getPrisma(), token.sid, systemClock.now(), authSettings(), token.cf);
  if (!check.ok || !check.session.operator) return null;
  const op = check.session.operator;
  const ip = await clientIp();
  // the console's own allowlist, checked here too: an operator action may be posted to any page
  if (!ipInCidrs(ip, operatorAllowlist())) return null;
  return { kind: "operator", operatorId: op.id, ip, label: op.email };
}

/**
 * For operator pages and actions: the operator, or — for a signed-in registrar user — 403 (a
 * portal login never reaches the console), else off to the operator login.
 */
export async function requireOperatorActor() {
  const actor = await getOperatorActor();
  if (actor) return actor;
  const jar = await cookies();
  const token = await decodeSessionToken(sessionCookieValue((n) => jar.get(n)?.value));
  if (token?.kind === "user") forbidden();
  redirect("/operator/login");
}
