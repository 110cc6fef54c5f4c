import { type Browser, expect as baseExpect, type Page, test } from "@playwright/test";
import { authenticator } from "otplib";
import { expectAccessible, switchLanguage } from "./axe";
import { actionId } from "../tests/security/http";
import { logIn, PASSWORD, TOTP_SECRET } from "./support";

// Issue 16, items 1–3: transfer tokens (R-TOK-1/2), transfer in (R-TOK-3) and change of
// registrant (R-CHG-1…3), as people use them. All specs share one server and its demo data: the
// domains moved or changed here are used by no other spec (sushi-, vinhandel-, pizzeria-,
// kaffebar-, isbutik-, slagter-demo.dk), the transferred one is transferred back at the end, and
// the new registrants are contacts this spec creates.

test.describe.configure({ timeout: 180_000 });
// a busy machine: a server action and the page it refreshes can take seconds
const expect = baseExpect.configure({ timeout: 20_000 });

const suffix = () => Math.random().toString(36).slice(2, 8);
const toast = (page: Page) => page.locator("[data-sonner-toast]");

/** A server action posted as the page's user, past any button (what a forged request does). */
async function postAction(
  page: Page,
  path: string,
  action: string,
  input: unknown,
): Promise<string> {
  const response = await page.request.post(path, {
    headers: {
      "next-action": actionId(action),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: JSON.stringify([input]),
  });
  return response.text();
}

async function newPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

/** On the domain's page: "Issue transfer token", read the token shown once, close. */
async function issueToken(
  page: Page,
  name: string,
  check?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await page.goto(`/domains/${name}`);
  await page.getByRole("button", { name: "Issue transfer token" }).click();
  const dialog = page.getByRole("dialog", { name: `Issue a transfer token for ${name}?` });
  await expect(dialog).toBeVisible();
  await check?.(dialog);
  await dialog.getByRole("button", { name: "Issue token" }).click();
  const shown = page.getByRole("dialog", { name: `Transfer token for ${name}`, exact: true });
  const token = await shown.getByLabel("Transfer token", { exact: true }).inputValue();
  expect(token).toMatch(/^REG-TRANSFER-[0-9a-f]{32}$/);
  await expect(shown.getByText(/^Valid until /)).toBeVisible();
  return { token, shown };
}

async function transferIn(page: Page, name: string, token: string) {
  await page.goto("/domains/transfer");
  await page.getByLabel("Domain name").fill(name);
  await page.getByLabel("Token").fill(token);
  await page.getByRole("button", { name: "Transfer", exact: true }).click();
}

test("R-TOK-1/3 Demo's Proxy issues a token shown once; Other's Registrar transfers the domain in: both told, Other billed; and back", async ({
  browser,
}) => {
  const name = "sushi-demo.dk";
  const proxy = await newPage(browser, "proxy@demo.test");
  const { token, shown } = await issueToken(proxy, name, async (dialog) => {
    // a user without TOTP is not asked for a code
    await expect(dialog.getByLabel("Authentication code")).toHaveCount(0);
    await expectAccessible(proxy, "issue transfer token dialog");
  });
  await shown.getByRole("button", { name: "Copy token" }).click();
  await expect(toast(proxy).filter({ hasText: "The token was copied." })).toBeVisible();
  expect(await proxy.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expectAccessible(proxy, "issued transfer token dialog");
  await shown.getByRole("button", { name: "Done" }).click();
  // never again: not after closing, not after a reload
  await proxy.reload();
  await expect(proxy.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(proxy.getByText(token)).toHaveCount(0);
  expect(await proxy.content()).not.toContain(token.slice(13));
  await expect(proxy.getByText("REG-TRANSFER", { exact: true })).toBeVisible();

  // the portfolio's open tokens: domain, kind, issued by, issued, expires
  await proxy.goto("/domains");
  await proxy.getByRole("link", { name: "Transfer tokens" }).click();
  await expect(proxy.getByRole("heading", { level: 1, name: "Transfer tokens" })).toBeVisible();
  const row = proxy.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("REG-TRANSFER");
  await expect(row).toContainText("proxy@demo.test");
  await expectAccessible(proxy, "/domains/tokens");

  // Other's Registrar: the fee and the balance before "Transfer", then the domain's page
  const other = await newPage(browser, "admin@other.test");
  await other.goto("/domains");
  await other.getByRole("link", { name: "Transfer domain" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Transfer domain" })).toBeVisible();
  await expect(other.getByText("Transfer fee")).toBeVisible();
  await expect(other.getByText(/^DKK\s45\.00$/)).toBeVisible();
  await expect(other.getByText("Your balance")).toBeVisible();
  await expectAccessible(other, "/domains/transfer");
  await transferIn(other, name, token);
  await expect(other).toHaveURL(new RegExp(`/domains/${name}$`), { timeout: 30_000 });
  await expect(other.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(
    toast(other).filter({
      hasText: new RegExp(`${name} was transferred to you; DKK\\s45\\.00 was charged\\.`),
    }),
  ).toBeVisible();

  // it left Demo's list and is in Other's
  await proxy.goto(`/domains?q=${name}`);
  await expect(proxy.getByRole("link", { name, exact: true })).toHaveCount(0);
  expect((await proxy.goto(`/domains/${name}`))?.status()).toBe(404);
  await other.goto(`/domains?q=${name}`);
  await expect(other.getByRole("link", { name, exact: true })).toBeVisible();

  // both are told; Other's ledger shows the fee
  await other.goto("/messages?type=TRANSFER_IN");
  await expect(
    other.getByText(`${name} was transferred to you from Demo Registrar A/S`).first(),
  ).toBeVisible();
  await proxy.goto("/messages?type=TRANSFER_OUT");
  await expect(
    proxy.getByText(`${name} was transferred to Other Registrar ApS.`).first(),
  ).toBeVisible();
  await other.goto(`/billing/ledger?domain=${name}`);
  await expect(other.getByRole("row").filter({ hasText: "45.00" }).first()).toBeVisible();

  // and back: Other's Proxy issues a token, Demo's Registrar transfers it in
  const back = await issueToken(other, name);
  await back.shown.getByRole("button", { name: "Done" }).click();
  const registrar = await newPage(browser, "registrar@demo.test");
  await transferIn(registrar, name, back.token);
  await expect(registrar.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  expect((await other.goto(`/domains/${name}`))?.status()).toBe(404);
});

test("R-TOK-2 retracted tokens (Retract selected) are refused as invalid at the field and nothing moves", async ({
  browser,
}) => {
  const proxy = await newPage(browser, "proxy@demo.test");
  const first = await issueToken(proxy, "vinhandel-demo.dk");
  await first.shown.getByRole("button", { name: "Done" }).click();
  const second = await issueToken(proxy, "pizzeria-demo.dk");
  await second.shown.getByRole("button", { name: "Done" }).click();

  await proxy.goto("/domains/tokens");
  await proxy.getByRole("checkbox", { name: "Select vinhandel-demo.dk REG-TRANSFER" }).check();
  await proxy.getByRole("checkbox", { name: "Select pizzeria-demo.dk REG-TRANSFER" }).check();
  await proxy.getByRole("button", { name: "Retract selected" }).click();
  const confirm = proxy.getByRole("alertdialog", { name: "Retract 2 tokens?" });
  await expectAccessible(proxy, "retract selected dialog");
  await confirm.getByRole("button", { name: "Retract selected" }).click();
  await expect(toast(proxy).filter({ hasText: "2 tokens were retracted." })).toBeVisible();
  await expect(proxy.getByRole("row").filter({ hasText: "vinhandel-demo.dk" })).toHaveCount(0);
  await expect(proxy.getByRole("row").filter({ hasText: "pizzeria-demo.dk" })).toHaveCount(0);

  const other = await newPage(browser, "admin@other.test");
  await transferIn(other, "vinhandel-demo.dk", first.token);
  await expect(other.getByLabel("Token")).toHaveAccessibleDescription(/The token is not valid\./);
  await expect(other.getByLabel("Token")).toHaveValue(first.token);
  await expect(other).toHaveURL(/\/domains\/transfer$/);
  await expectAccessible(other, "/domains/transfer refused");
  expect((await other.goto("/domains/vinhandel-demo.dk"))?.status()).toBe(404);
  await proxy.goto("/domains/vinhandel-demo.dk");
  await expect(proxy.getByRole("heading", { level: 1, name: "vinhandel-demo.dk" })).toBeVisible();
  await expect(proxy.getByText("No open tokens")).toBeVisible();

  // one token retracted with its own "Retract" button
  const third = await issueToken(proxy, "pizzeria-demo.dk");
  await third.shown.getByRole("button", { name: "Done" }).click();
  await proxy.goto("/domains/tokens");
  await proxy
    .getByRole("button", { name: "Retract the REG-TRANSFER token for pizzeria-demo.dk" })
    .click();
  await proxy
    .getByRole("alertdialog", { name: "Retract the REG-TRANSFER token for pizzeria-demo.dk?" })
    .getByRole("button", { name: "Retract" })
    .click();
  await expect(toast(proxy).filter({ hasText: "1 token was retracted." })).toBeVisible();
  await expect(proxy.getByRole("row").filter({ hasText: "pizzeria-demo.dk" })).toHaveCount(0);
});

test("DESIGN §5 totp@demo.test gives an authentication code to issue a token; a wrong one is refused at the field", async ({
  page,
}) => {
  const codeAt = (offsetSeconds: number) =>
    authenticator.clone({ epoch: Date.now() + offsetSeconds * 1000 }).generate(TOTP_SECRET);
  await page.goto("/login");
  await page.getByLabel("Email").fill("totp@demo.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByLabel("Authentication code").fill(codeAt(0));
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ })).toBeVisible(
    { timeout: 20_000 },
  );

  await page.goto("/domains/kaffebar-demo.dk");
  await page.getByRole("button", { name: "Issue transfer token" }).click();
  const dialog = page.getByRole("dialog", { name: "Issue a transfer token for kaffebar-demo.dk?" });
  const code = dialog.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await code.fill("000000");
  await dialog.getByRole("button", { name: "Issue token" }).click();
  await expect(code).toHaveAccessibleDescription(/Enter a fresh two-factor code/);
  await expect(
    page.getByRole("dialog", { name: "Transfer token for kaffebar-demo.dk", exact: true }),
  ).toHaveCount(0);
  await expectAccessible(page, "issue token dialog with a refused code");
  // the login used this step's code: the next step's is fresh
  await code.fill(codeAt(30));
  await dialog.getByRole("button", { name: "Issue token" }).click();
  const shown = page.getByRole("dialog", {
    name: "Transfer token for kaffebar-demo.dk",
    exact: true,
  });
  await expect(shown.getByLabel("Transfer token", { exact: true })).toHaveValue(
    /^REG-TRANSFER-[0-9a-f]{32}$/,
  );
});

/** Creates a company contact (a new registrant with no terms accepted yet); returns its handle. */
async function createContact(page: Page): Promise<string> {
  const name = `Overdrag ${suffix()} ApS`;
  await page.goto("/contacts/new");
  await page.getByLabel("Type").selectOption({ label: "Company" });
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Street", exact: true }).fill("Testvej 1");
  await page.getByLabel("Postal code").fill("8000");
  await page.getByLabel("City").fill("Aarhus C");
  await page.getByLabel("Country").selectOption("DK");
  await page.getByLabel("Email").fill(`kontakt-${suffix()}@firma.test`);
  await page.getByLabel("Phone").fill("+45 12 34 56 78");
  await page.getByLabel("CVR number").fill("25313763");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  return page.url().split("/").at(-1)!;
}

/** "Change registrant" on the domain's page: pick the handle, optionally the order confirmation. */
async function openChange(page: Page, domain: string, handle: string) {
  await page.goto(`/domains/${domain}`);
  await page.getByRole("button", { name: "Change registrant" }).click();
  const dialog = page.getByRole("dialog", { name: `Change the registrant of ${domain}` });
  await dialog.getByRole("combobox", { name: "New registrant" }).fill(handle);
  await page.getByRole("option", { name: new RegExp(handle) }).click();
  return dialog;
}

/** Copenhagen wall time `minutes` from now, as a datetime-local value. */
function copenhagenWallTime(minutes: number): string {
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Copenhagen",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(Date.now() + minutes * 60_000));
  return text.replace(" ", "T");
}

test("R-CHG-2 change of registrant with an order confirmation is done at once; a confirmation too far ahead is refused at its field", async ({
  page,
}) => {
  await logIn(page, "proxy@demo.test");
  const handle = await createContact(page);
  const dialog = await openChange(page, "isbutik-demo.dk", handle);
  await expect(dialog.getByText(/A change of registrant costs DKK\s50\.00/)).toBeVisible();
  const confirmed = dialog.getByLabel("Order confirmed by the registrant at");
  await confirmed.fill(copenhagenWallTime(3 * 24 * 60));
  await dialog.getByRole("button", { name: "Change registrant" }).click();
  await expect(confirmed).toHaveAccessibleDescription(/order confirmation is not valid/i);
  await expectAccessible(page, "change registrant dialog with a refused confirmation");
  await confirmed.fill(copenhagenWallTime(-60));
  await dialog.getByRole("button", { name: "Change registrant" }).click();
  await expect(
    toast(page).filter({ hasText: `The registrant of isbutik-demo.dk is now ${handle}.` }),
  ).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText(new RegExp(`^${handle} — `))).toBeVisible();
});

test("R-CHG-3 a pending change (terms by email): the request page shows its steps and deadline; Cancel request ends it", async ({
  page,
}) => {
  await logIn(page, "proxy@demo.test");
  const handle = await createContact(page);
  const dialog = await openChange(page, "slagter-demo.dk", handle);
  await expectAccessible(page, "change registrant dialog");
  await dialog.getByRole("button", { name: "Change registrant" }).click();
  await expect(page).toHaveURL(/\/domains\/slagter-demo\.dk\/registrant-change$/, {
    timeout: 30_000,
  });
  await expect(
    toast(page).filter({ hasText: `The change of slagter-demo.dk to ${handle} is pending.` }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Change of registrant" })).toBeVisible();
  const steps = page
    .getByRole("list")
    .filter({ hasText: "Terms requested from the new registrant by email" });
  await expect(steps.getByRole("listitem").nth(0)).toContainText("Done");
  await expect(steps.getByRole("listitem").nth(1)).toContainText("Waiting");
  await expect(steps.getByRole("listitem").nth(1)).toContainText(
    /Possible until .*23:59|Possible until/,
  );
  await expect(steps.getByRole("listitem").nth(2)).toContainText("ID control by the registry");
  await expectAccessible(page, "/domains/[name]/registrant-change (en)");

  // the domain's page leads to the pending request instead of a new change
  await page.goto("/domains/slagter-demo.dk");
  await page.getByRole("link", { name: "Change of registrant request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change of registrant" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel request" }).click();
  const confirm = page.getByRole("alertdialog", {
    name: "Cancel the change of registrant of slagter-demo.dk?",
  });
  await expectAccessible(page, "cancel request dialog");
  await confirm.getByRole("button", { name: "Cancel request" }).click();
  await expect(
    toast(page).filter({ hasText: "The change of registrant of slagter-demo.dk was cancelled." }),
  ).toBeVisible();
  await expect(page.getByText("Cancelled by the registrar")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);

  // in Danish, by the header's switch (the user's stored choice outranks a cookie), and back
  await switchLanguage(page, "Dansk");
  try {
    await expect(page.getByRole("heading", { level: 1, name: "Registrantskifte" })).toBeVisible();
    await expectAccessible(page, "/domains/[name]/registrant-change (da)");
  } finally {
    await switchLanguage(page, "English");
  }
});

test("each role sees only its own transfer actions: buttons, 403 pages; Other Registrar gets 404 on Demo's request page", async ({
  browser,
}) => {
  const registrar = await newPage(browser, "registrar@demo.test");
  await registrar.goto("/domains/demo-hosting.dk");
  await expect(registrar.getByRole("heading", { level: 1, name: "demo-hosting.dk" })).toBeVisible();
  await expect(registrar.getByRole("button", { name: "Issue transfer token" })).toHaveCount(0);
  await expect(registrar.getByRole("button", { name: "Change registrant" })).toHaveCount(0);
  expect((await registrar.goto("/domains/tokens"))?.status()).toBe(403);
  expect((await registrar.goto("/domains/demo-hosting.dk/registrant-change"))?.status()).toBe(403);
  // and their actions posted anyway are refused
  expect(
    await postAction(registrar, "/domains/demo-hosting.dk", "issueTransferTokenAction", {
      name: "demo-hosting.dk",
    }),
  ).toContain("NOT_AUTHORIZED");
  expect(
    await postAction(registrar, "/domains/demo-hosting.dk", "changeRegistrantAction", {
      name: "demo-hosting.dk",
      newRegistrant: "MN2-DK",
    }),
  ).toContain("NOT_AUTHORIZED");
  expect(
    await postAction(registrar, "/domains/tokens", "retractTokensAction", {
      tokenIds: ["00000000-0000-4000-8000-000000000000"],
    }),
  ).toContain("NOT_AUTHORIZED");
  await registrar.goto("/domains");
  await expect(registrar.getByRole("link", { name: "Transfer domain" })).toBeVisible();
  await expect(registrar.getByRole("link", { name: "Transfer tokens" })).toHaveCount(0);

  const proxy = await newPage(browser, "proxy@demo.test");
  expect((await proxy.goto("/domains/transfer"))?.status()).toBe(403);
  expect(
    await postAction(proxy, "/domains", "transferDomainAction", {
      name: "other-mad.dk",
      token: "REG-TRANSFER-00000000000000000000000000000000",
    }),
  ).toContain("NOT_AUTHORIZED");
  await proxy.goto("/domains");
  await expect(proxy.getByRole("link", { name: "Transfer tokens" })).toBeVisible();
  await expect(proxy.getByRole("link", { name: "Transfer domain" })).toHaveCount(0);

  const payer = await newPage(browser, "payer@demo.test");
  expect((await payer.goto("/domains/transfer"))?.status()).toBe(403);
  expect((await payer.goto("/domains/tokens"))?.status()).toBe(403);
  await payer.goto("/domains/demo-hosting.dk");
  await expect(payer.getByRole("button", { name: "Issue transfer token" })).toHaveCount(0);

  const other = await newPage(browser, "admin@other.test");
  expect((await other.goto("/domains/demo-hosting.dk/registrant-change"))?.status()).toBe(404);
  expect((await other.goto("/domains/findes-slet-ikke.dk/registrant-change"))?.status()).toBe(404);
  // Other's own tokens page and transfer page, in Danish (the header's switch; back at the end)
  await other.goto("/domains/tokens");
  await switchLanguage(other, "Dansk");
  try {
    await otherInDanish(other);
  } finally {
    await other.keyboard.press("Escape");
    await switchLanguage(other, "English");
  }
});

async function otherInDanish(other: Page) {
  await expect(other.getByRole("heading", { level: 1, name: "Overførselstokens" })).toBeVisible();
  await expectAccessible(other, "/domains/tokens (da)");
  await other.goto("/domains/transfer");
  await expect(other.getByRole("heading", { level: 1, name: "Overfør domænenavn" })).toBeVisible();
  await expectAccessible(other, "/domains/transfer (da)");
  // the dialogs of the domain's page, in Danish (Other's own domain)
  await other.goto("/domains/other-hosting.dk");
  await other.getByRole("button", { name: "Udsted overførselstoken" }).click();
  await expect(
    other.getByRole("dialog", { name: "Udsted et overførselstoken for other-hosting.dk?" }),
  ).toBeVisible();
  await expectAccessible(other, "issue transfer token dialog (da)");
  await other.keyboard.press("Escape");
  await other.getByRole("button", { name: "Skift registrant" }).click();
  await expect(
    other.getByRole("dialog", { name: "Skift registrant for other-hosting.dk" }),
  ).toBeVisible();
  await expectAccessible(other, "change registrant dialog (da)");
}
