import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD, logIn, postAction } from "./support";
import { createUserOnPage } from "./users-support";

// Issue 15 item 1 "Register" (/domains/new) and item 7 for its form (R-REG-1…5), with issue 20's
// default renewal policy reaching a new registration (R-ACC-6). Every journey makes its own names
// and contact; the shared demo data is left as it was (the default renewal policy is put back,
// the language switched back). Insufficient funds are shown with a fresh registrar of balance 0.

// server actions, Argon2id logins and page renders on a busy two-core machine
const expect = baseExpect.configure({ timeout: 20_000 });
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const NS = ["ns1.dns-provider.net", "ns2.dns-provider.net"];

const availability = (page: Page) => page.getByRole("status", { name: /^(Availability|Tilgængelighed)$/ });

async function pickHandle(page: Page, label: string, query: string, handle: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.fill(query);
  await page.getByRole("option", { name: new RegExp(handle) }).click();
  await expect(box).toHaveValue(new RegExp(handle));
}

async function fillNameServers(page: Page, prefix = "Name server") {
  for (const [i, host] of NS.entries()) await page.getByRole("textbox", { name: `${prefix} ${i + 1}` }).fill(host);
}

/** A fresh company contact of Demo's (as a Proxy user), never asked about terms: its handle id. */
async function createContact(page: Page, name: string): Promise<string> {
  await page.goto("/contacts/new");
  await page.getByLabel("Type").selectOption({ label: "Company" });
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Street", exact: true }).fill("Registreringsvej 1");
  await page.getByLabel("Postal code").fill("8000");
  await page.getByLabel("City").fill("Aarhus C");
  await page.getByLabel("Country").selectOption("DK");
  await page.getByLabel("Email").fill(`${name.split(" ")[1]}@registrant.test`);
  await page.getByLabel("Phone").fill("+45 12 34 56 78");
  await page.getByLabel("CVR number").fill("25313763");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  return page.url().split("/").at(-1)!;
}

test.describe("issue 15 Register as all@demo.test", () => {
  test("R-REG-2 method 2 holds the name and says until when; method 1 registers it: in the list, the fee once in the ledger", async ({ page }) => {
    test.setTimeout(180_000);
    const tag = suffix();
    await logIn(page, "all@demo.test");
    const handle = await createContact(page, `Registrant ${tag} ApS`);

    // method 2: "Ask the registrant by email" → the held page
    await page.goto("/domains");
    await page.getByRole("link", { name: "Register domain" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Register domain" })).toBeVisible();
    const held = `e2e-held-${tag}`;
    await page.getByLabel("Domain name").fill(held);
    await expect(availability(page)).toHaveText("Available");
    await pickHandle(page, "Registrant handle", handle, handle);
    await fillNameServers(page);
    await page.getByRole("radio", { name: "Ask the registrant by email" }).check();
    await expect(page.getByLabel("Terms accepted at")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Price" })).toContainText("bills nothing now");
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${held}.dk is held` })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/The name is held for you until \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\./)).toBeVisible();
    await expect(page.getByText(`We have asked the registrant, ${handle}`)).toBeVisible();
    await expectAccessible(page, "/domains/new/held/[name] (en)");

    // method 1: "The registrant has accepted", now — the price and the balance after first
    await page.getByRole("link", { name: "Register another domain name" }).click();
    const name = `e2e-reg-${tag}`;
    await page.getByLabel("Domain name").fill(name);
    await expect(availability(page)).toHaveText("Available");
    await pickHandle(page, "Registrant handle", `Registrant ${tag}`, handle);
    await fillNameServers(page);
    await expect(page.getByRole("radio", { name: "The registrant has accepted" })).toBeChecked();
    await expect(page.getByLabel("Terms accepted at")).not.toHaveValue("");
    const price = page.getByRole("region", { name: "Price" });
    await expect(price).toContainText("Price for 1 year");
    await expect(price).toContainText("DKK 45.00");
    await expect(price).toContainText("Balance after");
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${name}.dk` })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`${name}.dk is registered.`)).toBeVisible();

    // in the list
    await page.goto(`/domains?q=${name}`);
    await expect(page.getByRole("link", { name: `${name}.dk` })).toBeVisible();
    // the fee once in the ledger
    await page.goto(`/billing/ledger?domain=${name}.dk`);
    await expect(page.getByRole("heading", { level: 1, name: "Ledger" })).toBeVisible();
    await expect(page.locator("table[aria-busy]")).toHaveCount(0);
    await expect(page.locator("tbody tr:has(td:nth-child(2))")).toHaveCount(1);
    await expect(page.locator("tbody tr").first()).toContainText("Registration");
    await expect(page.locator("tbody tr").first()).toContainText("45.00");
  });
});

