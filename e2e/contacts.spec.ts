import { expect, type Page, test } from "@playwright/test";
import { actionId } from "../tests/security/http";
import { expectAccessible, switchLanguage } from "./axe";
import { logIn } from "./support";

// Issue 13 (R-CON-1): the registrar's customer contacts, as people use them. Every spec shares one
// server and its demo data: this one makes its own contacts, with a random suffix.

const suffix = () => Math.random().toString(36).slice(2, 8);

async function openContacts(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Contacts" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
}

async function searchContacts(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search contacts" }).fill(text);
  await page.getByRole("searchbox", { name: "Search contacts" }).press("Enter");
}

async function fillCompany(page: Page, name: string) {
  await page.getByLabel("Type").selectOption({ label: "Company" });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Street", { exact: true }).fill("Testvej 1");
  await page.getByLabel("Postal code").fill("8000");
  await page.getByLabel("City").fill("Aarhus C");
  await page.getByLabel("Country").selectOption("DK");
  await page.getByLabel("Email").fill(`kontakt-${name.split(" ")[1]}@firma.test`);
  await page.getByLabel("Phone").fill("+45 12 34 56 78");
  await page.getByLabel("CVR number").fill("25313763");
}

test("R-CON-1 a Proxy creates a company contact: listed with its issued handle id and the phone in E.164", async ({
  page,
}) => {
  const name = `Firma ${suffix()} ApS`;
  await logIn(page, "proxy@demo.test");
  await openContacts(page);
  await expectAccessible(page, "/contacts");
  await page.getByRole("link", { name: "Create contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create contact" })).toBeVisible();
  await expectAccessible(page, "/contacts/new");
  await fillCompany(page, name);
  await page.getByRole("button", { name: "Create contact" }).click();

  // the contact's page, with the id the registry issued
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/contacts\/F[A-Z]{0,2}\d+-DK$/);
  const handle = page.url().split("/").at(-1)!;
  await expect(page.getByText("+4512345678")).toBeVisible();
  await expectAccessible(page, "/contacts/[handle]");

  await openContacts(page);
  await searchContacts(page, name);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: handle })).toBeVisible();
  await expect(row.getByRole("cell", { name: "+4512345678" })).toBeVisible();
  // and by the handle id and the CVR number
  await searchContacts(page, handle.toLowerCase());
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(1);
});

test("R-CON-1 an invalid CVR, country or phone is refused at its field, the typed values kept", async ({
  page,
}) => {
  const name = `Fejl ${suffix()} ApS`;
  await logIn(page, "proxy@demo.test");
  await page.goto("/contacts/new");
  await fillCompany(page, name);
  await page.getByLabel("CVR number").fill("12345678");
  await page.getByLabel("Phone").fill("+45 12 34");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByLabel("CVR number")).toHaveAccessibleDescription(/valid CVR number/);
  await expect(page.getByLabel("Phone")).toHaveAccessibleDescription(/valid phone number/);
  await expect(page.getByLabel("CVR number")).toHaveValue("12345678");
  await expect(page.getByLabel("Phone")).toHaveValue("+45 12 34");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expectAccessible(page, "/contacts/new with errors");

  // a country that is no ISO 3166-1 code, posted past the form: refused at the country field
  await page.getByLabel("CVR number").fill("25313763");
  await page.getByLabel("Phone").fill("+45 12 34 56 78");
  await page.getByLabel("Country").evaluate((select: HTMLSelectElement) => {
    const option = document.createElement("option");
    option.value = "QQ";
    option.text = "Atlantis";
    select.append(option);
    select.value = "QQ";
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByLabel("Country")).toHaveAccessibleDescription(
    /Choose a country from the list/,
  );
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page).toHaveURL(/\/contacts\/new$/);
});

