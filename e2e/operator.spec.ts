import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD, getFrom } from "./support";
import { rowAction } from "./users-support";

// Issue 21: the registry operator's console, as operator@registry.test. The journeys share one
// fresh registrar (created in the first), so FIK and bank bookings never touch the demo
// registrars' balances; the shared demo data is left as it was (fee put back, clock offset 0).

// the machine may be busy: page answers and Argon2id logins can take longer than the default 5 s
const slow = expect.configure({ timeout: 30_000 });

const PORT = Number(process.env.E2E_PORT ?? 3100);
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const digits = String(Date.now()).slice(-7);
const registrar = {
  name: `E2E Registrar ${suffix} ApS`,
  cvr: `3${digits}`,
  fik: `7${digits}`,
  adminEmail: `admin-${suffix}@e2e-registrar.test`,
};
let initialPassword = "";
let registrarUrl = "";

async function operatorLogIn(page: Page) {
  await page.goto("/operator/login");
  await page.getByLabel("Email").fill("operator@registry.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await slow(page.getByRole("heading", { level: 1, name: "Operator console", exact: true })).toBeVisible({ timeout: 30_000 });
}

/** support.ts's logIn, patient: Argon2id on a busy machine can take longer than 5 s. */
async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await slow(page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ })).toBeVisible({ timeout: 30_000 });
}

async function asUser<T>(browser: Browser, email: string, password: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await logIn(page, email, password);
    return await fn(page);
  } finally {
    await context.close();
  }
}

