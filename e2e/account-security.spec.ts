import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { logIn, logOut } from "./support";
import { createUserOnPage, loggedInContext, submitLogin, totpCode } from "./users-support";

test.describe.configure({ timeout: 120_000 }); // a shared machine: journeys of many page loads

// Issue 19: every user's own security — two-factor authentication (enrolment with QR and key,
// codes, recovery codes once), the account's "Require two-factor authentication", own sessions,
// own password. Each test creates its own users as admin@demo.test (no TOTP, so no step-up).

async function newUser(page: Page, roles: Parameters<typeof createUserOnPage>[1] = ["REGISTRAR"]) {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/users");
  return createUserOnPage(page, roles, "sec");
}

/** On /account/two-factor: sets up TOTP; returns the key and the ten recovery codes. */
async function enrol(page: Page): Promise<{ secret: string; codes: string[]; used: string }> {
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor authentication" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code with the key for your authenticator app" })).toBeVisible();
  const secret = await page.getByLabel("Key").inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByText("The authentication code is not correct.")).toBeVisible();
  const used = totpCode(secret);
  await page.getByLabel("Code from the app").fill(used);
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allTextContents();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download codes" }).click();
  expect((await download).suggestedFilename()).toBe("recovery-codes.txt");
  return { secret, codes, used };
}

