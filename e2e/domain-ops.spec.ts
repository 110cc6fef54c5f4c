import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD } from "./support";

// Issue 15 items 2–5 (and 7 for them): Renew (the domain's page and the list's rows), Restore,
// Cancel domain and Renewal policy — each dialog shows what it costs and changes before it is
// confirmed, and refusals appear at their field or in the dialog. Issue 21: a renewal after the
// operator changed the fee shows and bills the new fee.
//
// The specs share one server and its demo data: each journey takes its domain from a pool of
// Demo's names no other spec names, and picks the first one in the state it needs (the page
// tells), so a name another journey changed is skipped rather than assumed.

test.describe.configure({ timeout: 180_000 });
const slow = expect.configure({ timeout: 30_000 });

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await slow(page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ })).toBeVisible();
}

const POOLS = {
  renew: ["sushi-demo.dk", "vinhandel-demo.dk", "slagter-demo.dk", "pizzeria-demo.dk"],
  cancel: ["fiskehandel-demo.dk", "isbutik-demo.dk", "antik-demo.dk"],
  policy: ["rengoering-demo.dk", "it-support-demo.dk", "dyrlaege-demo.dk", "fysioterapi-demo.dk"],
  rowRenew: ["fysioterapi-demo.dk", "pizzeria-demo.dk", "vinhandel-demo.dk"],
  fee: ["gartner-demo.dk", "murer-demo.dk", "cykelsmed-demo.dk", "dyrlaege-demo.dk"],
};

