import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD } from "./support";

// Issue 18 (R-PAY-1…3): the Payer's billing — balance, auto-renew forecast, the card top-up as a
// checkout that books once, the ledger and its CSV, invoices — in English and Danish.

// Journeys of many pages on a shared, busy machine.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/** support.ts's logIn, with this file's patience for a busy server. */
async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ }),
  ).toBeVisible();
}

/** "DKK 1,234.50" / "-DKK 45.00" / "1.234,50 kr." → øre. */
function ore(text: string): number {
  const t = text.replace(/\s/g, "");
  const negative = /^-|−/.test(t);
  const digits = /kr\.?$/.test(t)
    ? t.replace(/[^\d,]/g, "").replace(",", ".")
    : t.replace(/[^\d.]/g, "");
  const value = Math.round(Number(digits) * 100);
  return negative ? -value : value;
}

const copenhagenToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(new Date());

async function balance(page: Page): Promise<number> {
  await page.goto("/billing");
  return ore(await page.getByTestId("balance").innerText());
}

/** Card top-ups booked today, as the ledger's filter shows them. */
async function topUpsToday(page: Page): Promise<number> {
  const today = copenhagenToday();
  await page.goto(`/billing/ledger?from=${today}&to=${today}&operation=TOP_UP_CARD`);
  await expect(page.getByRole("heading", { level: 1, name: "Ledger" })).toBeVisible();
  return page.locator("tbody tr").count();
}

/** The DataTable has shown the rows of the URL it navigated to. */
async function settled(page: Page) {
  await expect(page.locator("table[aria-busy]")).toHaveCount(0);
  await expect(page.locator("tbody tr").first()).toBeVisible();
}

async function startTopUp(page: Page, amount: string) {
  await page.goto("/billing");
  await page
    .getByRole("navigation", { name: "Billing pages" })
    .getByRole("link", { name: "Top up" })
    .click();
  await page.getByLabel("Amount (DKK)").fill(amount);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Card payment" })).toBeVisible();
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Cardholder").fill("Pia Payer");
}

