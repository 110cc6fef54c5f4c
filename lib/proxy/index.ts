import { NextResponse, type NextRequest } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { isAddressAllowed, operatorAllowlist } from "@/lib/net/allowlist";
import { checkSession } from "@/lib/auth/sessions";
import { forgetVerifiedSession, recordVerifiedSession } from "@/lib/auth/request-session";
import { authSettings } from "@/lib/auth/settings";
import { decodeSessionToken, SESSION_COOKIES, sessionCookieValue } from "@/lib/auth/token";
import { ipInCidrs } from "@/lib/net/client-address";

/** The enrolment page (lib/auth/actor.ts TOTP_ENROLMENT_PATH; that module is server-only). */
const TOTP_ENROLMENT_PATH = "/account/two-factor";
import { refreshClockOffset } from "@/lib/registry/sandbox-clock";
import { contentSecurityPolicy, newNonce } from "./csp";
import { isRegistrantRoute, SURFACE_HEADER } from "./registrant-routes";
import { isLoopback } from "@/lib/net/loopback";

const SANDBOX_OUTBOX_PATH = "/sandbox/outbox";

/**
 * Runs before every matched request (proxy.ts), in the Node.js runtime:
 * 1. the client address — already made trustworthy by server/entry.ts — must be allowlisted:
 *    by some registrar before login, by the user's own registrar after (DESIGN.md §5);
 *    the real registrant routes under `/r/` (registrants, anywhere) are exempt and marked so
 *    that no registrar action runs through them; `/operator` has its own list;
 * 2. a signed-in request's Session row must still be valid, else the session ends here; a pass
 *    is recorded for this request only, so the render does not check the same session again
 *    (lib/auth/request-session.ts).
 * Every response gets a nonce-based Content-Security-Policy (lib/proxy/csp.ts).
 * Pages, actions and the core check again: this is the first gate, not the only one.
 */
export async function handleProxy(request: NextRequest): Promise<NextResponse> {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    tls: request.headers.get("x-forwarded-proto") === "https",
  });
  const response = await decide(request, csp);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

async function decide(request: NextRequest, csp: string): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  // a record of an earlier run for this request never outlives a new decision (issue 22)
  forgetVerifiedSession();
  const pass = (extra: Record<string, string> = {}) => {
    // Next takes the nonce for its own scripts from the request's CSP header
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return NextResponse.next({ request: { headers } });
  };
  // the sandbox clock offset for this process's registryClock, at most one read per 2 s (issue 21)
  await refreshClockOffset(getPrisma());
  if (isRegistrantRoute(pathname)) return pass({ [SURFACE_HEADER]: "registrant" });
  // robots.txt tells crawlers to stay out; it must reach them from anywhere, signed in or not
  if (pathname === "/robots.txt") return pass();

  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  // the sandbox's outbox (issue 16): this machine only, no login; the page itself answers 404
  // outside the sandbox. From anywhere else it is an ordinary path behind the allowlist.
  if (pathname === SANDBOX_OUTBOX_PATH && isLoopback(ip)) return pass();
  const db = getPrisma();
  const isOperatorPath = pathname === "/operator" || pathname.startsWith("/operator/");
  const operatorAllowed = ipInCidrs(ip, operatorAllowlist());

  if (isOperatorPath) {
    if (!operatorAllowed) return refuse(ip, "the operator console");
  } else if (
    !(await isAddressAllowed(db, ip)) &&
    !(pathname.startsWith("/api/auth/") && operatorAllowed)
  ) {
    return refuse(ip, "the Registrar Portal");
  }

  const isPublic =
    pathname === "/login" || pathname === "/operator/login" || pathname.startsWith("/api/auth/");
  const token = await decodeSessionToken(sessionCookieValue((n) => request.cookies.get(n)?.value));
  if (token) {
    const check = await checkSession(db, token.sid, new Date(), authSettings(), token.cf);
    if (!check.ok) {
      // a stale cookie must not stand in the way of logging in again
      if (isPublic) return withoutSessionCookies(pass());
      return endSession(request, isOperatorPath, check.reason);
    }
    const user = check.session.user;
    if (user && !isOperatorPath && !(await isAddressAllowed(db, ip, user.accountId))) {
      return refuse(ip, "your registrar's portal access");
    }
    // the account requires TOTP and this session has none yet: enrolment before anything else
    if (user && check.session.totpEnrolmentPending && !isPublic && pathname !== TOTP_ENROLMENT_PATH) {
      const url = request.nextUrl.clone();
      url.pathname = TOTP_ENROLMENT_PATH;
      url.search = "";
      return NextResponse.redirect(url);
    }
    // passed in full: the render of this same request need not check again (issue 22,
    // lib/auth/request-session.ts); only a portal user on a portal path
    if (user && token.kind === "user" && !isOperatorPath) {
      recordVerifiedSession({
        sid: token.sid,
        cf: token.cf,
        ip,
        session: { ...check.session, user },
        once: request.method !== "GET" && request.method !== "HEAD",
      });
    }
  }

  // a portal login never reaches the operator console: 403, not a login form (issue 21)
  if (isOperatorPath && !isPublic && token?.kind === "user") return refuseRegistrarUser();

  const signedInHere =
    token && (isOperatorPath ? token.kind === "operator" : token.kind === "user");
  if (!isPublic && !signedInHere) {
    return NextResponse.redirect(loginUrl(request, isOperatorPath));
  }
  return pass();
}

function loginUrl(request: NextRequest, operator: boolean, reason?: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = operator ? "/operator/login" : "/login";
  url.search = "";
  if (reason) url.searchParams.set("ended", reason);
  return url;
}

function endSession(request: NextRequest, operator: boolean, reason: string): NextResponse {
  const redirect = NextResponse.redirect(loginUrl(request, operator, reason));
  // A router fetch (RSC, a prefetch) may still carry the cookie a credential change of this very
  // page has just replaced (its action answered with the new one): clearing the cookie here would
  // clear the new one and log the user out. The login page clears a stale cookie itself.
  if (request.headers.get("rsc") === "1") return redirect;
  return withoutSessionCookies(redirect);
}

function withoutSessionCookies(response: NextResponse): NextResponse {
  for (const name of SESSION_COOKIES) response.cookies.delete(name);
  return response;
}

function refuse(ip: string, what: string): NextResponse {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Access denied</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Access denied</h1>
<p>Your address <code>${escapeHtml(ip || "unknown")}</code> is not on the IP allowlist for ${what}.</p>
<p>Ask your registrar's administrator to add it, or contact the registry.</p></body></html>`;
  return new NextResponse(body, {
    status: 403,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

function refuseRegistrarUser(): NextResponse {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forbidden</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Forbidden</h1>
<p>The operator console is for registry staff. You are signed in to the Registrar Portal.</p>
<p><a href="/">Back to the Registrar Portal</a></p></body></html>`;
  return new NextResponse(body, {
    status: 403,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