const actionsPanel = (page: Page) => page.getByRole("region", { name: /^(Actions|Handlinger)$/ });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The first name of the pool whose page offers the action (its button enabled) and passes `also`. */
async function pick(
  page: Page,
  pool: string[],
  button: string,
  also: (page: Page) => Promise<boolean> = async () => true,
): Promise<string> {
  for (const name of pool) {
    await page.goto(`/domains/${name}`);
    await slow(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const b = actionsPanel(page).getByRole("button", { name: button, exact: true });
    if ((await b.count()) === 1 && (await b.isEnabled()) && (await also(page))) return name;
  }
  throw new Error(`no domain of ${pool.join(", ")} offers ${button} now`);
}

/** A fact of a dialog's description list: the <dd> after the <dt> with this term. */
function fact(dialog: Locator, term: string): Locator {
  return dialog
    .locator("dt", { hasText: new RegExp(`^${escape(term)}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** "10 Mar 2027" → "10 Mar 2028" (29 Feb → 28 Feb): one year later, as the portal formats it. */
function oneYearLater(date: string): string {
  const [d, m, y] = date.trim().split(" ");
  return `${d === "29" && m === "Feb" ? "28" : d} ${m} ${Number(y) + 1}`;
}

/** The ledger's entries of one operation for one domain (the empty state is a single cell). */
async function ledgerEntries(
  page: Page,
  operation: "RENEWAL" | "RESTORE",
  domain: string,
): Promise<string[]> {
  await page.goto(`/billing/ledger?operation=${operation}&domain=${encodeURIComponent(domain)}`);
  await slow(page.getByRole("heading", { level: 1, name: "Ledger" })).toBeVisible();
  await expect(page.locator("table[aria-busy]")).toHaveCount(0);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  return page.locator("tbody tr:has(td:nth-child(2))").allInnerTexts();
}

/** Opens the Renew dialog from the actions panel and waits for its first quote. */
async function openRenew(page: Page, name: string, open = "Renew", title = `Renew ${name}`) {
  await actionsPanel(page).getByRole("button", { name: open, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: title });
  await slow(dialog).toBeVisible();
  return dialog;
}

test.describe("as all@demo.test (every role)", () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, "all@demo.test");
  });

  test("R-REN-1: renew by one year — current expiry, price and new expiry shown first; 10 years refused at the Period field; one ledger entry", async ({
    page,
  }) => {
    const name = await pick(page, POOLS.renew, "Renew");
    const before = (await ledgerEntries(page, "RENEWAL", name)).length;
    await page.goto(`/domains/${name}`);
    const dialog = await openRenew(page, name);
    await expect(dialog.getByRole("radio", { name: "Years" })).toBeChecked();
    await expect(dialog.getByRole("combobox", { name: "Period" })).toHaveValue("1");
    const current = (await fact(dialog, "Current expiry date").innerText()).trim();
    const expected = oneYearLater(current);
    await slow(fact(dialog, "Price")).toHaveText(/^DKK\s45\.00$/);
    await expect(fact(dialog, "New expiry date")).toHaveText(expected);
    await expect(fact(dialog, "Balance afterwards")).toBeVisible();

    // past the 10-year cap: refused at the field before anything is sent, and Renew is disabled
    await dialog.getByRole("combobox", { name: "Period" }).selectOption({ label: "10 years" });
    await slow(
      dialog.getByText(/lies after .*, the furthest a domain name may be renewed to/),
    ).toBeVisible();
    await expect(dialog.getByRole("combobox", { name: "Period" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(dialog.getByRole("button", { name: "Renew", exact: true })).toBeDisabled();
    await expectAccessible(page, "Renew dialog, period refused (en)");

    // months are priced pro rata: 6 months = DKK 22.50
    await dialog.getByRole("radio", { name: "Months" }).check();
    await slow(dialog.getByRole("combobox", { name: "Period" })).toHaveValue("1");
    await dialog.getByRole("combobox", { name: "Period" }).selectOption({ label: "6 months" });
    await slow(fact(dialog, "Price")).toHaveText(/^DKK\s22\.50$/);
    await expect(dialog.getByRole("combobox", { name: "Period" })).not.toHaveAttribute(
      "aria-invalid",
      "true",
    );

    await dialog.getByRole("radio", { name: "Years" }).check();
    await dialog.getByRole("combobox", { name: "Period" }).selectOption({ label: "1 year" });
    await slow(fact(dialog, "New expiry date")).toHaveText(expected);
    await dialog.getByRole("button", { name: "Renew", exact: true }).click();
    await slow(page.getByText(`${name} is renewed until ${expected}.`)).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await slow(page.getByText(new RegExp(`^Active: .* on ${escape(expected)}$`))).toBeVisible();

    const after = await ledgerEntries(page, "RENEWAL", name);
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatch(/DKK\s45\.00/);
  });

  test("R-DEL-1/R-DEL-2: cancel a domain (what happens shown first), then restore it (a year plus the fee); a stale Restore is refused in the dialog", async ({
    page,
    context,
  }) => {
    const name = await pick(page, POOLS.cancel, "Cancel domain");
    await actionsPanel(page).getByRole("button", { name: "Cancel domain", exact: true }).click();
    const cancel = page.getByRole("alertdialog", { name: `Cancel ${name}?` });
    await slow(cancel).toBeVisible();
    await expect(fact(cancel, "Restorable until")).toHaveText(/\d{4}, 23:59$/);
    await expect(fact(cancel, "Price of a restore")).toHaveText(/^DKK\s195\.00$/);
    await expect(cancel.getByText(/taken out of the zone at once/)).toBeVisible();
    await expectAccessible(page, "Cancel domain dialog (en)");
    await cancel.getByRole("button", { name: "Cancel domain", exact: true }).click();
    await slow(
      page.getByText(new RegExp(`^${escape(name)} is cancelled; it can be restored until `)),
    ).toBeVisible();
    await slow(page.getByText(/^Suspended: restorable until /)).toBeVisible();

    // the same page in a second tab, restored there first: this one's Restore is then refused
    const url = page.url();
    const second = await context.newPage();
    await second.goto(url);
    await page.reload();
    await actionsPanel(page).getByRole("button", { name: "Restore", exact: true }).click();
    const restore = page.getByRole("alertdialog", { name: `Restore ${name}?` });
    await slow(restore).toBeVisible();
    await expect(fact(restore, "Price")).toHaveText(
      /^DKK\s195\.00 \(one year DKK\s45\.00 \+ restore fee DKK\s150\.00\)$/,
    );
    const exDate = (await fact(restore, "Current expiry date").innerText()).trim();
    await expect(fact(restore, "New expiry date")).toHaveText(oneYearLater(exDate));
    await expectAccessible(page, "Restore dialog (en)");

    await actionsPanel(second).getByRole("button", { name: "Restore", exact: true }).click();
    const restore2 = second.getByRole("alertdialog", { name: `Restore ${name}?` });
    await restore2.getByRole("button", { name: "Restore", exact: true }).click();
    await slow(
      second.getByText(`${name} is restored and active until ${oneYearLater(exDate)}.`),
    ).toBeVisible();
    await second.close();

    await restore.getByRole("button", { name: "Restore", exact: true }).click();
    await slow(restore.getByRole("alert")).toHaveText(
      /not in redemption, so it cannot be restored/,
    );
    await expectAccessible(page, "Restore dialog, refused (en)");
    await restore.getByRole("button", { name: "Cancel", exact: true }).click();
    await page.reload();
    await slow(
      page.getByText(new RegExp(`^Active: .* on ${escape(oneYearLater(exDate))}$`)),
    ).toBeVisible();
    const restores = await ledgerEntries(page, "RESTORE", name);
    expect(restores.length).toBeGreaterThanOrEqual(1);
    expect(restores[0]).toMatch(/DKK\s195\.00/);
  });

  test("R-DEL-1: Cancel domain names what blocks it — the name servers under demo-hosting.dk in use", async ({
    page,
  }) => {
    await page.goto("/domains/demo-hosting.dk");
    await actionsPanel(page).getByRole("button", { name: "Cancel domain", exact: true }).click();
    const cancel = page.getByRole("alertdialog", { name: "Cancel demo-hosting.dk?" });
    await slow(cancel).toBeVisible();
    await expect(cancel.getByText("demo-hosting.dk cannot be cancelled now")).toBeVisible();
    await expect(
      cancel.getByText(/^ns1\.demo-hosting\.dk: used by .*blåbærhaven\.dk/),
    ).toBeVisible();
    await expect(cancel.getByText(/^ns2\.demo-hosting\.dk: used by /)).toBeVisible();
    await expect(cancel.getByRole("button", { name: "Cancel domain", exact: true })).toBeDisabled();
    await expectAccessible(page, "Cancel domain dialog, blocked (en)");
  });

  test("R-REN-3: set a domain to auto-expire — the date it takes effect shown; choosing the current policy is answered at the field", async ({
    page,
  }) => {
    const name = await pick(
      page,
      POOLS.policy,
      "Renewal policy",
      async (p) => (await p.getByText(/^Active: renews automatically on /).count()) === 1,
    );
    const status = (await page.getByText(/^Active: renews automatically on /).innerText()).trim();
    const exDate = status.replace(/^Active: renews automatically on /, "");
    await actionsPanel(page).getByRole("button", { name: "Renewal policy", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Renewal policy of ${name}` });
    await slow(dialog).toBeVisible();
    await expect(fact(dialog, "Takes effect on")).toHaveText(`${exDate} (the expiry date)`);
    await expect(dialog.getByRole("radio", { name: "Renew automatically" })).toBeChecked();
    await expect(
      dialog.getByText(
        new RegExp(
          `^On ${escape(exDate)} it is renewed for one year, to ${escape(oneYearLater(exDate))}, for DKK\\s45\\.00`,
        ),
      ),
    ).toBeVisible();

    await dialog.getByRole("button", { name: "Save renewal policy" }).click();
    await expect(
      dialog.getByText(
        "This is already the domain name's renewal policy. Choose the other one to change it.",
      ),
    ).toBeVisible();
    await expectAccessible(page, "Renewal policy dialog, unchanged (en)");

    await dialog.getByRole("radio", { name: "Let it expire" }).check();
    await expect(
      dialog.getByText(
        new RegExp(
          `^On ${escape(exDate)} it is suspended and taken out of the zone; it can be restored until `,
        ),
      ),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "Save renewal policy" }).click();
    await slow(page.getByText(`${name} now expires on ${exDate}.`)).toBeVisible();
    await slow(page.getByText(`Active: expires on ${exDate}`, { exact: true })).toBeVisible();

    // leave the demo data as found: auto-renew again
    await actionsPanel(page).getByRole("button", { name: "Renewal policy", exact: true }).click();
    const again = page.getByRole("dialog", { name: `Renewal policy of ${name}` });
    await again.getByRole("radio", { name: "Renew automatically" }).check();
    await again.getByRole("button", { name: "Save renewal policy" }).click();
    await slow(
      page.getByText(`Active: renews automatically on ${exDate}`, { exact: true }),
    ).toBeVisible();
  });

  test("the four dialogs in Danish, with their error states, are accessible", async ({ page }) => {
    // the header's switch: the user's stored choice outranks a cookie (another spec may have stored English)
    await page.goto("/domains");
    await switchLanguage(page, "Dansk");
    try {
      await fourDialogsInDanish(page);
    } finally {
      await page.goto("/domains");
      await switchLanguage(page, "English");
    }
  });
});