test("R-CON-1 renaming a contact that is a registrant is refused, naming the change of registrant; changing its email works", async ({
  page,
}) => {
  await logIn(page, "proxy@demo.test");
  await page.goto("/contacts/BKA101-DK");
  await expect(page.getByRole("heading", { level: 1, name: "Bageriet Kornet ApS" })).toBeVisible();
  // its domains by role
  await expect(
    page
      .getByRole("region", { name: "Registrant" })
      .getByRole("link", { name: "bageriet-kornet.dk" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Edit contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit contact" })).toBeVisible();
  await expectAccessible(page, "/contacts/[handle]/edit");

  await page.getByLabel("Name", { exact: true }).fill("Bageriet Kornet & Søn ApS");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    /change of registrant/,
  );
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Bageriet Kornet & Søn ApS");

  const email = `bager-${suffix()}@kornet.test`;
  await page.getByLabel("Name", { exact: true }).fill("Bageriet Kornet ApS");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bageriet Kornet ApS" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  // and its history says so
  await expect(page.getByRole("region", { name: "History" })).toContainText(email);
});

test("R-CON-1 as the Registrar: the list is visible, Create contact is not, and posting the create action anyway is refused", async ({
  page,
}) => {
  await logIn(page, "registrar@demo.test");
  await openContacts(page);
  await expect(page.getByRole("row", { name: /Bageriet Kornet ApS/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create contact" })).toHaveCount(0);
  const response = await page.request.get("/contacts/new", { maxRedirects: 0 });
  expect(response.status()).toBe(403);
  await page.goto("/contacts/BKA101-DK");
  await expect(page.getByRole("link", { name: "Edit contact" })).toHaveCount(0);

  const name = `Forbudt ${suffix()} ApS`;
  const post = await page.request.post("/contacts", {
    headers: {
      "next-action": actionId("createContactAction"),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: JSON.stringify([
      {
        type: "COMPANY",
        name,
        street1: "Testvej 1",
        postalCode: "8000",
        city: "Aarhus C",
        countryCode: "DK",
        email: "x@firma.test",
        phone: "+45 12 34 56 78",
        cvr: "25313763",
      },
    ]),
  });
  expect(await post.text()).toContain("NOT_AUTHORIZED");
  await page.goto("/contacts");
  await searchContacts(page, name);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
});

test("R-CON-1 Other Registrar never sees Demo's contacts: not listed, not found, its page is 404", async ({
  page,
}) => {
  await logIn(page, "admin@other.test");
  await openContacts(page);
  await expect(page.getByRole("row", { name: /Odder Cykler A\/S/ })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(
    /Bageriet Kornet|Jensen Consulting|BKA101-DK|demo\.test/,
  );
  await searchContacts(page, "Bageriet");
  await expect(page.getByRole("row", { name: /Bageriet/ })).toHaveCount(0);
  await searchContacts(page, "BKA101-DK");
  await expect(page.getByRole("row", { name: /BKA101/ })).toHaveCount(0);
  for (const path of ["/contacts/BKA101-DK", "/contacts/BKA101-DK/edit", "/contacts/NO-SUCH-DK"]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("R-CON-1 the contact pages are accessible in Danish", async ({ page }) => {
  await logIn(page, "proxy@demo.test");
  await page.goto("/contacts");
  await switchLanguage(page, "Dansk");
  try {
    await expect(page.getByRole("heading", { level: 1, name: "Kontakter" })).toBeVisible();
    await expectAccessible(page, "/contacts (da)");
    await page.getByRole("link", { name: "Opret kontakt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Opret kontakt" })).toBeVisible();
    await page.getByRole("button", { name: "Opret kontakt" }).click();
    await expect(page.getByLabel("Navn", { exact: true })).toHaveAccessibleDescription(
      /Angiv navnet/,
    );
    await expectAccessible(page, "/contacts/new (da, with errors)");
    await page.goto("/contacts/BKA101-DK");
    await expect(
      page.getByRole("heading", { level: 1, name: "Bageriet Kornet ApS" }),
    ).toBeVisible();
    await expectAccessible(page, "/contacts/[handle] (da)");
    await page.getByRole("link", { name: "Ret kontakt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ret kontakt" })).toBeVisible();
    await expectAccessible(page, "/contacts/[handle]/edit (da)");
  } finally {
    // the switch stored Danish on the user: set it back
    await switchLanguage(page, "English");
  }
});
