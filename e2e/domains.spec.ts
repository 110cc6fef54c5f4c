import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD } from "./support";

// The machine these run on is shared and slow at times: generous limits, never sleeps.
test.describe.configure({ timeout: 120_000 });

/** support.ts's logIn with room for a slow Argon2 check on a busy machine. */
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

// Issue 14: the domain list (search, filters, sort, keyset pages, CSV export) and the domain's
// own page, as the demo users see them. Demo's seeded suspended domains (prisma/seed/demo.ts).
const SUSPENDED = ["opsagt-demo.dk", "udloebet-1.dk", "udloebet-2.dk", "udloebet-3.dk"];

const table = (page: Page) =>
  page.getByRole("table", {
    name: /Domain names in your portfolio|Domænenavne i jeres portefølje/,
  });
const rows = (page: Page) => table(page).locator("tbody tr");
/** The U-labels of the rows shown, in order (each row's first link), once the table has settled. */
async function shownNames(page: Page): Promise<string[]> {
  await expect(table(page)).not.toHaveAttribute("aria-busy", "true");
  await expect(table(page).locator("tbody tr[aria-hidden]")).toHaveCount(0);
  // the domain link of each row (a selection checkbox comes first for users with a bulk action)
  return table(page).locator('tbody tr td a[href^="/domains/"]').allInnerTexts();
}

async function search(page: Page, text: string) {
  await page.getByLabel("Search domains").fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByLabel("Search domains")).toHaveValue(text);
}

async function chooseFilter(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Rows of a CSV text (RFC 4180 without quoted commas in the values used here). */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));
}

