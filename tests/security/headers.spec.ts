import { expect, test } from "@playwright/test";
import { logIn, logInCookie, send, serverBase } from "./http";

/*
 * SEC-7 (issue 11): security headers on every response, a nonce-based Content-Security-Policy
 * that Next's own scripts carry, and session cookies that scripts cannot read.
 */

const base = serverBase;

function header(res: { headers: Record<string, string | string[] | undefined> }, name: string): string {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

test("SEC-7: pages carry a nonce CSP whose nonce is on every script, and the other security headers", async () => {
  const first = await send(base, { path: "/login" });
  const second = await send(base, { path: "/login" });
  expect(first.status).toBe(200);
  const csp = header(first, "content-security-policy");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(header(second, "content-security-policy")).not.toContain(nonce!); // fresh per response
  const scripts = [...first.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(header(first, "referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(header(first, "permissions-policy")).toContain("camera=()");
  expect(header(first, "x-content-type-options")).toBe("nosniff");
  expect(header(first, "strict-transport-security")).toBe(""); // plain HTTP: no HSTS
  // a client's own X-Forwarded-Proto is not believed (only a trusted proxy's)
  const claimed = await send(base, { path: "/login", headers: { "x-forwarded-proto": "https" } });
  expect(header(claimed, "strict-transport-security")).toBe("");
});

test("SEC-7: every kind of response has the baseline headers, also those the proxy never sees", async () => {
  const cookie = await logInCookie(base, "all@demo.test");
  const responses = [
    await send(base, { path: "/login" }),
    await send(base, { path: "/messages", headers: { cookie } }),
    await send(base, { path: "/messages" }), // redirect to /login
    await send(base, { path: "/login", localAddress: "127.0.0.2" }), // 403
    await send(base, { path: "/api/auth/csrf" }),
    await send(base, { path: "/_next/static/missing.js" }),
    await send(base, { path: "/favicon.ico" }),
    await send(base, { path: "/robots.txt" }),
    await send(base, { path: "/login", headers: { host: "" } }), // 400 from the entry
  ];
  for (const res of responses) {
    expect(header(res, "content-security-policy"), String(res.status)).toContain("frame-ancestors 'none'");
    expect(header(res, "x-content-type-options")).toBe("nosniff");
    expect(header(res, "referrer-policy")).toBeTruthy();
    expect(header(res, "permissions-policy")).toBeTruthy();
  }
});

test("SEC-7: session and CSRF cookies are HttpOnly and SameSite=Lax", async () => {
  const csrf = await send(base, { path: "/api/auth/csrf" });
  const cookies = ([] as string[]).concat(csrf.headers["set-cookie"] ?? []);
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies) {
    expect(c).toMatch(/;\s*HttpOnly/i);
    expect(c).toMatch(/;\s*SameSite=Lax/i);
    expect(c).not.toMatch(/;\s*Secure/i); // plain HTTP here; Secure under TLS (e2e/allowlist.spec.ts)
  }
  const login = await logIn(base, "all@demo.test");
  const session = login.setCookies.find((c) => c.startsWith("next-auth.session-token="));
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
});