test("TOTP: enrol as a new user, log in with a code; wrong and reused codes refused; a recovery code works once", async ({
  page,
  browser,
}) => {
  const { email, password } = await newUser(page);
  const user = await loggedInContext(browser, email, password);
  await user.goto("/account/two-factor");
  await expectAccessible(user, "two-factor set-up");
  const { secret, codes, used } = await enrol(user);
  await expectAccessible(user, "recovery codes");
  await user.getByRole("button", { name: "I have saved my recovery codes" }).click();
  // the browser that enrolled stays signed in (its session was replaced)
  await expect(user.getByText(/Two-factor authentication is on since/)).toBeVisible();
  await expect(user.getByText("You have 10 recovery codes left.", { exact: false })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await submitLogin(other, email, password);
  await expect(other.getByLabel("Authentication code")).toBeVisible();
  await other.getByLabel("Authentication code").fill("123456");
  await other.getByRole("button", { name: "Log in" }).click();
  await expect(other.getByText("The authentication code is not correct.")).toBeVisible();
  // the code that confirmed the enrolment was used: refused
  await other.getByLabel("Authentication code").fill(used);
  await other.getByRole("button", { name: "Log in" }).click();
  await expect(other.getByText(/already used/)).toBeVisible();
  // the next step's code (within the allowed drift) logs in
  await other.getByLabel("Authentication code").fill(totpCode(secret, 1));
  await other.getByRole("button", { name: "Log in" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await logOut(other);

  await submitLogin(other, email, password, codes[0]);
  await expect(other.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await logOut(other);
  await submitLogin(other, email, password, codes[0]);
  await expect(other.getByText("The recovery code is not valid or was already used.")).toBeVisible();

  // turning it off takes a code: a recovery code will do
  await user.goto("/account/two-factor");
  await user.getByLabel("Code from the app or a recovery code").fill(codes[1]!);
  await user.getByRole("button", { name: "Turn off" }).click();
  await expect(user.getByRole("main").getByText("Two-factor authentication is off.", { exact: true })).toBeVisible();
  await expect(user.getByLabel("Key")).toBeVisible();
});

test("Require two-factor authentication: a user without TOTP enrols at the next login, before anything else", async ({
  page,
  browser,
}) => {
  const { email, password } = await newUser(page);
  const setting = page.getByRole("checkbox", { name: "Require two-factor authentication" });
  try {
    await setting.check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Two-factor authentication is now required.", { exact: false })).toBeVisible();

    const user = await (await browser.newContext()).newPage();
    await submitLogin(user, email, password);
    await expect(user).toHaveURL(/\/account\/two-factor$/);
    await expect(user.getByRole("alert").filter({ hasText: "requires two-factor authentication" })).toBeVisible();
    // nothing else opens before the enrolment
    await user.goto("/domains");
    await expect(user).toHaveURL(/\/account\/two-factor$/);
    await user.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(user).toHaveURL(/\/account\/two-factor$/);
    await expectAccessible(user, "enrolment owed");

    await enrol(user);
    await user.getByRole("button", { name: "I have saved my recovery codes" }).click();
    await expect(user.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await user.goto("/domains");
    await expect(user).toHaveURL(/\/domains$/);
  } finally {
    await page.goto("/admin/users");
    await setting.uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Two-factor authentication is no longer required.")).toBeVisible();
  }
});

test("Sessions: end one of your own from another context; it is logged out at its next click", async ({ page, browser }) => {
  const { email, password } = await newUser(page);
  const first = await loggedInContext(browser, email, password);
  const second = await loggedInContext(browser, email, password);
  await first.goto("/account/sessions");
  await expect(first.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  const rows = first.getByRole("table", { name: "Sessions" }).getByRole("row");
  await expect(rows).toHaveCount(3); // header, this session, the other one
  await expect(first.getByRole("cell", { name: "This session" })).toBeVisible();
  await expect(first.getByRole("cell", { name: /Chrome \d+ on / }).first()).toBeVisible();
  await expectAccessible(first, "sessions");
  await first.getByRole("button", { name: /^End session from/ }).click();
  await expect(rows).toHaveCount(2);
  await second.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
  await expect(second).toHaveURL(/\/login/);
});

test("Change password: current password, the 12–128 rule and strength; other sessions end, this one stays", async ({
  page,
  browser,
}) => {
  const { email, password } = await newUser(page);
  const user = await loggedInContext(browser, email, password);
  const other = await loggedInContext(browser, email, password);
  await user.goto("/account/password");
  await expect(user.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
  const submit = () => user.getByRole("button", { name: "Change password" }).click();

  await user.getByLabel("Current password").fill("not-my-password-at-all");
  await user.getByLabel(/^New password/).fill("Amber-Meadow-Falcon-38");
  await user.getByLabel("Repeat new password").fill("Amber-Meadow-Falcon-38");
  await submit();
  await expect(user.getByText("The current password is not correct.")).toBeVisible();

  await user.getByLabel("Current password").fill(password);
  await user.getByLabel(/^New password/).fill("short");
  await user.getByLabel("Repeat new password").fill("short");
  await submit();
  await expect(user.getByText("Use 12 to 128 characters.")).toBeVisible();

  await user.getByLabel(/^New password/).fill("password1234");
  await user.getByLabel("Repeat new password").fill("password1234");
  await expect(user.getByText(/Strength: (very weak|weak)/)).toBeVisible();
  await submit();
  await expect(user.getByText(/too easy to guess/)).toBeVisible();
  await expectAccessible(user, "change password with errors");

  await user.getByLabel(/^New password/).fill("Amber-Meadow-Falcon-38");
  await user.getByLabel("Repeat new password").fill("Amber-Meadow-Falcon-38");
  await submit();
  await expect(user.getByRole("status").filter({ hasText: "Your password was changed." })).toContainText("1 other session was logged out.");
  // this browser stays signed in; the other is logged out at its next click
  await user.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
  await expect(user).toHaveURL(/\/domains$/);
  await other.reload();
  await expect(other).toHaveURL(/\/login/);
  await logIn(other, email, "Amber-Meadow-Falcon-38");
});

test("the user's own pages pass axe in Danish", async ({ page, browser, baseURL }) => {
  const { email, password } = await newUser(page);
  const context = await browser.newContext();
  await context.addCookies([{ name: "rp-locale", value: "da", url: baseURL! }]);
  const user = await context.newPage();
  await user.goto("/login");
  await user.getByLabel(/E-mail|Email/).fill(email);
  await user.getByLabel(/Adgangskode|Password/).fill(password);
  await user.getByRole("button", { name: /Log ind|Log in/ }).click();
  await expect(user.getByRole("heading", { level: 1, name: "Overblik" })).toBeVisible();
  for (const [path, heading] of [
    ["/account/two-factor", "Tofaktorgodkendelse"],
    ["/account/sessions", "Sessioner"],
    ["/account/password", "Skift adgangskode"],
  ] as const) {
    await user.goto(path);
    await expect(user.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(user, `${path} (da)`);
  }
});