test.describe("issue 18: billing as payer@demo.test", () => {
  test("R-PAY-2: 500.00 DKK with 4242…: the balance rises once after a double click on Pay and a reload; the ledger shows one entry", async ({
    page,
  }) => {
    await logIn(page, "payer@demo.test");
    const before = await balance(page);
    await expectAccessible(page, "/billing (en)");
    const entriesBefore = await topUpsToday(page);

    await startTopUp(page, "500.00");
    await expectAccessible(page, "checkout (en)");
    const checkoutUrl = page.url();
    await fillCard(page, "4242 4242 4242 4242");
    const pay = page.getByRole("button", { name: "Pay DKK 500.00" });
    await pay.dblclick();
    await expect(page.getByRole("heading", { level: 1, name: "Payment received" })).toBeVisible();
    await expect(page.getByTestId("new-balance")).toHaveText(/DKK/);
    expect(ore(await page.getByTestId("new-balance").innerText())).toBe(before + 50_000);
    await expectAccessible(page, "success (en)");

    // a reload of the confirmation, and the checkout page again (back button), book nothing
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Payment received" })).toBeVisible();
    await page.goto(checkoutUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Payment received" })).toBeVisible();
    expect(await balance(page)).toBe(before + 50_000);
    expect(await topUpsToday(page)).toBe(entriesBefore + 1);
  });

  test("R-PAY-2: 4000 0000 0000 0002 fails with its reason and books nothing", async ({ page }) => {
    await logIn(page, "payer@demo.test");
    const before = await balance(page);
    const entriesBefore = await topUpsToday(page);
    await startTopUp(page, "75,00");
    await fillCard(page, "4000 0000 0000 0002");
    await page.getByRole("button", { name: "Pay DKK 75.00" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Payment failed" })).toBeVisible();
    const failedUrl = page.url();
    const reason = page.getByRole("main").getByRole("alert");
    await expect(reason).toContainText("the card was declined");
    await expect(reason).toContainText("Nothing was charged or booked");
    await expectAccessible(page, "failure (en)");
    expect(await balance(page)).toBe(before);
    expect(await topUpsToday(page)).toBe(entriesBefore);
    // "Try again" keeps the amount
    await page.goto(failedUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Payment failed" })).toBeVisible();
    await page.getByRole("link", { name: "Try again" }).click();
    await expect(page.getByLabel("Amount (DKK)")).toHaveValue("75.00");
  });

  test("issue 18: the amount and the card are refused at their fields", async ({ page }) => {
    await logIn(page, "payer@demo.test");
    await page.goto("/billing/top-up");
    await expectAccessible(page, "/billing/top-up (en)");
    await page.getByLabel("Amount (DKK)").fill("0.50");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByText("Enter an amount from 1.00 to 100,000.00 DKK.")).toBeVisible();
    await page.getByLabel("Amount (DKK)").fill("100000.01");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByText("Enter an amount from 1.00 to 100,000.00 DKK.")).toBeVisible();
    await page.getByLabel("Amount (DKK)").fill("20");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await fillCard(page, "4242 4242 4242 4241");
    await page.getByLabel("Expiry (MM/YY)").fill("13/30");
    await page.getByRole("button", { name: "Pay DKK 20.00" }).click();
    await expect(page.getByText("Enter a valid card number.")).toBeVisible();
    await expect(page.getByText("Enter the expiry as MM/YY.")).toBeVisible();
    await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, "checkout with errors (en)");
  });

  test("R-PAY-3: the exported CSV matches the ledger table", async ({ page }) => {
    await logIn(page, "payer@demo.test");
    await page.goto("/billing/ledger");
    await expectAccessible(page, "/billing/ledger (en)");
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        cells: [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim()),
      })),
    );
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
    const [header, ...lines] = file.trimEnd().split("\r\n").map(parseCsvLine);
    expect(header).toEqual([
      "id",
      "time",
      "operation",
      "amount_ore",
      "amount_dkk",
      "balance_after_ore",
      "domain",
      "period_months",
      "actor",
      "description",
    ]);
    expect(lines.length).toBeGreaterThanOrEqual(table.length);
    table.forEach((row, i) => {
      const csv = lines[i]!;
      expect(ore(row.cells[4]!), `amount of row ${i}`).toBe(Number(csv[3]));
      expect(ore(row.cells[5]!), `balance of row ${i}`).toBe(Number(csv[5]));
      expect(row.cells[3], `actor of row ${i}`).toBe(csv[8]);
    });
    // the running balance of the newest entry is the balance
    expect(Number(lines[0]![5])).toBe(await balance(page));
  });

  test("R-PAY-3: the ledger filters by operation and domain; a bad domain is refused at its field", async ({
    page,
  }) => {
    await logIn(page, "payer@demo.test");
    await page.goto("/billing/ledger");
    await page.getByRole("combobox", { name: "Operation" }).click();
    await page.getByRole("option", { name: "Registration", exact: true }).click();
    await expect(page).toHaveURL(/operation=REGISTRATION/);
    await settled(page);
    const ops = await page.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(ops.length).toBeGreaterThan(0);
    expect(new Set(ops)).toEqual(new Set(["Registration"]));
    const domain = (await page.locator("tbody tr td:nth-child(3)").first().innerText()).trim();
    await page.getByLabel("Domain name").fill(domain);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page).toHaveURL(/domain=/);
    await settled(page);
    const domains = await page.locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(new Set(domains.map((d) => d.trim()))).toEqual(new Set([domain]));
    await page.getByLabel("Domain name").fill("-ugyldig-");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page.getByLabel("Domain name")).toHaveAttribute("aria-invalid", "true");
  });

  test("issue 18: the forecast lists the auto-renew domains due within 30 days with their total; the alert threshold is saved", async ({
    page,
  }) => {
    await logIn(page, "payer@demo.test");
    await page.goto("/billing");
    const horizon = page.getByTestId("horizon-30");
    await expect(horizon).toContainText("Next 30 days");
    const count = Number((await horizon.innerText()).match(/(\d+) domain names?/)![1]);
    expect(count).toBeGreaterThan(0);
    const listed = page.locator("tbody tr", { hasText: "30 days" });
    await expect(listed).toHaveCount(count);
    // the demo's auto-renew domains expiring within 30 days (udloeber-1, -3, -5, -7) are among them
    for (const name of ["udloeber-1.dk", "udloeber-3.dk", "udloeber-5.dk", "udloeber-7.dk"]) {
      await expect(listed.filter({ hasText: name })).toHaveCount(1);
    }
    const prices = await listed.locator("td:last-child").allInnerTexts();
    const total = prices.reduce((sum, p) => sum + ore(p), 0);
    expect(ore((await horizon.innerText()).match(/-?DKK\s?[\d,]+\.\d\d/)![0])).toBe(total);
    await expect(page.getByTestId("fik-code")).toHaveText(/\d+/);
    await expect(page.getByTestId("bank-account")).toHaveText(/\d+/);

    // "Low-balance alert at": saved, then set back
    const field = page.getByLabel("Low-balance alert at");
    const original = await field.inputValue();
    await field.fill("abc");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter an amount in kroner, such as 500.00.")).toBeVisible();
    await field.fill("1234.50");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The low-balance alert is now DKK 1,234.50.")).toBeVisible();
    await expect(page.getByText("Current alert: DKK 1,234.50")).toBeVisible();
    await field.fill(original);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/^The low-balance alert is now/).last()).toBeVisible();
  });

  test("R-REN-2: invoices are listed with their states", async ({ page }) => {
    await logIn(page, "payer@demo.test");
    await page.goto("/billing/invoices");
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^All \(\d+\)$/ })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expectAccessible(page, "/billing/invoices (en)");
    await page.getByRole("link", { name: /^Open \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/state=OPEN/);
    const states = await page.locator("tbody tr td:last-child").allInnerTexts();
    expect(states.every((s) => s.startsWith("Open"))).toBe(true);
  });

  test("issue 18: the billing pages in Danish", async ({ page }) => {
    await logIn(page, "payer@demo.test");
    await switchLanguage(page, "Dansk");
    try {
      await page.goto("/billing");
      await expect(page.getByRole("heading", { level: 1, name: "Betaling" })).toBeVisible();
      await expect(page.getByText("Prognose for automatisk fornyelse")).toBeVisible();
      await expect(page.getByTestId("balance")).toHaveText(/kr\./);
      await expect(page.getByLabel("Advarsel om lav saldo ved")).toBeVisible();
      await expectAccessible(page, "/billing (da)");
      await page.goto("/billing/ledger");
      await expect(page.getByRole("link", { name: "Eksportér CSV" })).toBeVisible();
      await expectAccessible(page, "/billing/ledger (da)");
      await page.goto("/billing/invoices");
      await expect(page.getByRole("heading", { level: 1, name: "Fakturaer" })).toBeVisible();
      await expectAccessible(page, "/billing/invoices (da)");
      await page.goto("/billing/top-up");
      await page.getByLabel("Beløb (kr.)").fill("0,5");
      await page.getByRole("button", { name: "Fortsæt til betaling" }).click();
      await expect(page.getByText("Angiv et beløb fra 1,00 til 100.000,00 kr.")).toBeVisible();
      await expectAccessible(page, "/billing/top-up (da)");
      await page.getByLabel("Beløb (kr.)").fill("10,00");
      await page.getByRole("button", { name: "Fortsæt til betaling" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Kortbetaling" })).toBeVisible();
      await expectAccessible(page, "checkout (da)");
      await page.getByLabel("Kortnummer").fill("4000 0000 0000 9995");
      await page.getByLabel("Udløb (MM/ÅÅ)").fill("01/29");
      await page.getByLabel("Kontrolcifre (CVC)").fill("999");
      await page.getByLabel("Kortholder").fill("Pia Betaler");
      await page.getByRole("button", { name: "Betal 10,00 kr." }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: "Betalingen mislykkedes" }),
      ).toBeVisible();
      await expect(page.getByRole("main").getByRole("alert")).toContainText(
        "der er ikke dækning på kortet",
      );
      await expectAccessible(page, "failure (da)");
      await page.getByRole("link", { name: "Prøv igen" }).click();
      await page.getByRole("button", { name: "Fortsæt til betaling" }).click();
      await page.getByLabel("Kortnummer").fill("5555 5555 5555 4444");
      await page.getByLabel("Udløb (MM/ÅÅ)").fill("01/29");
      await page.getByLabel("Kontrolcifre (CVC)").fill("999");
      await page.getByLabel("Kortholder").fill("Pia Betaler");
      await page.getByRole("button", { name: "Betal 10,00 kr." }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: "Betalingen er modtaget" }),
      ).toBeVisible();
      await expectAccessible(page, "success (da)");
    } finally {
      await switchLanguage(page, "English");
    }
  });
});

