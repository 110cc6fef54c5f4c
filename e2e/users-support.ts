import { expect, type Browser, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { logIn } from "./support";

// Helpers of the users and account-security specs (issue 19). Every journey creates its own users
// (unique emails), so the shared demo users are never changed.

export const ROLE_LABELS = {
  ADMINISTRATOR: "Administrator",
  REGISTRAR: "Registrar",
  PROXY: "Proxy",
  PAYER: "Payer",
  NSA: "Name Server Administrator",
} as const;
export type Role = keyof typeof ROLE_LABELS;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@demo.test`;
}

/**
 * On /admin/users (the page must be open, as an Administrator without TOTP): "Create user" with a
 * generated password, read once from the dialog. Returns the email and that password.
 */
export async function createUserOnPage(page: Page, roles: Role[], prefix = "e2e"): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(prefix);
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`E2E ${prefix}`);
  for (const role of roles) await dialog.getByRole("checkbox", { name: ROLE_LABELS[role], exact: true }).check();
  await dialog.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByRole("dialog", { name: `Initial password for ${email}` });
  const password = await shown.getByLabel("Initial password").inputValue();
  expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
  await shown.getByRole("button", { name: "I have passed it on" }).click();
  await expect(shown).toHaveCount(0);
  await expect(usersRow(page, email)).toBeVisible();
  return { email, password };
}

/** A new browser context logged in as that user (lands on the dashboard). */
export async function loggedInContext(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email, password);
  return page;
}

/** Fills the login form; the caller checks where it lands. */
export async function submitLogin(page: Page, email: string, password: string, code?: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  if (code !== undefined) {
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Log in" }).click();
  }
}

/** The TOTP code of the current 30-second step, or of a later one (`stepsAhead`, within the window). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return authenticator.clone({ epoch: Date.now() + stepsAhead * 30_000 }).generate(secret);
}

/** Opens the row's "Actions for <email>" menu and picks an item. */
export async function rowAction(page: Page, email: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** The user's row in the "Users" table (its sessions have rows of their own further down). */
export function usersRow(page: Page, email: string) {
  return page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) });
}
