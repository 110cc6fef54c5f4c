import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { logIn, logOut } from "./support";

// Issue 12: every page reachable from the navigation, in both languages, as a user holding all
// roles, has no serious or critical WCAG 2.1 AA violation; so do the pages around the portal.

/** The main navigation's targets, and the sub-navigation each section page offers in <main>. */
async function reachablePages(page: Page): Promise<string[]> {
  const hrefs = async (scope: ReturnType<Page["locator"]>) =>
    scope.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  const sections = await hrefs(page.getByRole("navigation", { name: /Main|Hovedmenu/ }).getByRole("link"));
  const pages = new Set(sections);
  for (const section of sections) {
    await page.goto(section);
    for (const sub of await hrefs(page.locator("main nav a"))) {
      if (sub.startsWith(section) && section !== "/") pages.add(sub);
    }
  }
  return [...pages];
}

test("issue 12: every page of the navigation passes axe in English and Danish (all@demo.test)", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await logIn(page, "all@demo.test");
  try {
    for (const language of ["English", "Dansk"] as const) {
      await switchLanguage(page, language);
      const pages = await reachablePages(page);
      expect(pages.length).toBeGreaterThanOrEqual(6);
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", language === "Dansk" ? "da" : "en");
        await expectAccessible(page, `${path} (${language})`);
      }
      // the user menu, opened by keyboard: its items are named, and Escape returns focus
      await page.goto("/");
      const menuButton = page.getByRole("banner").getByRole("button", { name: "all@demo.test" });
      await menuButton.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem")).toHaveCount(4);
      await expectAccessible(page, `user menu (${language})`);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toHaveCount(0);
      await expect(menuButton).toBeFocused();
      // the 404 page inside the shell
      const missing = await page.goto("/no-such-page");
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole("navigation", { name: /Main|Hovedmenu/ })).toBeVisible();
      await expectAccessible(page, `404 (${language})`);
    }
  } finally {
    // back to English whatever failed, so other specs see the user as they expect
    await page.goto("/");
    await switchLanguage(page, "English");
  }
});

test("issue 12: the login, 403 and operator login pages pass axe in both languages", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  for (const locale of ["en", "da"] as const) {
    await context.addCookies([{ name: "rp-locale", value: locale, url: baseURL! }]);
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectAccessible(page, `/login (${locale})`);
    await page.goto("/operator/login");
    await expectAccessible(page, `/operator/login (${locale})`);
  }
  await context.clearCookies();
  await logIn(page, "nsa@demo.test");
  for (const language of ["English", "Dansk"] as const) {
    await switchLanguage(page, language);
    const response = await page.goto("/billing");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("navigation", { name: /Main|Hovedmenu/ })).toBeVisible();
    await expectAccessible(page, `403 (${language})`);
  }
  await switchLanguage(page, "English");
  await logOut(page);
});
