import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expectAccessible } from "./axe";
import { PASSWORD, getFrom, logIn } from "./support";

// Issue 16, items 4 and 5: the registrants' pages under /r/ (no login, any address, the browser's
// language, a per-address limit) and the sandbox outbox with its clock. The held registrations,
// the pending change of registrant and the soon-deleted slettes-snart.dk come from the demo seed
// (`npm start`, prisma/seed/demo.ts registrantLinks) through the core, so their mail is in the
// outbox; everything else is done here, in the browser.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const base = `http://127.0.0.1:${PORT}`;
const suffix = () => Math.random().toString(36).slice(2, 8);

/** A browser as a registrant: no login, the given Accept-Language. */
async function registrant(browser: Browser, locale: "en-GB" | "da-DK" = "en-GB"): Promise<BrowserContext> {
  return browser.newContext({ locale, extraHTTPHeaders: { "accept-language": locale === "da-DK" ? "da" : "en" } });
}

async function operatorLogIn(page: Page) {
  await page.goto("/operator/login");
  await page.getByLabel("Email").fill("operator@registry.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Operator console", exact: true })).toBeVisible({
    timeout: 30_000,
  });
}

/** The newest mail in /sandbox/outbox whose subject matches. */
function mail(page: Page, subject: RegExp | string) {
  return page.getByRole("article", { name: subject }).first();
}

