import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD } from "./support";

// R-MSG-1 / issue 18: the queue oldest first with its count, a type filter, each message in the
// reader's language linking to its domain, "Acknowledge", "Acknowledge selected", "Acknowledge all
// shown", the header badge following at once, and the History tab.

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

/** The header's unread badge (0 when it is not shown). */
async function badge(page: Page): Promise<number> {
  const el = page.getByTestId("nav-badge-messages");
  if ((await el.count()) === 0) return 0;
  return Number(await el.locator('[aria-hidden="true"]').innerText());
}

/**
 * Queues `n` LOW_BALANCE messages for Demo as its Payer would: an alert threshold above the
 * balance queues one; 0 re-arms it. The threshold is set back afterwards.
 */
async function queueLowBalanceMessages(page: Page, n: number) {
  await logIn(page, "payer@demo.test");
  await page.goto("/billing");
  const field = page.getByLabel("Low-balance alert at");
  const original = await field.inputValue();
  const save = async (value: string) => {
    await field.fill(value);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(
      page.getByText(
        `The low-balance alert is now ${value === "0" ? "DKK 0.00" : "DKK 1,000,000.00"}.`,
      ),
    ).toBeVisible();
    await page.reload();
  };
  for (let i = 0; i < n; i++) {
    await save("0");
    await save("1000000");
  }
  await field.fill(original);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/^The low-balance alert is now/).last()).toBeVisible();
  await page.context().clearCookies();
}

const lowBalanceRows = (page: Page) =>
  page
    .getByRole("listitem")
    .filter({ hasText: "is below your low-balance alert of DKK 1,000,000.00" });

test("R-MSG-1: registrar@demo.test acknowledges two messages: the badge drops by two; the same in Danish reads Danish", async ({
  page,
}) => {
  await queueLowBalanceMessages(page, 4);
  await logIn(page, "registrar@demo.test");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Messages/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  const before = await badge(page);
  expect(before).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId("message-count")).toHaveText(`${before} unread messages`);
  await expectAccessible(page, "/messages (en)");

  // oldest first: the page lists ids in ascending order
  const ids = await page
    .locator("[data-message-id]")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-message-id"))));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));

  const rows = lowBalanceRows(page);
  await expect(rows.first()).toContainText("Low balance");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(page.getByRole("status")).toHaveText(`2 messages acknowledged; ${before - 2} left.`);
  await expect.poll(() => badge(page)).toBe(before - 2);
  await expect(page.getByTestId("message-count")).toHaveText(`${before - 2} unread messages`);

  await switchLanguage(page, "Dansk");
  try {
    await expect(page.getByRole("heading", { level: 1, name: "Beskeder" })).toBeVisible();
    const daRows = page
      .getByRole("listitem")
      .filter({ hasText: "er under din grænse for lav saldo på 1.000.000,00 kr." });
    await expect(daRows.first()).toContainText("Lav saldo");
    await expectAccessible(page, "/messages (da)");
    // "Kvittér" on one message, then on a second
    await daRows.first().getByRole("button", { name: "Kvittér" }).click();
    await expect(page.getByRole("status")).toHaveText(`1 besked kvitteret; ${before - 3} tilbage.`);
    await expect.poll(() => badge(page)).toBe(before - 3);
    await daRows.first().getByRole("button", { name: "Kvittér" }).click();
    await expect(page.getByRole("status")).toHaveText(`1 besked kvitteret; ${before - 4} tilbage.`);
    await expect.poll(() => badge(page)).toBe(before - 4);
    await expect(page.getByTestId("message-count")).toHaveText(`${before - 4} ulæste beskeder`);

    await page.getByRole("link", { name: "Historik" }).click();
    await expect(page.getByRole("link", { name: "Historik" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(daRows.first()).toContainText("Kvitteret");
    await expectAccessible(page, "/messages?tab=history (da)");
  } finally {
    await switchLanguage(page, "English");
  }
});

test("R-MSG-1: the type filter, a domain link, 'Acknowledge all shown' and the History", async ({
  page,
}) => {
  await queueLowBalanceMessages(page, 2);
  await logIn(page, "all@demo.test");
  await page.goto("/messages");
  const before = await badge(page);

  // a domain message links to its domain name
  const expiredOption = page.getByLabel("Type").locator('option[value="DOMAIN_EXPIRED_SUSPENDED"]');
  if ((await expiredOption.count()) > 0) {
    await expect(expiredOption).toHaveText(/^Domain name expired \(\d+\)$/);
    await page.getByLabel("Type").selectOption("DOMAIN_EXPIRED_SUSPENDED");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(/type=DOMAIN_EXPIRED_SUSPENDED/);
    const expired = page.locator("[data-message-id]");
    await expect(expired.first()).toContainText(
      /expired and is suspended\. It can be restored until \d+ \w+ \d{4}\./,
    );
    await expect(
      expired.first().getByRole("link", { name: /^Open udloebet-\d\.dk$/ }),
    ).toHaveAttribute("href", /\/domains\/udloebet-\d\.dk/);
  }

  await page.getByLabel("Type").selectOption("LOW_BALANCE");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/type=LOW_BALANCE/);
  const shown = await page.locator("[data-message-id]").count();
  expect(shown).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("message-count")).toHaveText(`${shown} messages of this type`);
  await expect(
    page.locator("[data-message-id]").first().getByRole("link", { name: "Open billing" }),
  ).toBeVisible();
  await expectAccessible(page, "/messages filtered (en)");

  await page.getByRole("button", { name: "Acknowledge all shown" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `${shown} messages acknowledged; ${before - shown} left.`,
  );
  await expect(page.getByText("No unread messages of this type.")).toBeVisible();
  await expect.poll(() => badge(page)).toBe(before - shown);

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByTestId("message-count")).toContainText("acknowledged in the last 90 days");
  await expect(lowBalanceRows(page).first()).toContainText("by all@demo.test");
  await expectAccessible(page, "/messages?tab=history (en)");
});

test("R-MSG-1: acknowledging nothing is refused with a clear message", async ({ page }) => {
  await logIn(page, "registrar@demo.test");
  await page.goto("/messages");
  test.skip((await page.locator("[data-message-id]").count()) === 0, "no unread messages left");
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Choose at least one message.",
  );
});

test("R-MSG-1: Other Registrar sees only its own messages", async ({ page }) => {
  await logIn(page, "admin@other.test");
  await page.goto("/messages");
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/udloeb|opsagt|ny-kunde|1,000,000\.00/);
  await page.goto("/messages?tab=history");
  await expect(page.locator("main")).not.toContainText(/udloeb|opsagt|ny-kunde|1,000,000\.00/);
});