/** The four dialogs in Danish, each with its error state, scanned by axe (the page reads Danish). */
async function fourDialogsInDanish(page: Page) {
  const name = await pick(page, POOLS.renew, "Forny");
  const renew = await openRenew(page, name, "Forny", `Forny ${name}`);
  await slow(fact(renew, "Pris")).toHaveText(/^45,00\skr\.$/);
  await renew.getByRole("combobox", { name: "Periode" }).selectOption({ label: "10 år" });
  await slow(renew.getByText(/ligger efter/)).toBeVisible();
  await expectAccessible(page, "Forny, periode afvist (da)");
  await renew.getByRole("button", { name: "Annuller" }).click();

  await actionsPanel(page).getByRole("button", { name: "Fornyelse", exact: true }).click();
  const policy = page.getByRole("dialog", { name: `Fornyelse af ${name}` });
  await slow(policy).toBeVisible();
  const current = await policy.getByRole("radio", { name: "Forny automatisk" }).isChecked();
  await policy
    .getByRole("radio", { name: current ? "Forny automatisk" : "Lad det udløbe" })
    .check();
  await policy.getByRole("button", { name: "Gem fornyelse" }).click();
  await expect(policy.getByText(/har allerede denne fornyelse/)).toBeVisible();
  await expectAccessible(page, "Fornyelse, uændret (da)");
  await policy.getByRole("button", { name: "Annuller" }).click();

  await page.goto("/domains/demo-hosting.dk");
  await actionsPanel(page).getByRole("button", { name: "Opsig domænenavn", exact: true }).click();
  const cancel = page.getByRole("alertdialog", { name: "Opsig demo-hosting.dk?" });
  await slow(cancel.getByText("demo-hosting.dk kan ikke opsiges nu")).toBeVisible();
  await expectAccessible(page, "Opsig, blokeret (da)");
  await cancel.getByRole("button", { name: "Annuller" }).click();

  // a suspended demo domain: the Restore dialog only opened, never confirmed
  for (const suspended of ["udloebet-2.dk", "udloebet-3.dk", "opsagt-demo.dk"]) {
    await page.goto(`/domains/${suspended}`);
    const b = actionsPanel(page).getByRole("button", { name: "Gendan", exact: true });
    if (!(await b.isEnabled())) continue;
    await b.click();
    const restore = page.getByRole("alertdialog", { name: `Gendan ${suspended}?` });
    await slow(fact(restore, "Pris")).toHaveText(
      /^195,00\skr\. \(et år 45,00\skr\. \+ gendannelsesgebyr 150,00\skr\.\)$/,
    );
    await expectAccessible(page, "Gendan (da)");
    await restore.getByRole("button", { name: "Annuller" }).click();
    break;
  }
}

