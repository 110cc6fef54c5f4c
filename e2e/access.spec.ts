import { expect, test } from "@playwright/test";
import { logIn, logOut } from "./support";

// DESIGN.md §1: which sections each meta-role opens.
const SECTIONS = {
  Dashboard: "/",
  Domains: "/domains",
  Contacts: "/contacts",
  "Name servers": "/nameservers",
  Billing: "/billing",
  Messages: "/messages",
  Administration: "/admin",
} as const;
type Section = keyof typeof SECTIONS;

const USERS: [string, Section[]][] = [
  ["admin@demo.test", ["Dashboard", "Messages", "Administration"]],
  // DESIGN §1 matrix: name servers are the NSA's; the Registrar registers and transfers in.
  ["registrar@demo.test", ["Dashboard", "Domains", "Contacts", "Messages"]],
  ["payer@demo.test", ["Dashboard", "Domains", "Billing", "Messages"]],
  ["nsa@demo.test", ["Dashboard", "Domains", "Name servers", "Messages"]],
  ["proxy@demo.test", ["Dashboard", "Domains", "Contacts", "Messages"]],
  [
    "all@demo.test",
    ["Dashboard", "Domains", "Contacts", "Name servers", "Billing", "Messages", "Administration"],
  ],
  [
    "admin@other.test",
    ["Dashboard", "Domains", "Contacts", "Name servers", "Billing", "Messages", "Administration"],
  ],
];

for (const [email, allowed] of USERS) {
  test(`${email} sees exactly the navigation of its meta-roles, and 403 elsewhere`, async ({
    page,
  }) => {
    await logIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    // Messages carries the unread badge after its name
    await expect(nav.getByRole("link")).toHaveText(allowed.map((n) => new RegExp(`^${n}(\\d|\\s|$)`)));
    for (const [name, path] of Object.entries(SECTIONS) as [Section, string][]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      if (allowed.includes(name)) {
        expect(response.status(), `${email} ${path}`).toBe(200);
      } else {
        expect(response.status(), `${email} ${path}`).toBe(403);
        expect(await response.text()).toContain("You do not have access to this section");
      }
    }
  });
}

test("a section refused by URL shows a plain explanation, not an empty page", async ({ page }) => {
  await logIn(page, "proxy@demo.test");
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: /do not have access/i })).toBeVisible();
});

test("admin@other.test never sees a Demo object", async ({ page }) => {
  await logIn(page, "admin@other.test");
  await expect(page.getByTestId("registrar-name")).toHaveText("Other Registrar ApS");
  for (const path of Object.values(SECTIONS)) {
    await page.goto(path);
    const text = await page.locator("body").innerText();
    expect(text, path).not.toMatch(/Demo Registrar|demo\.test|demo-hosting|søbakke|-demo\.dk/i);
  }
});

test("logout ends the session on the server: replaying the old cookie fails", async ({
  page,
  browser,
}) => {
  await logIn(page, "registrar@demo.test");
  const cookies = await page.context().cookies();
  await logOut(page);
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  const response = await again.request.get("/domains", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/login/);
  await replay.close();
});

test("a stale cookie of an ended session does not stand in the way of logging in again", async ({
  page,
  browser,
}) => {
  await logIn(page, "registrar@demo.test");
  const cookies = await page.context().cookies();
  await logOut(page);
  await expect(page).toHaveURL(/\/login/);
  const stale = await browser.newContext();
  await stale.addCookies(cookies);
  await logIn(await stale.newPage(), "registrar@demo.test");
  await stale.close();
});

test("signed-out requests are sent to the login page", async ({ page }) => {
  const response = await page.request.get("/domains", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/login$/);
});

test("DESIGN §1 dashboard: each role sees its tiles — Payer: balance and auto-renew forecast; Registrar, Proxy, Payer: expiring domains and pending requests; everyone: messages", async ({
  page,
}) => {
  test.setTimeout(90_000); // four logins
  const tiles = {
    balance: /Prepaid balance\s+-?DKK\s-?[\d,]+\.\d\d/,
    forecast: /Auto-renewals within 30 days\s+DKK\s[\d,]+\.\d\d\s+\d+ domain names? to renew/,
    expiring: /Domain names expiring within 30 days\s+\d+/,
    pending: /Pending requests\s+\d+\s+\d+ awaiting terms/,
    messages: /Unread messages\s+\d+/,
  } as const;
  const seen: [string, (keyof typeof tiles)[]][] = [
    ["payer@demo.test", ["balance", "forecast", "expiring", "pending", "messages"]],
    ["proxy@demo.test", ["expiring", "pending", "messages"]],
    ["registrar@demo.test", ["expiring", "pending", "messages"]],
    ["nsa@demo.test", ["messages"]],
  ];
  for (const [email, shown] of seen) {
    await logIn(page, email);
    for (const [tile, name] of Object.entries(tiles) as [keyof typeof tiles, RegExp][]) {
      await expect(page.getByRole("link", { name }), `${email}: ${tile}`).toHaveCount(
        shown.includes(tile) ? 1 : 0,
      );
    }
    await logOut(page);
    await expect(page).toHaveURL(/\/login/);
  }
});
