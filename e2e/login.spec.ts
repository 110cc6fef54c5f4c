import { expect, test } from "@playwright/test";
import { authenticator } from "otplib";
import { logIn, PASSWORD, TOTP_SECRET } from "./support";

async function submit(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await submit(page, "all@demo.test", "not-the-right-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
  await expect(page.getByLabel("Email")).toHaveValue("all@demo.test"); // nothing lost
});

test("service users cannot log in to the portal", async ({ page }) => {
  await submit(page, "epp@demo.test", PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toContainText("service user");
});

test("TOTP: the code is asked for after the password; wrong and reused codes are refused", async ({ page, browser }) => {
  await submit(page, "totp@demo.test", PASSWORD);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await code.fill("000000");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("The authentication code is not correct.")).toBeVisible();

  const valid = authenticator.generate(TOTP_SECRET);
  await code.fill(valid);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  const second = await (await browser.newContext()).newPage();
  await submit(second, "totp@demo.test", PASSWORD);
  await second.getByLabel("Authentication code").fill(valid);
  await second.getByRole("button", { name: "Log in" }).click();
  await expect(second.getByText(/already used/)).toBeVisible();
});

test("five wrong passwords lock the account for the configured time", async ({ page }) => {
  test.slow(); // it waits out the 15 s lock: half of the default 30 s budget on a shared machine
  // the e2e server runs with LOGIN_ACCOUNT_WINDOW_MINUTES=0.25 (15 s)
  for (let i = 0; i < 5; i++) {
    await submit(page, "proxy@demo.test", `wrong-password-${i}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
  }
  await submit(page, "proxy@demo.test", PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toContainText(/locked until .*Copenhagen time/);
  await page.waitForTimeout(15_500);
  await logIn(page, "proxy@demo.test");
});

test("operators log in at /operator/login with their own accounts", async ({ page }) => {
  await page.goto("/operator/login");
  await page.getByLabel("Email").fill("operator@registry.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Operator console" })).toBeVisible();
  // a registrar session is a different thing: the portal still wants its own login
  const response = await page.request.get("/domains", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
});

test("issue 12: the operator account on the portal login is told where the operator login is", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("operator@registry.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("/operator/login");
  // a wrong password says nothing about what kind of account the email is
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
});
