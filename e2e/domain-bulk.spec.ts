import { expect, type Browser, type Page, test } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD } from "./support";

// Issue 15 item 6: bulk work from the domain list's selection — "Renew selected" (Payer) and
// "Set renewal policy" (Proxy): a preview per domain, then a job whose result page can be
// reloaded without anything applied twice. Seeded Demo domains no other spec touches; the
// ledger is compared per domain before and after, never as a global count.

test.describe.configure({ mode: "serial", timeout: 180_000 });

const RENEW = ["bageriet-demo.dk", "blomster-demo.dk", "boghandel-demo.dk"];
const NOT_RENEWABLE = "bk-fremad.dk"; // registrant-paid: its renewals are invoiced to its payer
const POLICY = ["cafe-hygge-demo.dk", "cykelsmed-demo.dk"];

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ })).toBeVisible(
    {
      timeout: 30_000,
    },
  );
}

const table = (page: Page) =>
  page.getByRole("table", {
    name: /Domain names in your portfolio|Domænenavne i jeres portefølje/,
  });

/** The list searched by a prefix, settled. */
async function listDomains(page: Page, prefix: string) {
  await page.goto(`/domains?q=${encodeURIComponent(prefix)}&size=100`);
  await expect(table(page)).toBeVisible();
  await expect(table(page).locator("tbody tr[aria-hidden]")).toHaveCount(0);
}

async function select(
  page: Page,
  names: string[],
  label: (name: string) => string = (n) => `Select ${n}`,
) {
  for (const name of names)
    await page.getByRole("checkbox", { name: label(name), exact: true }).check();
}

/** Renewal entries of one domain in the ledger (its CSV, filtered by domain and operation). */
async function renewalEntries(page: Page, domain: string): Promise<number> {
  const res = await page.request.get(`/billing/ledger/export?domain=${domain}&operation=RENEWAL`);
  expect(res.status()).toBe(200);
  const lines = (await res.text())
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((l) => l !== "");
  return lines.length - 1;
}

let jobUrl = "";

test("as all@demo.test: bulk-renew three domains after the preview; the one that cannot be renewed says why and is skipped; a reload bills nothing twice", async ({
  page,
}) => {
  await logIn(page, "all@demo.test");
  const before = Object.fromEntries(
    await Promise.all(RENEW.map(async (d) => [d, await renewalEntries(page, d)] as const)),
  );

  await listDomains(page, "b");
  await select(page, [...RENEW, NOT_RENEWABLE]);
  await expect(page.getByRole("region", { name: "4 selected" })).toBeVisible();
  await page.getByRole("button", { name: "Renew selected" }).click();

  const dialog = page.getByRole("alertdialog", { name: "Renew 4 selected domain names" });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole("table", { name: "What happens to each domain name" });
  for (const name of RENEW) {
    await expect(preview.getByRole("row", { name: new RegExp(name) })).toContainText(
      "Renewed: expiry",
    );
  }
  await expect(preview.getByRole("row", { name: new RegExp(NOT_RENEWABLE) })).toContainText(
    "Skipped: its renewals are invoiced to its payer, not paid by you.",
  );
  await expect(dialog.getByText("3 will be done, 1 skipped.")).toBeVisible();
  await expect(dialog.getByText("Total")).toBeVisible();
  await expect(dialog.getByText("Balance after")).toBeVisible();
  await expectAccessible(page, "bulk renew preview");

  await dialog.getByRole("button", { name: "Renew 3 domain names" }).click();
  await expect(page).toHaveURL(/\/domains\/bulk\/[0-9a-f-]{36}$/);
  jobUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Bulk renewal" })).toBeVisible();
  await expect(page.getByText("Finished: 3 done, 0 refused, 1 skipped.")).toBeVisible();
  const result = page.getByRole("table", { name: "Result per domain name" });
  for (const name of RENEW) {
    await expect(result.getByRole("row", { name: new RegExp(name) })).toContainText("Done");
  }
  await expect(result.getByRole("row", { name: new RegExp(NOT_RENEWABLE) })).toContainText(
    "Skipped",
  );
  await expectAccessible(page, "bulk renew result");

  // a reload only reads the job: every domain renewed and billed exactly once
  await page.reload();
  await expect(page.getByText("Finished: 3 done, 0 refused, 1 skipped.")).toBeVisible();
  for (const name of RENEW) expect(await renewalEntries(page, name), name).toBe(before[name]! + 1);

  // the result as CSV
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(file!, "utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  expect(lines[0]).toBe(
    "domain,a_label,outcome,expiry_before,new_expiry,charged_dkk,reason_code,reason",
  );
  expect(lines.filter((l) => l.includes(",SUCCEEDED,"))).toHaveLength(3);
  expect(lines.some((l) => l.startsWith(`${NOT_RENEWABLE},`) && l.includes(",SKIPPED,"))).toBe(
    true,
  );
});

