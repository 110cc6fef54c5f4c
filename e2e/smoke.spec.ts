import { expect, test } from "@playwright/test";

test("the login page renders its form", async ({ page }) => {
  await page.goto("/login");

  await expect(page).toHaveTitle(/Registrar Portal/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Log in to the Registrar Portal" }),
  ).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  await expect(page.getByRole("button", { name: "Log in" })).toBeEnabled();
});

test("the home page redirects to the login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});