/** Opens the outbox and follows the /r/ link of the newest mail with this subject; returns its href. */
async function linkFromOutbox(outbox: Page, subject: RegExp | string): Promise<string> {
  await outbox.goto("/sandbox/outbox");
  const link = mail(outbox, subject).getByRole("link", { name: /^\/r\// });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/r\/[a-z-]+\/[0-9a-f]{32}$/);
  return href!;
}

/** A raw GET from a chosen source address, with its headers (for the rate-limit page). */
function rawGet(path: string, localAddress: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string> }>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { localAddress, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          headers: Object.fromEntries(
            Object.entries(res.headers).flatMap(([k, v]) =>
              typeof v === "string" && !["transfer-encoding", "content-length", "connection", "keep-alive"].includes(k)
                ? [[k, v]]
                : [],
            ),
          ),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe.configure({ mode: "serial" });

test("R-REG-2 method 2: the outbox link, Accept — the domain is created and billed; Decline on another frees the name", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const accept = await linkFromOutbox(page, /Accept the terms for vilkaar-accept\.dk/);
  const decline = await linkFromOutbox(page, /Accept the terms for vilkaar-afvis\.dk/);
  await expectAccessible(page, "/sandbox/outbox");

  // Danish, from the browser's language: axe before answering
  const da = await registrant(browser, "da-DK");
  const daPage = await da.newPage();
  await daPage.goto(accept);
  await expect(daPage.getByRole("heading", { level: 1, name: "Acceptér vilkårene for vilkaar-accept.dk" })).toBeVisible();
  await expect(daPage.locator("html")).toHaveAttribute("lang", "da");
  await expectAccessible(daPage, `${accept} (da)`);
  await da.close();

  const en = await registrant(browser);
  const r = await en.newPage();
  await r.goto(accept);
  await expect(r.getByRole("heading", { level: 1, name: "Accept the terms for vilkaar-accept.dk" })).toBeVisible();
  await expect(r.getByText("Demo Registrar A/S", { exact: true })).toBeVisible();
  await expect(r.getByRole("heading", { name: "The registry's terms" })).toBeVisible();
  await expectAccessible(r, accept);
  // no portal text reaches a registrant: not on the page, not in the messages sent along
  await expect(r.locator("body")).not.toContainText(/Dashboard|Registrar Portal/);
  expect(await r.content()).not.toMatch(/Name, U-label or A-label|Skip to content/);
  await r.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(r.getByRole("main").getByRole("alert")).toHaveText("Thank you. vilkaar-accept.dk is now registered for you.");

  // used: the same link now says it is not valid (404), without saying why
  const used = await r.goto(accept);
  expect(used?.status()).toBe(404);
  await expect(r.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
  await expectAccessible(r, "invalid link (en)");

  // Decline on the other: confirmed first, then the name is free (the waiting list refuses it)
  await r.goto(decline);
  await r.getByRole("button", { name: "Decline", exact: true }).click();
  const dialog = r.getByRole("alertdialog");
  await expect(dialog).toContainText("Decline the registration of vilkaar-afvis.dk?");
  await expectAccessible(r, "decline dialog");
  await dialog.getByRole("button", { name: "Decline" }).click();
  await expect(r.getByRole("main").getByRole("alert")).toHaveText("You declined. vilkaar-afvis.dk was not registered.");
  await r.goto("/r/waiting-list");
  await r.getByLabel("Domain name").fill("vilkaar-afvis.dk");
  await r.getByLabel(/^Name/).fill("Fri Navnesen");
  await r.getByLabel("Email").fill(`fri-${suffix()}@venter.test`);
  await r.getByRole("button", { name: "Join waiting list" }).click();
  await expect(r.getByRole("main").getByRole("alert")).toContainText("free to register");
  await en.close();

  // the registrar sees the domain active and billed once
  await logIn(page, "all@demo.test");
  await page.goto("/domains/vilkaar-accept.dk");
  await expect(page.getByRole("heading", { level: 1, name: "vilkaar-accept.dk" })).toBeVisible();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  await page.goto("/billing/ledger?domain=vilkaar-accept.dk");
  const rows = page.getByRole("row").filter({ hasText: "vilkaar-accept.dk" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Registration");
  await expect(rows).toContainText("-DKK 45.00");
  expect((await page.goto("/domains/vilkaar-afvis.dk"))?.status()).toBe(404);
});

test("R-CHG-3: a change of registrant pending through terms — the outbox link, Accept, the new registrant, billed once", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const link = await linkFromOutbox(page, /become registrant of antik-demo\.dk/);
  const da = await registrant(browser, "da-DK");
  const daPage = await da.newPage();
  await daPage.goto(link);
  await expect(daPage.getByRole("heading", { level: 1, name: "Bliv registrant af antik-demo.dk" })).toBeVisible();
  await expectAccessible(daPage, `${link} (da)`);
  await da.close();

  const en = await registrant(browser);
  const r = await en.newPage();
  await r.goto(link);
  await expect(r.getByRole("heading", { level: 1, name: "Become the registrant of antik-demo.dk" })).toBeVisible();
  await expect(r.getByText("Lise Rasmussen (LR900-DK)")).toBeVisible();
  await expectAccessible(r, link);
  await r.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(r.getByRole("main").getByRole("alert")).toHaveText("Thank you. You are now the registrant of antik-demo.dk.");
  await r.getByRole("main").getByRole("alert").waitFor();
  expect((await r.goto(link))?.status()).toBe(404);
  await en.close();

  await logIn(page, "all@demo.test");
  await page.goto("/domains/antik-demo.dk");
  await expect(page.getByText("LR900-DK").first()).toBeVisible();
  await page.goto("/billing/ledger?domain=antik-demo.dk");
  // the change's fee (50.00), once; the domain's own registration is the other row
  await expect(page.getByRole("row").filter({ hasText: "antik-demo.dk" }).filter({ hasText: "-DKK 50.00" })).toHaveCount(1);
});

test("R-REG-6: join for a suspended demo name on /r/waiting-list; run the lifecycle past its deletion; the offer mail's link and code", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const email = `venter-${suffix()}@venter.test`;
  const en = await registrant(browser);
  const r = await en.newPage();
  await r.goto("/r/waiting-list");
  await expect(r.getByRole("heading", { level: 1, name: "Join a waiting list" })).toBeVisible();
  await expectAccessible(r, "/r/waiting-list (en)");
  // refusal at the field
  await r.getByLabel("Domain name").fill("slettes-snart.dk");
  await r.getByLabel(/^Name/).fill("Vera Venter");
  await r.getByLabel("Email").fill("not-an-email");
  await r.getByRole("button", { name: "Join waiting list" }).click();
  await expect(r.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(r.getByText("Enter a valid email address.")).toBeVisible();
  await expectAccessible(r, "/r/waiting-list with an error");
  await r.getByLabel("Email").fill(email);
  await r.getByRole("button", { name: "Join waiting list" }).click();
  await expect(r.getByRole("main").getByRole("alert")).toContainText("You are on the waiting list for slettes-snart.dk, number 1.");

  const da = await registrant(browser, "da-DK");
  const daPage = await da.newPage();
  await daPage.goto("/r/waiting-list");
  await expect(daPage.getByRole("heading", { level: 1, name: "Skriv dig på en venteliste" })).toBeVisible();
  await expectAccessible(daPage, "/r/waiting-list (da)");

  // the sandbox: the clock two days ahead (the redemption ends at 00:00 in two days), run, back
  await operatorLogIn(page);
  try {
    await page.goto("/sandbox/outbox");
    await page.getByLabel("Clock offset (days ahead)").fill("2");
    await page.getByRole("button", { name: "Set clock offset" }).click();
    await expect(page.getByText("The registry's clock now runs 2 days ahead.")).toBeVisible();
    await page.getByRole("button", { name: "Run lifecycle now" }).click();
    await expect(page.getByText(/^Lifecycle run at/)).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page, "/sandbox/outbox as the operator");
  } finally {
    await page.goto("/sandbox/outbox");
    await page.getByLabel("Clock offset (days ahead)").fill("0");
    await page.getByRole("button", { name: "Set clock offset" }).click();
    await expect(page.getByText("The registry's clock now runs 0 days ahead.")).toBeVisible();
  }

  await page.reload();
  const offerMail = page.getByRole("article", { name: new RegExp(`${email}: slettes-snart\\.dk is offered to you`) });
  await expect(offerMail).toBeVisible();
  const body = (await offerMail.textContent()) ?? "";
  const code = /authorization code ([0-9a-f]{8})/.exec(body)?.[1];
  expect(code).toBeTruthy();
  const link = await offerMail.getByRole("link", { name: /^\/r\/offer\// }).getAttribute("href");

  await daPage.goto(link!);
  await expect(daPage.getByRole("heading", { level: 1, name: "slettes-snart.dk tilbydes dig" })).toBeVisible();
  await expectAccessible(daPage, "offer (da)");
  await da.close();

  await r.goto(link!);
  await expect(r.getByRole("heading", { level: 1, name: "slettes-snart.dk is offered to you" })).toBeVisible();
  await expectAccessible(r, "offer (en)");
  const wrong = code === "00000000" ? "11111111" : "00000000";
  await r.getByLabel("Authorization code").fill(wrong);
  await r.getByRole("button", { name: "Accept offer" }).click();
  await expect(r.getByLabel("Authorization code")).toHaveAttribute("aria-invalid", "true");
  await r.getByLabel("Authorization code").fill(code!.toUpperCase());
  await r.getByRole("button", { name: "Accept offer" }).click();
  await expect(r.getByRole("main").getByRole("alert")).toContainText("Accepted. slettes-snart.dk is reserved for you until");
  await en.close();

  // the holder's registrar registers the offered name with the code (R-REG-6)
  const registrar = await browser.newContext();
  try {
    const reg = await registrar.newPage();
    await logIn(reg, "all@demo.test");
    await reg.goto("/domains/new");
    await reg.getByLabel("Domain name").fill("slettes-snart.dk");
    await expect(reg.getByRole("status", { name: "Availability" })).toContainText("offered to a waiting-list holder", { timeout: 20_000 });
    await reg.getByLabel("Authorization code").fill(code!);
    const registrantBox = reg.getByRole("combobox", { name: "Registrant handle" });
    await registrantBox.fill("Bageriet");
    await reg.getByRole("option", { name: /BKA101-DK/ }).click();
    await reg.getByRole("textbox", { name: "Name server 1" }).fill("ns1.dns-provider.net");
    await reg.getByRole("textbox", { name: "Name server 2" }).fill("ns2.dns-provider.net");
    await reg.getByRole("button", { name: "Register", exact: true }).click();
    await expect(reg.getByRole("heading", { level: 1, name: "slettes-snart.dk" })).toBeVisible({ timeout: 30_000 });
    await expect(reg.getByText("slettes-snart.dk is registered.")).toBeVisible();
  } finally {
    await registrar.close();
  }
});

test("the /r/ pages answer from an address on no allowlist (127.0.0.2); every other page there is 403", async () => {
  const wl = await getFrom(`${base}/r/waiting-list`, "127.0.0.2");
  expect(wl.status).toBe(200);
  expect(wl.body).toContain("Join a waiting list");
  expect(wl.body).not.toMatch(/Name, U-label or A-label|Skip to content/);
  const invalid = await getFrom(`${base}/r/offer/${"0".repeat(32)}`, "127.0.0.2", { "accept-language": "da" });
  expect(invalid.status).toBe(404);
  expect(invalid.body).toContain("Linket er ikke gyldigt");
  for (const path of ["/login", "/sandbox/outbox", "/domains", "/r/terms/not-a-link"]) {
    expect((await getFrom(`${base}${path}`, "127.0.0.2")).status, path).toBe(403);
  }
});

test("too many attempts from one address: 'try again in N minutes', in both languages", async ({ page }) => {
  const outsider = "127.0.0.3";
  // unknown links count against the address
  for (let i = 0; i < 20; i++) await rawGet(`/r/terms/${randomBytes(16).toString("hex")}`, outsider);
  for (const [language, text] of [
    ["en", /Too many attempts from your address\. Try again in \d+ minutes?\./],
    ["da", /For mange forsøg fra din adresse\. Prøv igen om \d+ minut(ter)?\./],
  ] as const) {
    const limited = await rawGet("/r/waiting-list", outsider, { "accept-language": language });
    expect(limited.body).toMatch(text);
    // the browser sees that very response (as 127.0.0.3 would), to scan it
    await page.route("**/r/waiting-list", (route) =>
      route.fulfill({ status: limited.status, headers: limited.headers, body: limited.body }),
    );
    await page.goto("/r/waiting-list");
    await expect(page.getByText(text)).toBeVisible();
    await expectAccessible(page, `rate-limited page (${language})`);
    await page.unroute("**/r/waiting-list");
  }
});
