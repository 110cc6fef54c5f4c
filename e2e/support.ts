import { expect, type Page } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { actionRef } from "../tests/security/http";

export const PASSWORD = "Demo-Portal-2026!";
export const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  // a user whose stored language is Danish lands on "Overblik"
  // Argon2id on a busy two-core machine can take seconds
  await expect(page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ })).toBeVisible(
    {
      timeout: 15_000,
    },
  );
}

/** Log out through the header's user menu (its button is named by the user's email). */
export async function logOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: /@/ }).click();
  await page.getByRole("menuitem", { name: /^(Log out|Log ud)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A raw GET from a chosen loopback source address, with optional headers (no redirects followed). */
export function getFrom(
  url: string,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Calls a server action the way Next's client does, as the page's signed-in user, past any button
 * (what a forged request does). Posted to `opts.path`, else to a page that serves the action.
 */
export async function postAction(
  page: Page,
  exportedName: string,
  input: unknown,
  opts: { path?: string; file?: string; segment?: string } = {},
): Promise<{ status: number; body: string }> {
  const action = actionRef(exportedName, opts);
  const response = await page.request.post(opts.path ?? action.path, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
    },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