test("payer@demo.test sees Renew only; renews from a row of the list", async ({ page }) => {
  await logIn(page, "payer@demo.test");
  const name = await pick(page, POOLS.rowRenew, "Renew");
  const panel = actionsPanel(page);
  for (const other of ["Restore", "Cancel domain", "Renewal policy"]) {
    await expect(panel.getByRole("button", { name: other, exact: true })).toHaveCount(0);
  }

  await page.goto(`/domains?q=${encodeURIComponent(name.replace(/\.dk$/, ""))}`);
  const table = page.getByRole("table", { name: /Domain names in your portfolio/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  const rowText = await row.innerText();
  await row.getByRole("button", { name: `Renew ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Renew ${name}` });
  await slow(dialog).toBeVisible();
  // the expiry date the row shows is the one sent as curExpDate
  const shownExpiry = (await fact(dialog, "Current expiry date").innerText()).trim();
  expect(rowText).toContain(shownExpiry);
  await slow(fact(dialog, "New expiry date")).toHaveText(oneYearLater(shownExpiry));
  await expectAccessible(page, "Renew dialog from the list (en)");
  await dialog.getByRole("button", { name: "Renew", exact: true }).click();
  await slow(
    page.getByText(`${name} is renewed until ${oneYearLater(shownExpiry)}.`),
  ).toBeVisible();
  await slow(row).toContainText(oneYearLater(shownExpiry));
});

test("proxy@demo.test sees Cancel domain, Restore and Renewal policy, not Renew — neither on the page nor in the list", async ({
  page,
}) => {
  await logIn(page, "proxy@demo.test");
  await page.goto("/domains/søbakke.dk");
  const panel = actionsPanel(page);
  for (const own of ["Cancel domain", "Restore", "Renewal policy"]) {
    await slow(panel.getByRole("button", { name: own, exact: true })).toBeVisible();
  }
  await expect(panel.getByRole("button", { name: "Renew", exact: true })).toHaveCount(0);
  // Restore is not possible on an active domain: disabled, and the panel says why
  await expect(panel.getByRole("button", { name: "Restore", exact: true })).toBeDisabled();
  await expect(
    panel.getByText(/^Not possible now: only a suspended domain name can be restored/),
  ).toBeVisible();

  await page.goto("/domains");
  const table = page.getByRole("table", { name: /Domain names in your portfolio/ });
  await slow(table.locator("tbody tr").first()).toBeVisible();
  await expect(table.getByRole("button", { name: /^Renew / })).toHaveCount(0);
});

test("registrar@demo.test sees none of Renew, Restore, Cancel domain or Renewal policy", async ({
  page,
}) => {
  await logIn(page, "registrar@demo.test");
  await page.goto("/domains/søbakke.dk");
  await slow(page.getByRole("heading", { level: 1, name: "søbakke.dk" })).toBeVisible();
  const panel = actionsPanel(page);
  for (const own of ["Renew", "Restore", "Cancel domain", "Renewal policy"]) {
    await expect(panel.getByRole("button", { name: own, exact: true })).toHaveCount(0);
  }
});

test("issue 21: after the operator changes the renewal fee, the Renew dialog shows and the ledger bills the new fee; the fee is put back", async ({
  page,
  browser,
}) => {
  const operator = await browser.newContext();
  const op = await operator.newPage();
  const setFee = async (fee: string, preset: boolean) => {
    await op.goto("/operator/policy");
    if (preset) {
      await op.getByLabel("Rule set").selectOption({ label: "2021 specification" });
      await op.getByRole("button", { name: "Fill in the rule set" }).click();
    } else {
      await op.getByLabel("Registration and renewal, per year").fill(fee);
    }
    await slow(op.getByLabel("Registration and renewal, per year")).toHaveValue(fee);
    await op.getByRole("button", { name: "Save as new version" }).click();
    await slow(op.getByRole("status")).toContainText(/Version \d+ saved/);
  };
  await op.goto("/operator/login");
  await op.getByLabel("Email").fill("operator@registry.test");
  await op.getByLabel("Password").fill(PASSWORD);
  await op.getByRole("button", { name: "Log in" }).click();
  await slow(
    op.getByRole("heading", { level: 1, name: "Operator console", exact: true }),
  ).toBeVisible();
  await setFee("50.00", false);
  try {
    await logIn(page, "payer@demo.test");
    const name = await pick(page, POOLS.fee, "Renew");
    const before = (await ledgerEntries(page, "RENEWAL", name)).length;
    await page.goto(`/domains/${name}`);
    const dialog = await openRenew(page, name);
    await slow(fact(dialog, "Price")).toHaveText(/^DKK\s50\.00$/);
    const expected = oneYearLater((await fact(dialog, "Current expiry date").innerText()).trim());
    await dialog.getByRole("button", { name: "Renew", exact: true }).click();
    await slow(page.getByText(`${name} is renewed until ${expected}.`)).toBeVisible();
    const after = await ledgerEntries(page, "RENEWAL", name);
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatch(/DKK\s50\.00/);
  } finally {
    // the demo's policy is the 2021 preset (45.00 a year)
    await setFee("45.00", true);
    await operator.close();
  }
});