test.describe("issue 15 the register form as registrar@demo.test", () => {
  test("R-REG-4 the live check says why not, an IDN in both forms; rows 2–7; an invalid name is refused at its field with every other field kept; axe in English and Danish with the error shown", async ({ page }) => {
    test.setTimeout(180_000);
    await logIn(page, "registrar@demo.test");
    await page.goto("/domains");
    await page.getByRole("link", { name: "Register domain" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Register domain" })).toBeVisible();
    await expectAccessible(page, "/domains/new (en)");

    const name = page.getByLabel("Domain name");
    await name.fill("søbakke.dk");
    await expect(availability(page)).toContainText("Not available: søbakke.dk is registered");
    await expect(availability(page)).toContainText("søbakke.dk is xn--sbakke-bya.dk in the DNS");
    await name.fill("opsagt-demo");
    await expect(availability(page)).toContainText("Not available: opsagt-demo.dk is in redemption");
    await name.fill("ny-kunde.dk");
    await expect(availability(page)).toContainText("Not available: ny-kunde.dk is held for a pending registration");
    await name.fill("a_b.dk");
    await expect(availability(page)).toContainText('Invalid: the character "_" is not allowed');
    const idn = `æblegrød-${suffix()}`;
    await name.fill(idn);
    await expect(availability(page)).toContainText("Available");
    await expect(availability(page)).toContainText(new RegExp(`${idn}\\.dk is xn--[a-z0-9-]+\\.dk in the DNS`));

    // name-server rows: 2 to 7, with add and remove
    for (let n = 3; n <= 7; n++) {
      await page.getByRole("button", { name: "Add name server" }).click();
      await expect(page.getByRole("textbox", { name: `Name server ${n}` })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: "Add name server" })).toHaveCount(0);
    for (let n = 7; n >= 3; n--) await page.getByRole("button", { name: `Remove name server ${n}` }).click();
    await expect(page.getByRole("textbox", { name: "Name server 3" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove name server/ })).toHaveCount(0);

    // every field typed, then a name the registry refuses: the reason at "Domain name"
    await page.getByLabel("Reference").fill("REF-E2E-7");
    await name.fill("ab--cd");
    await page.getByLabel("Registration period").selectOption({ label: "3 years" });
    await page.getByRole("radio", { name: "Auto-expire" }).check();
    await page.getByLabel("PO no.").fill("PO-4711");
    await page.getByLabel("Account code").fill("KONTO-9");
    await expect(page.getByRole("combobox", { name: "Proxy handle" })).toBeDisabled();
    await pickHandle(page, "Registrant handle", "Bageriet", "BKA101-DK");
    await fillNameServers(page);
    await expect(page.getByRole("region", { name: "Price" })).toContainText("DKK 135.00");
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(name).toHaveAccessibleDescription(/positions 3–4 is only allowed in a valid xn-- A-label/);
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveValue("ab--cd");
    await expect(page.getByLabel("Reference")).toHaveValue("REF-E2E-7");
    await expect(page.getByLabel("Registration period")).toHaveValue("3");
    await expect(page.getByRole("radio", { name: "Auto-expire" })).toBeChecked();
    await expect(page.getByLabel("PO no.")).toHaveValue("PO-4711");
    await expect(page.getByLabel("Account code")).toHaveValue("KONTO-9");
    await expect(page.getByRole("combobox", { name: "Registrant handle" })).toHaveValue(/BKA101-DK/);
    await expect(page.getByRole("textbox", { name: "Name server 1" })).toHaveValue(NS[0]!);
    await expect(page.getByRole("textbox", { name: "Name server 2" })).toHaveValue(NS[1]!);
    await expect(page.getByRole("radio", { name: "The registrant has accepted" })).toBeChecked();
    await expectAccessible(page, "/domains/new, refused name (en)");

    // a taken name: "<name> is registered" at the field
    await name.fill("søbakke.dk");
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(name).toHaveAccessibleDescription(/søbakke\.dk is registered\./);

    // Danish, through the header's switch (the user's stored choice), back to English after
    await switchLanguage(page, "Dansk");
    try {
      await page.goto("/domains/new");
      await expect(page.getByRole("heading", { level: 1, name: "Registrér domænenavn" })).toBeVisible();
      await expectAccessible(page, "/domains/new (da)");
      const navn = page.getByRole("textbox", { name: "Domænenavn", exact: true });
      await navn.fill("-forkert");
      await expect(availability(page)).toContainText("Ugyldigt: navnet begynder med en bindestreg");
      await pickHandle(page, "Registrant-handle", "Bageriet", "BKA101-DK");
      await fillNameServers(page, "Navneserver");
      await page.getByRole("button", { name: "Registrér", exact: true }).click();
      await expect(navn).toHaveAccessibleDescription(/begynder med en bindestreg/);
      await expectAccessible(page, "/domains/new, refused name (da)");
    } finally {
      await switchLanguage(page, "English");
    }
  });

  test("R-REG-5 a registration beyond the balance is refused with the balance and the price (a fresh registrar with balance 0)", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const tag = suffix();
    const digits = String(Date.now()).slice(-7);
    const registrarName = `E2E Tom Saldo ${tag} ApS`;
    const adminEmail = `admin-${tag}@e2e-register.test`;
    // the operator creates the registrar (allowlisted 127.0.0.1; no money)
    await page.goto("/operator/login");
    await page.getByLabel("Email").fill("operator@registry.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Operator console", exact: true })).toBeVisible({ timeout: 30_000 });
    await page.goto("/operator/registrars/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(registrarName);
    await page.getByLabel("CVR number").fill(`4${digits}`);
    await page.getByLabel("Street").fill("Tomgade 1");
    await page.getByLabel("Postal code").fill("1165");
    await page.getByLabel("City").fill("København K");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(`hostmaster-${tag}@e2e-register.test`);
    await page.getByLabel("FIK code").fill(`8${digits}`);
    await page.getByLabel("Administrator's name").fill("Tove Tom");
    await page.getByLabel("Administrator's email").fill(adminEmail);
    await page.getByLabel("IP allowlist").fill("127.0.0.1 Office\n::1 Office (IPv6)");
    await page.getByRole("button", { name: "Create registrar" }).click();
    await expect(page.getByRole("heading", { name: `${registrarName} was created` })).toBeVisible({ timeout: 30_000 });
    const adminPassword = (await page.getByTestId("initial-password").textContent()) ?? "";

    // its Administrator makes a Registrar user
    const registrar = await asUser(browser, adminEmail, adminPassword, async (admin) => {
      await admin.goto("/admin/users");
      return createUserOnPage(admin, ["REGISTRAR"], "register");
    });
    await asUser(browser, registrar.email, registrar.password, async (p) => {
      await p.goto("/domains/new");
      await p.getByLabel("Domain name").fill(`e2e-tom-${tag}`);
      await expect(availability(p)).toHaveText("Available");
      // the account's own registrar handle is its one contact
      await pickHandle(p, "Registrant handle", "Tom Saldo", "REG-");
      await fillNameServers(p);
      const price = p.getByRole("region", { name: "Price" });
      await expect(price).toContainText("DKK 0.00");
      await expect(price).toContainText("-DKK 45.00");
      await expect(price).toContainText("Your balance does not cover this registration");
      await p.getByRole("button", { name: "Register", exact: true }).click();
      await expect(p.locator("form").getByRole("alert")).toHaveText("Your balance (DKK 0.00) does not cover the price (DKK 45.00).");
      await expect(p.getByLabel("Domain name")).toHaveValue(`e2e-tom-${tag}`);
      await expectAccessible(p, "/domains/new, insufficient funds (en)");
    });
  });
});

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

