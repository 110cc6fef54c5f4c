import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../axe";
import { PASSWORD, logIn } from "../support";

// Issue 21: the sandbox's "Reset demo data". It empties the registry and seeds the demo again, so
// it runs in its own Playwright project after every other spec (playwright.config.ts).

test.describe.configure({ timeout: 180_000 });

async function operatorLogIn(page: Page) {
  await page.goto("/operator/login");
  await page.getByLabel("Email").fill("operator@registry.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Operator console", exact: true })).toBeVisible({ timeout: 30_000 });
}

test("the operator resets the sandbox's demo data after confirming: a blocked name made before is gone, everyone logs in again", async ({ page, browser }) => {
  const name = `e2e-reset-${Date.now().toString(36)}.dk`;
  await operatorLogIn(page);
  await page.goto("/operator/names");
  const block = page.getByRole("form", { name: "Block a name" });
  await block.getByLabel("Domain name").fill(name);
  await block.getByLabel("Reason").fill("E2E: gone after the reset");
  await block.getByRole("button", { name: "Block name" }).click();
  await expect(block.getByRole("status")).toContainText(`${name} is blocked.`);

  // a registrar user logged in before the reset
  const before = await browser.newContext();
  const registrar = await before.newPage();
  await logIn(registrar, "all@demo.test");

  await page.goto("/operator/sandbox");
  await page.getByRole("button", { name: "Reset demo data" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Reset the demo data?" });
  await expect(dialog).toContainText("Everyone is logged out, you too");
  await expectAccessible(page, "reset dialog");
  const confirm = dialog.getByRole("button", { name: "Reset demo data" });
  await expect(confirm).toBeDisabled(); // until the acknowledgement is ticked
  await dialog.getByRole("checkbox", { name: "I understand that everything made in the sandbox is deleted." }).check();
  await confirm.click();
  await expect(page).toHaveURL(/\/operator\/login/, { timeout: 60_000 });

  // the registrar's session went with the data; the demo login works again
  await registrar.goto("/domains");
  await expect(registrar).toHaveURL(/\/login/);
  await logIn(registrar, "all@demo.test");
  await before.close();

  await operatorLogIn(page);
  await page.goto("/operator/names");
  await expect(page.getByRole("form", { name: `Remove the block of ${name}` })).toHaveCount(0);
  await page.goto("/operator/audit?operation=sandbox.");
  await expect(page.getByRole("table", { name: "Operator audit events, newest first" })).toContainText("sandbox.resetDemoData");
});
