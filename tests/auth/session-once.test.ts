import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requestContext, type RequestContext } from "@/lib/actions/request-context";
import { authSettings } from "@/lib/auth/settings";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { databaseTargetFromEnv } from "@/lib/db/config";
import { invalidateAllowlists } from "@/lib/net/allowlist";
import { SURFACE_HEADER } from "@/lib/proxy/registrant-routes";
import { signInToken } from "../support/session-token";
import { countingFactory, onTable } from "../support/counting";
import { openRegistry, type Registry } from "../registry/support";

// Issue 22: the session check once per signed-in request, never skipped. The proxy's full check of
// a request is recorded in that request's AsyncLocalStorage context (server/entry.ts makes one per
// HTTP request) and the render takes it only for the same session id, credential fingerprint and
// address; everything else is checked in full, and a refused session stays refused.

// what next/headers answers inside the render of the request under test
const render = { cookies: new Map<string, string>(), headers: new Headers() };
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => {
    const value = render.cookies.get(name);
    return value === undefined ? undefined : { name, value };
  } }),
  headers: async () => render.headers,
}));

const COOKIE = "next-auth.session-token";
process.env.NEXTAUTH_SECRET ??= "session-once-test-secret-0123456789abcdef";
const settings = authSettings();

let r: Registry;
let counted: ReturnType<typeof countingFactory>;
let prisma: PrismaClient;
beforeAll(async () => {
  r = await openRegistry();
  counted = countingFactory(r.db.factory);
  prisma = createPrismaClient(counted.factory);
  // the portal's process-wide client (lib/db/client.ts getPrisma) is this counting one
  const target = databaseTargetFromEnv();
  const key = target.kind === "postgres" ? target.url : target.dataDir;
  (globalThis as { __rpPrisma?: unknown }).__rpPrisma = { key, client: prisma };
});
afterAll(async () => {
  delete (globalThis as { __rpPrisma?: unknown }).__rpPrisma;
  await prisma?.$disconnect();
  await r?.close();
});
beforeEach(() => invalidateAllowlists());

const signIn = (email: string) => signInToken(r.prisma, email, settings);

type Req = { token?: string; ip?: string; method?: string; path?: string };

/**
 * One HTTP request as server/entry.ts runs it: a fresh context, the proxy, then (when the proxy
 * lets it through) the render, which resolves the session `renders` times; `between` runs after
 * the proxy, before the render. Counts the statements on the Session table.
 */
async function request(
  req: Req,
  options: { render?: Req; renders?: number; between?: () => Promise<unknown> } = {},
) {
  const { handleProxy } = await import("@/lib/proxy");
  const { getPortalSession } = await import("@/lib/auth/actor");
  const context: RequestContext = { actionEntered: false };
  return requestContext.run(context, async () => {
    const headers = new Headers({ "x-forwarded-for": req.ip ?? "127.0.0.1" });
    if (req.token) headers.set("cookie", `${COOKIE}=${req.token}`);
    const before = counted.statements.length;
    const response = await handleProxy(
      new NextRequest(`http://localhost${req.path ?? "/"}`, { method: req.method ?? "GET", headers }),
    );
    const passed = response.headers.get("x-middleware-next") === "1";
    const afterProxy = counted.statements.length;
    await options.between?.();
    const seen = [];
    if (passed) {
      const as = { ...req, ...options.render };
      render.cookies = new Map(as.token ? [[COOKIE, as.token]] : []);
      render.headers = new Headers({ "x-forwarded-for": as.ip ?? "127.0.0.1" });
      if (as.path?.startsWith("/r/")) render.headers.set(SURFACE_HEADER, "registrant");
      for (let i = 0; i < (options.renders ?? 1); i++) seen.push(await getPortalSession());
    }
    const all = counted.statements.slice(before);
    return {
      response,
      passed,
      seen,
      sessionQueries: onTable(all, "Session").length,
      renderSessionQueries: onTable(counted.statements.slice(afterProxy), "Session").length,
    };
  });
}

