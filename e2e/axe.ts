import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA: what issue 12 holds every page to. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * One axe scan of the page as it stands (issue 12): no violation of impact serious or critical.
 * Scan once per page and language; open a dialog or show an error first to scan that state.
 */
export async function expectAccessible(page: Page, what = page.url()) {
  // With a modal dialog open the rest of the page is aria-hidden and inert behind the focus
  // trap (Radix); what a person can reach is the dialog, so that is what is scanned.
  const modal = '[role="dialog"][aria-modal="true"], [role="alertdialog"]';
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  if ((await page.locator(modal).count()) > 0) builder.include(modal);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  expect(serious, `axe violations on ${what}`).toEqual([]);
}

/** Switch the language with the header's switch and wait until the page reads in it. */
export async function switchLanguage(page: Page, to: "English" | "Dansk") {
  await page.getByRole("banner").getByLabel(/Language/).selectOption({ label: to });
  await expect(page.locator("html")).toHaveAttribute("lang", to === "Dansk" ? "da" : "en");
}