test("as all@demo.test in Danish: bulk renewal policy to auto-expire for two domains; preview and result axe clean", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "all@demo.test");
  // the header's switch: the user's stored choice outranks a cookie (another spec may have stored English)
  await switchLanguage(page, "Dansk");
  try {
    await bulkPolicyInDanish(page);
  } finally {
    await switchLanguage(page, "English");
    await context.close();
  }
});

async function bulkPolicyInDanish(page: Page) {
  await listDomains(page, "c");
  await select(page, POLICY, (n) => `Vælg ${n}`);
  await page.getByRole("button", { name: "Skift fornyelse" }).click();
  const dialog = page.getByRole("alertdialog", {
    name: "Skift fornyelse for 2 valgte domænenavne",
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Ny fornyelse")).toBeVisible();
  const preview = dialog.getByRole("table", { name: "Hvad der sker med hvert domænenavn" });
  for (const name of POLICY) {
    await expect(preview.getByRole("row", { name: new RegExp(name) })).toContainText(
      "Skiftes til: Udløber automatisk",
    );
  }
  await expectAccessible(page, "bulk renewal policy preview (da)");
  await dialog.getByRole("button", { name: "Skift fornyelse for 2 domænenavne" }).click();

  await expect(page).toHaveURL(/\/domains\/bulk\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Samlet skift af fornyelse: Udløber automatisk" }),
  ).toBeVisible();
  await expect(page.getByText("Færdig: 2 gennemført, 0 afvist, 0 sprunget over.")).toBeVisible();
  await expectAccessible(page, "bulk renewal policy result (da)");

  await listDomains(page, "c");
  for (const name of POLICY) {
    await expect(table(page).getByRole("row", { name: new RegExp(name) })).toContainText(
      "Udløber automatisk",
    );
  }
}

/** Selects the first listed domain and returns the bulk buttons the user sees. */
async function bulkButtonsOf(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  await listDomains(page, "b");
  const checkboxes = page.getByRole("checkbox", { name: /^Select / });
  return { context, page, checkboxes };
}

test("registrar@demo.test sees no selection and neither bulk action", async ({ browser }) => {
  const { context, page, checkboxes } = await bulkButtonsOf(browser, "registrar@demo.test");
  await expect(table(page).getByRole("link", { name: "boghandel-demo.dk" })).toBeVisible();
  await expect(checkboxes).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Renew selected" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Set renewal policy" })).toHaveCount(0);
  await context.close();
});

test("payer@demo.test sees Renew selected only; proxy@demo.test Set renewal policy only", async ({
  browser,
}) => {
  const payer = await bulkButtonsOf(browser, "payer@demo.test");
  await payer.page.getByRole("checkbox", { name: "Select boghandel-demo.dk", exact: true }).check();
  await expect(payer.page.getByRole("button", { name: "Renew selected" })).toBeVisible();
  await expect(payer.page.getByRole("button", { name: "Set renewal policy" })).toHaveCount(0);
  await payer.context.close();

  const proxy = await bulkButtonsOf(browser, "proxy@demo.test");
  await proxy.page.getByRole("checkbox", { name: "Select boghandel-demo.dk", exact: true }).check();
  await expect(proxy.page.getByRole("button", { name: "Set renewal policy" })).toBeVisible();
  await expect(proxy.page.getByRole("button", { name: "Renew selected" })).toHaveCount(0);
  await proxy.context.close();
});

test("Other Registrar gets 404 on Demo's bulk job and its CSV", async ({ browser }) => {
  expect(jobUrl, "the renewal journey ran first").toMatch(/^\/domains\/bulk\//);
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "admin@other.test");
  const response = await page.goto(jobUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("boghandel-demo.dk")).toHaveCount(0);
  const csv = await page.request.get(`${jobUrl}/export`);
  expect(csv.status()).toBe(404);
  await context.close();
});
