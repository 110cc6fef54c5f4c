import { expect, test } from "@playwright/test";
import { logIn } from "./support";

test("R-MSG-1 messages are listed oldest first and acknowledging dequeues", async ({ page }) => {
  await logIn(page, "all@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" }).click();
  await expect(page.getByRole("heading", { name: "Messages" })).toBeVisible();
  const count = page.getByText(/\d+ unread, oldest first/);
  const before = Number((await count.innerText()).match(/(\d+) unread/)![1]);
  expect(before).toBeGreaterThan(1);

  const boxes = page.getByRole("checkbox");
  await expect(boxes).toHaveCount(before);
  const first = boxes.first();
  const firstName = await first.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.innerText ?? "");
  await first.check();
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(page.getByRole("status")).toHaveText(`Acknowledged 1; ${before - 1} left.`);
  await expect(page.getByText(`${before - 1} unread, oldest first`)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: firstName.split("\n")[0] })).toHaveCount(0);
});

test("acknowledging nothing is refused with a clear message", async ({ page }) => {
  await logIn(page, "registrar@demo.test");
  await page.goto("/messages");
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Choose at least one message");
});

test("another registrar sees only its own messages", async ({ page }) => {
  await logIn(page, "admin@other.test");
  await page.goto("/messages");
  await expect(page.getByRole("checkbox")).toHaveCount(1);
  await expect(page.getByText("Welcome to the sandbox")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/demo|udloeb|opsagt/i);
});