test("DESIGN §1 matrix: registrar@demo.test gets 403 on /billing and on the CSV export", async ({
  page,
}) => {
  await logIn(page, "registrar@demo.test");
  for (const path of ["/billing", "/billing/ledger", "/billing/invoices", "/billing/top-up"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const csv = await page.request.get("/billing/ledger/export");
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain("TOP_UP_CARD");
});

test("issue 18: Other Registrar sees none of Demo's billing: Demo's checkout is 404, its ledger is its own", async ({
  browser,
}) => {
  const demo = await browser.newPage();
  await logIn(demo, "payer@demo.test");
  await startTopUp(demo, "12.00");
  const checkoutPath = new URL(demo.url()).pathname;
  await demo.close();

  const page = await browser.newPage();
  await logIn(page, "admin@other.test");
  for (const path of [checkoutPath, `${checkoutPath}/success`, `${checkoutPath}/failed`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await page.goto("/billing/ledger");
  const domains = await page.locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(domains.filter((d) => d.trim() !== "" && !d.startsWith("other-"))).toEqual([]);
  const csv = await (await page.request.get("/billing/ledger/export")).text();
  expect(csv).not.toMatch(/udloeber|demo-hosting|payer@demo\.test/);
  await page.close();
});

/** One RFC 4180 line (no line breaks inside fields in this data). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}