test.describe("as registrar@demo.test", () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, "registrar@demo.test");
    await page.goto("/domains");
    await expect(page.getByRole("heading", { level: 1, name: "Domain names" })).toBeVisible();
  });

  test("search finds søbakke.dk by U-label and by A-label", async ({ page }) => {
    await search(page, "søbakke");
    await expect(rows(page)).toHaveCount(1);
    await expect(table(page).getByRole("link", { name: "søbakke.dk" })).toBeVisible();
    await expect(table(page).getByText("A-label xn--sbakke-bya.dk")).toBeVisible();
    await expect(page.getByText("1 domain name", { exact: true })).toBeVisible();

    await search(page, "XN--SBAKKE-BYA");
    await expect(rows(page)).toHaveCount(1);
    await expect(table(page).getByRole("link", { name: "søbakke.dk" })).toBeVisible();
  });

  test("State = Suspended lists the suspended domains; sorted by expiry; exported exactly", async ({
    page,
  }) => {
    await chooseFilter(page, "State", "Suspended");
    await expect(page).toHaveURL(/state=SUSPENDED/);
    await expect(rows(page).first()).toContainText("Suspended");
    const names = await shownNames(page);
    for (const name of SUSPENDED) expect(names).toContain(name);
    const states = await table(page).locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(states.every((s) => s.trim() === "Suspended")).toBe(true);

    // sort by expiry: the column header's button
    await table(page).getByRole("button", { name: "Expiry date" }).click();
    await expect(page).toHaveURL(/sort=expiry/);
    await shownNames(page);
    await expect(table(page).getByRole("columnheader", { name: "Expiry date" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    const dates = (await table(page).locator("tbody tr td:nth-child(3)").allInnerTexts()).map((d) =>
      Date.parse(d),
    );
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const sortedNames = await shownNames(page);

    // the export is this list: same rows, same order
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^domains-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const csv = parseCsv(await readFile(path!, "utf8"));
    expect(csv[0]).toEqual([
      "domain",
      "a_label",
      "state",
      "expiry_date",
      "renewal_policy",
      "management",
      "registrant",
      "created",
    ]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(sortedNames);
    expect(csv.slice(1).every((r) => r[2] === "SUSPENDED")).toBe(true);
  });

  test("pages forward and back at 25 a page", async ({ page }) => {
    await expect(page.getByLabel("Rows per page")).toHaveValue("25");
    await expect(rows(page)).toHaveCount(25);
    const first = await shownNames(page);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(rows(page).first()).not.toHaveText(first[0]!);
    const second = await shownNames(page);
    expect(second).toHaveLength(25);
    expect(second.some((n) => first.includes(n))).toBe(false);
    await page.getByRole("button", { name: "Previous" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect.poll(() => shownNames(page)).toEqual(first);
    await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();
  });

  test("a search with no results, and the page, are accessible in English and Danish", async ({
    page,
  }) => {
    await expectAccessible(page, "/domains (en)");
    await search(page, "findes-ikke-zq");
    await expect(page.getByText("No results")).toBeVisible();
    await expectAccessible(page, "/domains no results (en)");

    // the header's switch: the user's stored choice outranks a cookie (another spec may have stored English)
    await page.goto("/domains");
    await switchLanguage(page, "Dansk");
    try {
      await expect(page.getByRole("heading", { level: 1, name: "Domænenavne" })).toBeVisible();
      await expectAccessible(page, "/domains (da)");
      await page.goto("/domains?q=findes-ikke-zq");
      await expect(page.getByRole("heading", { level: 1, name: "Domænenavne" })).toBeVisible();
      await expect(page.getByText("Ingen domænenavne", { exact: true })).toBeVisible();
      await expectAccessible(page, "/domains no results (da)");
      await page.goto("/domains/søbakke.dk");
      await expect(page.getByRole("heading", { level: 1, name: "søbakke.dk" })).toBeVisible();
      await expectAccessible(page, "/domains/søbakke.dk (da)");
    } finally {
      await switchLanguage(page, "English");
    }
  });

  test("the domain's page: state in words, breadcrumbs, A-label in the URL", async ({ page }) => {
    await page.goto("/domains/xn--sbakke-bya.dk");
    await expect(page.getByRole("heading", { level: 1, name: "søbakke.dk" })).toBeVisible();
    await expect(page.getByText(/^Active: renews automatically on /)).toBeVisible();
    await expect(
      page
        .getByRole("navigation", { name: /Breadcrumb/i })
        .getByRole("link", { name: "Domain names" }),
    ).toBeVisible();
    await expect(page.getByText("MN2-DK — Mette Nielsen")).toBeVisible();
    await expectAccessible(page, "/domains/søbakke.dk (en)");

    await page.goto("/domains/opsagt-demo.dk");
    await expect(page.getByText(/^Suspended: restorable until /)).toBeVisible();
  });
});

test("nsa@demo.test: a domain's page shows its name servers with glue and its DS records", async ({
  page,
}) => {
  await logIn(page, "nsa@demo.test");
  await page.goto("/domains/demo-hosting.dk");
  const ns = page.getByRole("table", { name: "Name servers" });
  await expect(ns.getByRole("row", { name: /ns1\.demo-hosting\.dk/ })).toContainText("192.0.2.10");
  await expect(ns.getByRole("row", { name: /ns2\.demo-hosting\.dk/ })).toContainText(
    "2001:db8::11",
  );
  const ds = page.getByRole("table", { name: "DS records" });
  await expect(ds.locator("tbody tr")).toHaveCount(1);
  // possible now, and its form is in the portal (issue 17): a link to it
  await expect(
    page.getByRole("region", { name: "Actions" }).getByRole("link", { name: "Add DS record" }),
  ).toBeVisible();
});

test("payer@demo.test: the domain's page offers Renew, neither Cancel nor Issue transfer token", async ({
  page,
}) => {
  await logIn(page, "payer@demo.test");
  await page.goto("/domains/søbakke.dk");
  const actions = page.getByRole("region", { name: "Actions" });
  await expect(actions.getByRole("button", { name: "Renew" })).toBeVisible();
  // possible now: it opens the Renew dialog (issue 15)
  await expect(actions.getByRole("button", { name: "Renew", exact: true })).toBeEnabled();
  await expect(actions.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  await expect(actions.getByRole("button", { name: "Issue transfer token" })).toHaveCount(0);

  // a refused action says why: a suspended domain cannot be renewed
  await page.goto("/domains/opsagt-demo.dk");
  await expect(
    page
      .getByRole("region", { name: "Actions" })
      .getByText(/^Not possible now: only an active domain name can be renewed/),
  ).toBeVisible();
});

test("admin@demo.test (Administrator only) may not open the list or the export", async ({
  page,
}) => {
  await logIn(page, "admin@demo.test");
  const response = await page.goto("/domains");
  expect(response?.status()).toBe(403);
  const exported = await page.request.get("/domains/export");
  expect(exported.status()).toBe(403);
});

test("admin@other.test: a Demo domain's page is 404; no Demo domain in its list or export", async ({
  page,
}) => {
  await logIn(page, "admin@other.test");
  for (const name of ["søbakke.dk", "xn--sbakke-bya.dk", "findes-ikke.dk"]) {
    const response = await page.goto(`/domains/${name}`);
    expect(response?.status(), name).toBe(404);
  }
  await page.goto("/domains?size=100");
  const names = await shownNames(page);
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n.startsWith("other-"))).toBe(true);
  const exported = await page.request.get("/domains/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(
    /attachment; filename="domains-\d{4}-\d{2}-\d{2}\.csv"/,
  );
  const csv = parseCsv(await exported.text());
  expect(csv.length).toBeGreaterThan(1);
  expect(csv.slice(1).every((r) => r[1]!.startsWith("other-"))).toBe(true);
});
