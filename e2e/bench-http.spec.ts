import { expect, test } from "@playwright/test";
import {
  assertClean,
  cannon,
  csvExport,
  FLOOR_PATH,
  nextCursorOf,
  pageTargets,
  renewalsFromCsv,
  renewTarget,
  signIn,
} from "../bench/http";
import { toCopenhagenWallTime } from "../lib/schemas/domain-register";
import { expectAccessible } from "./axe";
import { actionId } from "../tests/security/http";
import { logIn } from "./support";

// Issue 22: the smoke of `npm run bench`'s HTTP part — its autocannon runs, a fraction of a second
// each, against this server: signed in, every response the expected one, Server-Timing read; a
// run that is sent to /login fails. The renewals renew domains the spec registers itself.

const email = "all@demo.test";

test("issue 22: the floor page shows the signed-in user, and is accessible", async ({ page }) => {
  await logIn(page, email);
  await page.goto(FLOOR_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Session" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await expectAccessible(page, `${FLOOR_PATH} (en)`);
});

test("issue 22: the HTTP bench's runs — pages and the renew action, every response as expected, Server-Timing read", async ({
  baseURL,
}) => {
  test.setTimeout(60_000);
  const base = baseURL!;
  const cookie = await signIn(base, email);
  const list = await (await fetch(`${base}/domains`, { headers: { cookie } })).text();
  const deepCursor = nextCursorOf(list);
  expect(deepCursor).not.toBeNull();

  // three domains of our own to renew, registered through the register action
  const tag = `bench-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const register = actionId("registerDomainAction");
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`${base}/domains/new`, {
      method: "POST",
      headers: {
        cookie,
        origin: base,
        "next-action": register,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      body: JSON.stringify([
        {
          name: `${tag}-${i}.dk`,
          periodYears: 1,
          managementModel: "registrar",
          renewalPolicy: "AUTO_RENEW",
          registrant: "JCA1-DK",
          nameServers: [{ host: "ns1.dns-provider.net" }, { host: "ns2.dns-provider.net" }],
          termsMethod: "stated",
          termsAcceptedAt: toCopenhagenWallTime(new Date(Date.now() - 60_000)),
        },
      ]),
    });
    expect(await response.text()).toContain('"status":"ACTIVE"');
  }
  const renewals = renewalsFromCsv((await csvExport(base, cookie, `?q=${tag}`)).head);
  expect(renewals.map((r) => r.name).sort()).toEqual([0, 1, 2].map((i) => `${tag}-${i}.dk`));

  const targets = [
    ...pageTargets({ email, domain: "demo-hosting.dk", deepCursor, search: "demo-" }),
    renewTarget(base, renewals),
  ];
  for (const target of targets) {
    const m = await cannon(base, cookie, target, { connections: 1, seconds: 5, amount: 2 });
    assertClean(m);
    expect(m.requests, target.label).toBe(2);
    expect(m.requests, target.label).toBeGreaterThan(0);
    expect(m.serverP95, `${target.label}: Server-Timing`).toBeGreaterThan(0);
    expect(m.latencyP95, target.label).toBeGreaterThan(0);
  }
  // each renewal renewed: the expiry dates moved on a year
  const after = renewalsFromCsv((await csvExport(base, cookie, `?q=${tag}`)).head);
  const renewed = after.filter((a) =>
    renewals.some(
      (r) =>
        r.name === a.name &&
        Number(a.curExpDate.slice(0, 4)) === Number(r.curExpDate.slice(0, 4)) + 1,
    ),
  );
  expect(renewed).toHaveLength(2);

  // without the session: redirects to /login, counted as failures, never as fast pages
  const signedOut = await cannon(base, "", targets[0]!, { connections: 1, seconds: 5, amount: 2 });
  expect(() => assertClean(signedOut)).toThrow(/status 307 → .*\/login/);
});
