import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { getFrom } from "./support";

const PORT = Number(process.env.E2E_PORT ?? 3100);

test("requests from an address on no allowlist get 403, a forged X-Forwarded-For changes nothing", async () => {
  const direct = await getFrom(`http://127.0.0.1:${PORT}/login`, "127.0.0.2");
  expect(direct.status).toBe(403);
  expect(direct.body).toContain("127.0.0.2");
  const forged = await getFrom(`http://127.0.0.1:${PORT}/login`, "127.0.0.2", { "X-Forwarded-For": "127.0.0.1" });
  expect(forged.status).toBe(403);
  const allowed = await getFrom(`http://127.0.0.1:${PORT}/login`, "127.0.0.1");
  expect(allowed.status).toBe(200);
});

test("an IPv6 allowlist entry admits ::1", async () => {
  const v6 = await getFrom(`http://[::1]:${PORT}/login`, "::1");
  expect(v6.status).toBe(200);
});

test("registrant pages under /r/ are exempt from the allowlist; other /r paths are not (SEC-1, issue 11)", async () => {
  const link = await getFrom(`http://127.0.0.1:${PORT}/r/terms/0123456789abcdef0123456789abcdef`, "127.0.0.2");
  expect(link.status).not.toBe(403);
  for (const path of ["/r", "/r/unknown-link", "/r/terms/not-a-link"]) {
    expect((await getFrom(`http://127.0.0.1:${PORT}${path}`, "127.0.0.2")).status, path).toBe(403);
  }
});

test.describe("behind a trusted proxy", () => {
  const port = 3102;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    rmSync("data/e2e-trusted", { recursive: true, force: true });
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, PORT: String(port), DATA_DIR: "data/e2e-trusted", TRUSTED_PROXIES: "127.0.0.2" },
      stdio: "ignore",
    });
    const deadline = Date.now() + 170_000;
    for (;;) {
      try {
        if ((await getFrom(`http://127.0.0.1:${port}/login`, "127.0.0.1")).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("trusted-proxy server did not start");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("with TRUSTED_PROXIES=127.0.0.2 its X-Forwarded-For is believed", async () => {
    const viaProxy = await getFrom(`http://127.0.0.1:${port}/login`, "127.0.0.2", { "X-Forwarded-For": "127.0.0.1" });
    expect(viaProxy.status).toBe(200);
    const proxyItself = await getFrom(`http://127.0.0.1:${port}/login`, "127.0.0.2");
    expect(proxyItself.status).toBe(403);
    const outsider = await getFrom(`http://127.0.0.1:${port}/login`, "127.0.0.2", { "X-Forwarded-For": "203.0.113.7" });
    expect(outsider.status).toBe(403);
    const untrusted = await getFrom(`http://127.0.0.1:${port}/login`, "127.0.0.3", { "X-Forwarded-For": "127.0.0.1" });
    expect(untrusted.status).toBe(403);
  });

  test("SEC-7 (issue 11): behind a TLS-terminating trusted proxy: HSTS and Secure cookies", async () => {
    const res = await new Promise<{ headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
      const req = httpRequest(
        `http://127.0.0.1:${port}/api/auth/csrf`,
        { localAddress: "127.0.0.2", headers: { "X-Forwarded-For": "127.0.0.1", "X-Forwarded-Proto": "https" } },
        (r) => {
          r.resume();
          r.on("end", () => resolve({ headers: r.headers }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/;\s*Secure/i);
      expect(c).toMatch(/;\s*HttpOnly/i);
    }
  });
});