describe("issue 22: the session check once per signed-in request (DESIGN.md §5, §7)", () => {
  it("a signed-in page request reads the Session row once: the proxy checks, the render takes its record", async () => {
    const { token, sessionId } = await signIn("registrar@demo.test");
    const result = await request({ token }, { renders: 3 });
    expect(result.passed).toBe(true);
    expect(result.seen.every((s) => s?.actor.sessionId === sessionId)).toBe(true);
    expect(result.seen[0]?.actor.label).toBe("registrar@demo.test");
    expect(result.renderSessionQueries).toBe(0);
    expect(result.sessionQueries).toBe(1);
  });

  it("without the proxy's record (a request the proxy did not see) the render checks in full", async () => {
    const { token, sessionId } = await signIn("registrar@demo.test");
    const { getPortalSession } = await import("@/lib/auth/actor");
    render.cookies = new Map([[COOKIE, token]]);
    render.headers = new Headers({ "x-forwarded-for": "127.0.0.1" });
    const before = counted.statements.length;
    const resolved = await requestContext.run({ actionEntered: false }, () => getPortalSession());
    expect(resolved?.actor.sessionId).toBe(sessionId);
    expect(onTable(counted.statements.slice(before), "Session").length).toBe(1);
  });

  it("another session's cookie in the render is checked in full, and a revoked one is refused", async () => {
    const a = await signIn("registrar@demo.test");
    const b = await signIn("payer@demo.test");
    await r.prisma.session.update({ where: { id: b.sessionId }, data: { revokedAt: new Date() } });
    const result = await request({ token: a.token }, { render: { token: b.token } });
    expect(result.passed).toBe(true);
    expect(result.seen).toEqual([null]);
    expect(result.renderSessionQueries).toBe(1);
  });

  it("another address in the render is checked in full, and one off the allowlist is refused", async () => {
    const { token } = await signIn("registrar@demo.test");
    const result = await request({ token }, { render: { ip: "198.51.100.7" } });
    expect(result.passed).toBe(true);
    expect(result.seen).toEqual([null]);
    expect(result.renderSessionQueries).toBe(1);
  });

  it("a revoked session is refused on the very next request", async () => {
    const { token, sessionId } = await signIn("registrar@demo.test");
    expect((await request({ token })).seen[0]?.actor.sessionId).toBe(sessionId);
    await r.prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date(), revokeReason: "test" } });
    const next = await request({ token });
    expect(next.passed).toBe(false);
    expect(next.response.status).toBe(307);
    expect(next.response.headers.get("location")).toContain("/login?ended=revoked");
    expect(next.seen).toEqual([]);
  });

  it("a disabled user is refused on the very next request", async () => {
    const email = "nsa@demo.test";
    const { token, sessionId } = await signIn(email);
    try {
      expect((await request({ token })).seen[0]?.actor.sessionId).toBe(sessionId);
      await r.prisma.user.update({ where: { email }, data: { disabledAt: new Date() } });
      const next = await request({ token });
      expect(next.passed).toBe(false);
      expect(next.response.headers.get("location")).toContain("/login?ended=user-disabled");
    } finally {
      await r.prisma.user.update({ where: { email }, data: { disabledAt: null } });
    }
  });

  it("an address off the allowlist is refused on the very next request", async () => {
    const { token, accountId } = await signIn("registrar@demo.test");
    expect((await request({ token, ip: "203.0.113.40" })).response.status).toBe(403);
    const entry = await r.prisma.ipAllowlistEntry.create({
      data: {
        accountId: accountId!,
        cidr: "203.0.113.40/32",
        description: "session-once test",
        createdAt: new Date(),
        createdBy: "test",
      },
    });
    invalidateAllowlists();
    expect((await request({ token, ip: "203.0.113.40" })).seen[0]?.actor.ip).toBe("203.0.113.40");
    await r.prisma.ipAllowlistEntry.delete({ where: { id: entry.id } });
    invalidateAllowlists();
    const next = await request({ token, ip: "203.0.113.40" });
    expect(next.response.status).toBe(403);
    expect(next.seen).toEqual([]);
  });

  it("a server action (POST) uses the record once; the check after the action is a full one", async () => {
    const { token, sessionId } = await signIn("registrar@demo.test");
    const result = await request({ token, method: "POST" }, { renders: 2 });
    expect(result.seen.map((s) => s?.actor.sessionId)).toEqual([sessionId, sessionId]);
    expect(result.renderSessionQueries).toBe(1);
    // the action ended the session (e.g. logged out): the page rendered after it sees that
    const ended = await signIn("registrar@demo.test");
    const { getPortalSession } = await import("@/lib/auth/actor");
    const outcome = await request(
      { token: ended.token, method: "POST" },
      { renders: 1 },
    );
    expect(outcome.seen[0]?.actor.sessionId).toBe(ended.sessionId);
    const after = await requestContext.run({ actionEntered: true }, async () => {
      await r.prisma.session.update({ where: { id: ended.sessionId }, data: { revokedAt: new Date() } });
      return getPortalSession();
    });
    expect(after).toBeNull();
  });

  it("the registrant surface never takes the portal's session, recorded or not", async () => {
    const { token } = await signIn("registrar@demo.test");
    const result = await request({ token, path: "/r/waiting-list" });
    expect(result.passed).toBe(true);
    expect(result.seen).toEqual([null]);
    expect(result.sessionQueries).toBe(0);
  });

  it("a session revoked between the proxy and the render of a GET is refused from the next request on", async () => {
    const { token, sessionId } = await signIn("registrar@demo.test");
    const result = await request(
      { token },
      {
        between: () =>
          r.prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } }),
      },
    );
    // this request was let in by a check made a moment before the revocation…
    expect(result.seen[0]?.actor.sessionId).toBe(sessionId);
    // …the next one is not
    expect((await request({ token })).passed).toBe(false);
  });
});