test.describe("issue 15 who may register", () => {
  test("registrar@demo.test sees Register domain; proxy@demo.test and payer@demo.test do not, get 403 on /domains/new, and posting the action anyway is refused", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await logIn(page, "registrar@demo.test");
    await page.goto("/domains");
    await expect(page.getByRole("link", { name: "Register domain" })).toBeVisible();
    for (const email of ["proxy@demo.test", "payer@demo.test"]) {
      await asUser(browser, email, PASSWORD, async (p) => {
        await p.goto("/domains");
        await expect(p.getByRole("heading", { level: 1, name: "Domain names" })).toBeVisible();
        await expect(p.getByRole("link", { name: "Register domain" })).toHaveCount(0);
        expect((await p.request.get("/domains/new", { maxRedirects: 0 })).status(), email).toBe(403);
        const { status, body } = await postAction(p, "registerDomainAction", {
          name: `forged-${suffix()}.dk`,
          periodYears: 1,
          managementModel: "registrar",
          renewalPolicy: "AUTO_RENEW",
          registrant: "BKA101-DK",
          nameServers: NS.map((host) => ({ host })),
          termsMethod: "stated",
          termsAcceptedAt: "2026-01-01T10:00",
        });
        expect(body, email).not.toContain('"ok":true');
        expect(body.includes('"code":"NOT_AUTHORIZED"') || status === 403, `${email}: ${status}`).toBe(true);
        const search = await postAction(p, "searchRegistrationHandlesAction", { query: "BKA101", managementModel: "registrar" });
        expect(search.body, email).not.toContain("BKA101-DK");
      });
    }
  });

  test("admin@other.test: Demo's held registration is 404 and Demo's contacts are not offered", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, "admin@other.test");
    expect((await page.request.get("/domains/new/held/ny-kunde.dk")).status()).toBe(404);
    await page.goto("/domains/new");
    const box = page.getByRole("combobox", { name: "Registrant handle" });
    await box.fill("BKA101-DK");
    await expect(page.getByRole("status").filter({ hasText: /^No matches$/ })).toHaveCount(1);
    await expect(page.locator(`[id="${await box.getAttribute("aria-controls")}"]`)).toHaveText("No matches");
    await expect(page.getByRole("option", { name: /BKA101-DK/ })).toHaveCount(0);
    await expectAccessible(page, "/domains/new, handle picker open (en)");
  });
});

