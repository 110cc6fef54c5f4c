import { expect, test } from "@playwright/test";
import { switchLanguage } from "./axe";
import { logIn, logOut } from "./support";

// Issue 12: the language is chosen in the header, remembered on the user (it survives logging
// out) and by a cookie before login; Danish formats money as 1.234,50 kr.

test("issue 12: Dansk chosen on the dashboard survives a reload and a new login; the balance reads in Danish", async ({
  page,
}) => {
  await logIn(page, "payer@demo.test");
  const balance = page.getByRole("link", { name: /Prepaid balance/ });
  await expect(balance).toContainText(/DKK\s-?[\d,]+\.\d\d/);
  try {
    await switchLanguage(page, "Dansk");
    await expect(page.getByRole("heading", { level: 1, name: "Overblik" })).toBeVisible();
    await expect(page).toHaveTitle("Overblik · Registrarportalen");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Overblik" })).toBeVisible();

    await logOut(page);
    // the login page remembers the language by the cookie
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
    await page.context().clearCookies();
    await logIn(page, "payer@demo.test");
    // a fresh browser: the user's stored choice decides
    await expect(page.getByRole("heading", { level: 1, name: "Overblik" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Forudbetalt saldo/ })).toContainText(/-?[\d.]+,\d\d\skr\./);
    await expect(page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: /^Domænenavne/ })).toBeVisible();
  } finally {
    await switchLanguage(page, "English");
  }
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("issue 12: a refused action shows the core's refusal in Danish", async ({ page, context }) => {
  await logIn(page, "registrar@demo.test");
  try {
    await switchLanguage(page, "Dansk");
    // the same message acknowledged in two tabs: the second is refused, in Danish
    await page.goto("/messages");
    const second = await context.newPage();
    await second.goto("/messages");
    const first = page.getByRole("main").getByRole("checkbox").first();
    const message = await first.getAttribute("aria-labelledby");
    await first.check();
    await second.locator(`[aria-labelledby="${message}"]`).check();
    await page.getByRole("button", { name: "Kvittér for valgte" }).click();
    await expect(page.locator(`[aria-labelledby="${message}"]`)).toHaveCount(0);
    await second.getByRole("button", { name: "Kvittér for valgte" }).click();
    await expect(second.getByRole("main").getByRole("alert")).toContainText("Findes ikke, eller er ikke i jeres portefølje.");
    await second.close();
  } finally {
    await page.goto("/");
    await switchLanguage(page, "English");
  }
});

test("issue 12: before login the language switch of the login page sets the cookie", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel(/Language/).selectOption({ label: "Dansk" });
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
});