test.describe.serial("operator console (issue 21)", () => {
  // journeys of several logins (Argon2id) and pages each
  test.describe.configure({ timeout: 180_000 });
  test("creates a registrar with an Administrator, who then logs in from an allowed address; suspended, it cannot", async ({ page, browser }) => {
    await operatorLogIn(page);
    await page.getByRole("navigation", { name: "Operator console sections" }).getByRole("link", { name: "Registrars" }).click();
    await page.getByRole("link", { name: "Create registrar" }).click();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(registrar.name);
    await page.getByLabel("CVR number").fill(registrar.cvr);
    await page.getByLabel("Street").fill("Nørregade 7");
    await page.getByLabel("Postal code").fill("1165");
    await page.getByLabel("City").fill("København K");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(`hostmaster-${suffix}@e2e-registrar.test`);
    await page.getByLabel("FIK code").fill(registrar.fik);
    await page.getByLabel("Administrator's name").fill("Erika Eriksen");
    await page.getByLabel("Administrator's email").fill(registrar.adminEmail);
    // refused at the field: a CVR number has 8 digits
    await page.getByLabel("IP allowlist").fill("127.0.0.1 Office\n::1 Office (IPv6)");
    await page.getByLabel("CVR number").fill("123");
    await page.getByRole("button", { name: "Create registrar" }).click();
    await slow(page.getByText("A CVR number has 8 digits.")).toBeVisible();
    await slow(page.getByLabel("Administrator's email")).toHaveValue(registrar.adminEmail);
    await page.getByLabel("CVR number").fill(registrar.cvr);
    await page.getByRole("button", { name: "Create registrar" }).click();
    await slow(page.getByRole("heading", { name: `${registrar.name} was created` })).toBeVisible();
    initialPassword = (await page.getByTestId("initial-password").textContent()) ?? "";
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await page.getByRole("link", { name: `Open ${registrar.name}` }).click();
    await slow(page.getByRole("heading", { level: 1, name: registrar.name })).toBeVisible();
    registrarUrl = page.url();
    await slow(page.getByRole("table", { name: "Users" })).toContainText(registrar.adminEmail);
    await slow(page.getByRole("table", { name: "IP allowlist" })).toContainText("127.0.0.1/32");

    // the Administrator logs in from 127.0.0.1, on its allowlist
    await asUser(browser, registrar.adminEmail, initialPassword, async (admin) => {
      await slow(admin.getByTestId("registrar-name")).toHaveText(registrar.name);
    });

    // suspended: its users cannot log in; reactivated: they can again
    await page.getByRole("button", { name: "Suspend registrar" }).click();
    const suspend = page.getByRole("alertdialog", { name: `Suspend ${registrar.name}?` });
    await expect(suspend).toContainText("cannot log in until it is reactivated");
    await suspend.getByRole("button", { name: "Suspend registrar" }).click(); // no reason: refused at the field
    await slow(suspend.getByLabel("Reason for the suspension")).toHaveAttribute("aria-invalid", "true");
    await suspend.getByLabel("Reason for the suspension").fill("E2E: unpaid fees");
    await suspend.getByRole("button", { name: "Suspend registrar" }).click();
    await slow(suspend).toHaveCount(0);
    await slow(page.getByRole("button", { name: "Reactivate registrar" })).toBeVisible();
    const refused = await browser.newContext();
    const p = await refused.newPage();
    await p.goto("/login");
    await p.getByLabel("Email").fill(registrar.adminEmail);
    await p.getByLabel("Password").fill(initialPassword);
    await p.getByRole("button", { name: "Log in" }).click();
    await slow(p.locator("form").getByRole("alert")).toContainText("suspended");
    await refused.close();
    await page.getByRole("button", { name: "Reactivate registrar" }).click();
    await slow(page.getByRole("button", { name: "Suspend registrar" })).toBeVisible();
    await asUser(browser, registrar.adminEmail, initialPassword, async () => {});
  });

  test("the new registrar's Administrator takes the Registrar meta-role: the domain list's empty state, accessible in both languages (issue 14)", async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const admin = await context.newPage();
      await logIn(admin, registrar.adminEmail, initialPassword);
      await admin.goto("/admin/users");
      await rowAction(admin, registrar.adminEmail, "Edit meta-roles");
      const roles = admin.getByRole("dialog", { name: `Meta-roles of ${registrar.adminEmail}` });
      await roles.getByRole("checkbox", { name: "Registrar", exact: true }).check();
      await roles.getByRole("button", { name: "Save meta-roles" }).click();
      await slow(roles).toHaveCount(0);
      // a role added takes effect at the next request (only a role removed ends the sessions)
      await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
      await expect(admin).toHaveURL(/\/domains$/);
      await slow(admin.getByText("No domain names yet", { exact: true })).toBeVisible();
      await expectAccessible(admin, "/domains, empty portfolio (en)");
      await switchLanguage(admin, "Dansk");
      await slow(admin.getByText("Ingen domænenavne endnu", { exact: true })).toBeVisible();
      await expectAccessible(admin, "/domains, empty portfolio (da)");
      await switchLanguage(admin, "English");
    } finally {
      await context.close();
    }
  });

  test("books a FIK payment twice with the same reference: one booking", async ({ page }) => {
    await operatorLogIn(page);
    await page.goto("/operator/payments");
    const reference = `E2E-FIK-${suffix}`;
    const book = page.getByRole("region", { name: "Book a payment" });
    await book.getByLabel("Payment type").selectOption({ label: "FIK payment" });
    await book.getByLabel("FIK code").fill(registrar.fik);
    await book.getByLabel("Amount (DKK)").fill("250.00");
    await book.getByLabel("Bank reference").fill(reference);
    await book.getByRole("button", { name: "Book payment" }).click();
    await slow(book.getByRole("status")).toContainText(`Booked ${reference}`);
    await book.getByRole("button", { name: "Book payment" }).click();
    await slow(book.getByRole("status")).toContainText(`${reference} was already booked`);
    // another amount for the same reference is refused
    await book.getByLabel("Amount (DKK)").fill("999.00");
    await book.getByRole("button", { name: "Book payment" }).click();
    await slow(book.getByText(/already been done|already booked|changed at the same time/).first()).toBeVisible();
    await page.reload();
    await slow(page.getByRole("table", { name: "Latest FIK and bank bookings" }).getByRole("row").filter({ hasText: reference })).toHaveCount(1);
    await page.goto(registrarUrl);
    await slow(page.getByRole("table", { name: "Ledger (latest 50)" }).getByRole("row").filter({ hasText: reference })).toHaveCount(1);
  });

  test("imports a three-line statement: booked, duplicate, unknown account", async ({ page }) => {
    await operatorLogIn(page);
    await page.goto("/operator/payments");
    const duplicate = `E2E-FIK-${suffix}`; // booked in the journey before
    const fresh = `E2E-ST-${suffix}`;
    const csv = [
      "date;reference;amount;fik_code;account_number",
      `01.11.2026;${fresh};1.234,50;${registrar.fik};`,
      `01.11.2026;${duplicate};250,00;${registrar.fik};`,
      `01.11.2026;E2E-UNKNOWN-${suffix};75,00;99999999;`,
    ].join("\r\n");
    const region = page.getByRole("region", { name: "Import a bank statement" });
    await region.getByLabel("Bank statement (CSV)").setInputFiles({ name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await region.getByRole("button", { name: "Import statement" }).click();
    await slow(region.getByRole("status")).toHaveText("1 booked, 1 already booked, 1 refused.");
    const outcome = region.getByRole("table", { name: "Outcome of each line" });
    await slow(outcome.getByRole("row").filter({ hasText: fresh })).toContainText("Booked");
    await slow(outcome.getByRole("row").filter({ hasText: duplicate })).toContainText("Already booked");
    await slow(outcome.getByRole("row").filter({ hasText: `E2E-UNKNOWN-${suffix}` })).toContainText("Refused: unknown account");
  });

  test("approves one ID control and rejects another: each registrar gets its message", async ({ page, browser }) => {
    await operatorLogIn(page);
    await page.goto("/operator/id-control");
    const demo = page.getByRole("form", { name: "ID control for loppemarked-demo.dk" });
    const other = page.getByRole("form", { name: "ID control for other-sport.dk" });
    await slow(demo).toBeVisible();
    await slow(other).toBeVisible();
    // rejecting needs a reason, at its field
    await other.getByRole("button", { name: "Reject" }).click();
    await slow(other.getByText("Give a reason for the rejection.")).toBeVisible();
    await other.getByLabel("Reason").fill("Documents do not match");
    await other.getByRole("button", { name: "Reject" }).click();
    await slow(other).toHaveCount(0);
    await demo.getByLabel("Reason").fill("Passport checked");
    await demo.getByRole("button", { name: "Approve" }).click();
    await slow(demo).toHaveCount(0);

    await asUser(browser, "admin@demo.test", PASSWORD, async (p) => {
      await p.goto("/messages");
      await slow(p.getByText("Registrant of loppemarked-demo.dk changed from JCA1-DK to IDC7-DK")).toBeVisible();
    });
    await asUser(browser, "admin@other.test", PASSWORD, async (p) => {
      await p.goto("/messages");
      await slow(p.getByText(/other-sport\.dk to OIC3-DK was refused: the ID control was rejected \(Documents do not match\)/)).toBeVisible();
    });
  });

  test("changing the renewal fee: operations after it use the new fee, the version before stays on record", async ({ page, browser }) => {
    const forecast = async () =>
      asUser(browser, "payer@demo.test", PASSWORD, async (p) => {
        const tile = p.getByRole("link", { name: /Auto-renewals within 30 days/ });
        const text = (await tile.textContent()) ?? "";
        const count = Number(/(\d+) domain names? to renew/.exec(text)?.[1] ?? "0");
        const amount = Number((/DKK\s?([\d,]+\.\d{2})/.exec(text)?.[1] ?? "0").replace(/,/g, ""));
        return { count, amount };
      });
    const before = await forecast();
    expect(before.count).toBeGreaterThan(0);
    expect(before.amount).toBeCloseTo(before.count * 45, 2);

    await operatorLogIn(page);
    await page.goto("/operator/policy");
    await page.getByLabel("Registration and renewal, per year").fill("50.00");
    await page.getByRole("button", { name: "Save as new version" }).click();
    await slow(page.getByRole("status")).toContainText(/Version \d+ saved with 1 change/);
    const versions = page.getByRole("table", { name: "Versions" });
    await slow(versions.getByRole("row").nth(1)).toContainText("prices.perYearOre: 4500 → 5000");
    await slow(versions.getByRole("row").nth(1)).toContainText("In force");

    const after = await forecast();
    expect(after.amount).toBeCloseTo(after.count * 50, 2);

    // put the fee back for the other specs: the 2021 preset is the demo's policy
    await page.reload();
    await page.getByLabel("Rule set").selectOption({ label: "2021 specification" });
    await page.getByRole("button", { name: "Fill in the rule set" }).click();
    await slow(page.getByLabel("Registration and renewal, per year")).toHaveValue("45.00");
    await page.getByRole("button", { name: "Save as new version" }).click();
    await slow(page.getByRole("status")).toContainText(/Version \d+ saved with 1 change/);
    expect((await forecast()).amount).toBeCloseTo(before.count * 45, 2);
  });

  test("blocked names, waiting lists, invoices, sandbox and the operator audit with CSV", async ({ page }) => {
    await operatorLogIn(page);
    await page.goto("/operator/names");
    const name = `e2e-blokeret-${suffix}.dk`;
    const block = page.getByRole("form", { name: "Block a name" });
    await block.getByLabel("Domain name").fill(name);
    await block.getByLabel("Reason").fill("E2E reserved");
    await block.getByRole("button", { name: "Block name" }).click();
    await slow(block.getByRole("status")).toContainText(`${name} is blocked.`);
    const unblock = page.getByRole("form", { name: `Remove the block of ${name}` });
    await unblock.getByLabel("Reason for removing").fill("E2E done");
    await unblock.getByRole("button", { name: "Remove" }).click();
    await slow(unblock).toHaveCount(0);

    const entry = page.getByRole("form", { name: "Add a waiting-list entry" });
    await entry.getByLabel("Domain name").fill("other-kontor.dk");
    await entry.getByLabel("Holder's name").fill("Vera Venter");
    await entry.getByLabel("Holder's email").fill(`vera-${suffix}@e2e.test`);
    await entry.getByRole("button", { name: "Add entry" }).click();
    await slow(entry.getByRole("status")).toContainText("Added to the waiting list for other-kontor.dk");
    await slow(page.getByRole("table", { name: "Waiting list for other-kontor.dk" })).toContainText(`vera-${suffix}@e2e.test`);

    await page.goto("/operator/invoices?state=ALL");
    await slow(page.getByRole("heading", { level: 1, name: "Registrant-paid invoices" })).toBeVisible();

    await page.goto("/operator/sandbox");
    await slow(page.getByLabel("Clock offset (days ahead)")).toHaveValue("0");
    await page.getByRole("button", { name: "Set clock offset" }).click();
    await slow(page.getByRole("status")).toContainText("0 days ahead");
    await page.getByRole("button", { name: "Run lifecycle now" }).click();
    await slow(page.getByRole("status")).toContainText("Lifecycle run at");

    await page.goto("/operator/audit?operation=registrar.");
    await slow(page.getByRole("table", { name: "Operator audit events, newest first" })).toContainText("registrar.create");
    const csv = await page.request.get("/operator/audit/export?operation=registrar.");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("registrar.create");
  });
});