test.describe("issue 20 R-ACC-6 the account's default renewal policy reaches a new registration", () => {
  test("set to auto-expire, a registration is auto-expire; set back to auto-renew", async ({ page, browser }) => {
    test.setTimeout(180_000);
    await logIn(page, "admin@demo.test");
    await page.goto("/admin/settings");
    const saved = page.getByRole("status").or(page.locator("[data-sonner-toast]")).filter({ hasText: "The defaults were saved." });
    try {
      await page.getByRole("radio", { name: "Auto-expire" }).check();
      await page.getByRole("button", { name: "Save defaults" }).click();
      await expect(saved).toBeVisible();

      await asUser(browser, "registrar@demo.test", PASSWORD, async (p) => {
        const name = `e2e-udloeber-${suffix()}`;
        await p.goto("/domains/new");
        await expect(p.getByText("Your account's default is Auto-expire.")).toBeVisible();
        await expect(p.getByRole("radio", { name: "Auto-expire" })).toBeChecked();
        await p.getByLabel("Domain name").fill(name);
        await expect(availability(p)).toHaveText("Available");
        await pickHandle(p, "Registrant handle", "Bageriet", "BKA101-DK");
        await fillNameServers(p);
        await p.getByRole("button", { name: "Register", exact: true }).click();
        await expect(p.getByRole("heading", { level: 1, name: `${name}.dk` })).toBeVisible({ timeout: 30_000 });
        await expect(p.getByRole("definition").filter({ hasText: /^Auto-expire$/ })).toBeVisible();
      });
    } finally {
      await page.getByRole("radio", { name: "Auto-renew" }).check();
      await page.getByRole("button", { name: "Save defaults" }).click();
      await expect(saved.last()).toBeVisible();
    }
  });
});
