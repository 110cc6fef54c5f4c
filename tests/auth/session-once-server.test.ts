import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestContext, type RequestContext } from "@/lib/actions/request-context";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { databaseTargetFromEnv } from "@/lib/db/config";
import type { RunningServer } from "@/server/entry";
import { buildState } from "../../scripts/build-state";
import { signInToken } from "../support/session-token";
import { countingFactory, onTable } from "../support/counting";
import { openRegistry, type Registry } from "../registry/support";

// Issue 22, on the real server: Next 16's proxy and the render of the same request share the
// request context server/entry.ts opens, so a signed-in page request reads its Session row once;
// a server action too, and each hop of an action Next forwards to the page that owns it checks
// once for itself. Runs the production build in this process (skipped when there is none or it is
// older than the sources: `npm start` or the e2e run makes it), on a test database whose statements are counted.

const root = path.resolve(import.meta.dirname, "../..");
// a stale build would test old code: only the build of these sources counts
const built = buildState(root) === "current";
const COOKIE = "next-auth.session-token";

let r: Registry;
let prisma: PrismaClient;
let counted: ReturnType<typeof countingFactory>;
let server: RunningServer;
const contexts: { recorded: number; taken: number }[] = [];

beforeAll(async () => {
  if (!built) return;
  process.env.NEXTAUTH_SECRET ??= "session-once-server-secret-0123456789abcdef";
  process.env.AUTH_TRUST_HOST ??= "true";
  r = await openRegistry();
  counted = countingFactory(r.db.factory);
  prisma = createPrismaClient(counted.factory);
  // the portal's process-wide client (lib/db/client.ts getPrisma) is this counting one
  const target = databaseTargetFromEnv();
  (globalThis as { __rpPrisma?: unknown }).__rpPrisma = {
    key: target.kind === "postgres" ? target.url : target.dataDir,
    client: prisma,
  };
  // every request context the entry opens, watched: the proxy's record and the render's reads
  // of it (the same AsyncLocalStorage instance: lib/actions/request-context.ts, via globalThis)
  const run = requestContext.run.bind(requestContext);
  requestContext.run = ((store: RequestContext, fn: () => unknown) => {
    const watch = { recorded: 0, taken: 0 };
    let value: RequestContext["portalSession"];
    Object.defineProperty(store, "portalSession", {
      get: () => {
        if (value) watch.taken++;
        return value;
      },
      set: (v: RequestContext["portalSession"]) => {
        if (v) watch.recorded++;
        value = v;
      },
    });
    contexts.push(watch);
    return run(store, fn);
  }) as typeof requestContext.run;
  const { startServer } = await import("@/server/entry");
  // a real port: Next forwards an action to `localhost:<port>`, which port 0 would not name
  server = await startServer({ port: await freePort(), hostname: "127.0.0.1" });
}, 300_000);

afterAll(async () => {
  await server?.close();
  delete (globalThis as { __rpPrisma?: unknown }).__rpPrisma;
  await prisma?.$disconnect();
  await r?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function signIn(email: string) {
  const login = await signInToken(r.prisma, email);
  return { ...login, cookie: `${COOKIE}=${login.token}` };
}

/** The Session statements one HTTP request ran (the response read to its end). */
async function sessionQueries(pathname: string, init: RequestInit) {
  const before = counted.statements.length;
  contexts.length = 0;
  const response = await fetch(`${server.url}${pathname}`, { redirect: "manual", ...init });
  const body = await response.text();
  return {
    status: response.status,
    body,
    queries: onTable(counted.statements.slice(before), "Session").length,
    /** Per HTTP request the entry saw (a forwarded action: two). */
    contexts: contexts.map((c) => ({ ...c })),
  };
}

function actionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

describe.skipIf(!built)("issue 22 on the real server: one session check per request", () => {
  it("a signed-in page (the dashboard) reads the Session row once", async () => {
    const { cookie } = await signIn("all@demo.test");
    await sessionQueries("/", { headers: { cookie } }); // warm: loads the page's modules
    const page = await sessionQueries("/", { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("dashboard-title");
    expect(page.queries).toBe(1);
    // the proxy recorded its check in the request's context, and the render read it there
    expect(page.contexts).toHaveLength(1);
    expect(page.contexts[0]!.recorded).toBe(1);
    expect(page.contexts[0]!.taken).toBeGreaterThan(0);
  });

  it("a server action on its own page: the proxy's check serves the action's, once", async () => {
    const { cookie } = await signIn("all@demo.test");
    const action = await sessionQueries("/", {
      method: "POST",
      headers: {
        cookie,
        "next-action": actionId("setLocaleAction"),
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      body: JSON.stringify(["en"]),
    });
    expect(action.status).toBe(200);
    // the proxy's check, taken by the action's own; the page rendered after the action (it set
    // the language cookie) checks in full again: 2, where it was 3 before
    expect(action.queries).toBe(2);
  });

  it("a server action posted to a page that does not own it: forwarded, checked on each hop", async () => {
    const { cookie } = await signIn("all@demo.test");
    const action = await sessionQueries("/", {
      method: "POST",
      headers: {
        cookie,
        "next-action": actionId("changeOwnPasswordAction"),
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      body: JSON.stringify([{}]),
    });
    expect(action.status).toBe(200);
    // the refusal at the field came back from the page that owns the action
    expect(action.body).toContain("VALIDATION_FAILED");
    // the first hop's proxy; the owning hop's proxy, whose record the action's own check takes
    // (once: a POST); the action layer's language lookup after it checks in full (4 before)
    expect(action.queries).toBeLessThanOrEqual(3);
    // two HTTP requests, each with its own context; the second (the owning page's) recorded its
    // proxy's check and the action took it
    expect(action.contexts).toHaveLength(2);
    expect(action.contexts[1]!.recorded).toBe(1);
    expect(action.contexts[1]!.taken).toBe(1);
  });

  it("a revoked session is refused on the very next request", async () => {
    const { cookie, sessionId } = await signIn("all@demo.test");
    expect((await sessionQueries("/", { headers: { cookie } })).status).toBe(200);
    await r.prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    const next = await sessionQueries("/", { headers: { cookie } });
    expect(next.status).toBe(307);
  });
});