test("the console refuses portal users (403) and non-operator addresses; a portal login never reaches /operator", async ({ page }) => {
  await logIn(page, "all@demo.test");
  for (const path of ["/operator", "/operator/registrars", "/operator/policy"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await slow(page.getByRole("heading", { name: "Operator console" })).toHaveCount(0);
  }
  const csv = await page.request.get("/operator/audit/export", { maxRedirects: 0 });
  expect(csv.status()).toBe(403);
  // from an address on no operator allowlist: 403, also for the login page and a forged header
  for (const path of ["/operator", "/operator/login", "/operator/registrars"]) {
    expect((await getFrom(`http://127.0.0.1:${PORT}${path}`, "127.0.0.2")).status, path).toBe(403);
  }
  expect((await getFrom(`http://127.0.0.1:${PORT}/operator/login`, "127.0.0.2", { "X-Forwarded-For": "127.0.0.1" })).status).toBe(403);
});

for (const locale of ["en", "da"] as const) {
  test(`every console page is accessible (${locale})`, async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext();
    await context.addCookies([{ name: "rp-locale", value: locale, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/operator/login");
    await page.getByRole("textbox", { name: locale === "da" ? "E-mail" : "Email" }).fill("operator@registry.test");
    await page.getByLabel(locale === "da" ? "Adgangskode" : "Password").fill(PASSWORD);
    await page.getByRole("button", { name: locale === "da" ? "Log ind" : "Log in" }).click();
    await slow(page.getByRole("heading", { level: 1, name: locale === "da" ? "Operatørkonsol" : "Operator console", exact: true })).toBeVisible({ timeout: 30_000 });
    await slow(page.locator("html")).toHaveAttribute("lang", locale);
    const pages = ["/operator", "/operator/registrars", "/operator/registrars/new", "/operator/payments", "/operator/id-control", "/operator/invoices?state=ALL", "/operator/policy", "/operator/names", "/operator/sandbox", "/operator/audit"];
    for (const path of pages) {
      await page.goto(path);
      await slow(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} (${locale})`);
    }
    await page.goto("/operator/registrars");
    await page.getByRole("table").getByRole("link").first().click();
    await slow(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, `registrar page (${locale})`);
    await context.close();
  });
}
