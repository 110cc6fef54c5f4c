import { expect as baseExpect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { logIn } from "./support";
import { createUserOnPage, loggedInContext, rowAction, submitLogin, uniqueEmail, usersRow } from "./users-support";

test.describe.configure({ timeout: 180_000 }); // a shared machine: journeys of many page loads
const expect = baseExpect.configure({ timeout: 15_000 });

// Issue 19: the Administrator's users and service users (R-ACC-1…4). The journeys create their own
// users; the demo users are only read (admin@other.test only tries what the last-Administrator
// guard refuses, which changes nothing).

test("as admin@demo.test: create a Registrar, take the role away and disable it — its browser is logged out each time", async ({
  page,
  browser,
}) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const { email, password } = await createUserOnPage(page, ["REGISTRAR"], "reg");
  const row = usersRow(page, email);
  await expect(row).toContainText("Registrar");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Off");
  await expect(row).toContainText("Never");

  // the new user in a second browser
  const second = await loggedInContext(browser, email, password);
  await second.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
  await expect(second).toHaveURL(/\/domains$/);

  // the meta-role taken away in the first: the second is out at its next click
  await rowAction(page, email, "Edit meta-roles");
  const roles = page.getByRole("dialog", { name: `Meta-roles of ${email}` });
  await expect(roles).toContainText("ends the user's sessions at once");
  await roles.getByRole("checkbox", { name: "Registrar", exact: true }).uncheck();
  await roles.getByRole("checkbox", { name: "Payer", exact: true }).check();
  await roles.getByRole("button", { name: "Save meta-roles" }).click();
  await expect(roles).toHaveCount(0);
  await expect(row).toContainText("Payer");
  await expect(row).toContainText(/Last login|\d/);
  await second.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(second).toHaveURL(/\/login/);

  // back in as a Payer; disabled in the first: refused at the next request, and at login
  await logIn(second, email, password);
  await rowAction(page, email, "Disable");
  const disable = page.getByRole("dialog", { name: `Disable ${email}?` });
  await expect(disable).toContainText("logged out at once");
  await disable.getByRole("button", { name: "Disable user" }).click();
  await expect(row).toContainText("Disabled");
  await second.reload();
  await expect(second).toHaveURL(/\/login/);
  await submitLogin(second, email, password);
  await expect(second.getByText("This user is disabled.", { exact: false }).first()).toBeVisible();

  // enabled again, its password reset (shown once), then deleted after a confirmation naming the consequences
  await rowAction(page, email, "Enable");
  await page.getByRole("dialog", { name: `Enable ${email}?` }).getByRole("button", { name: "Enable user" }).click();
  await expect(row).toContainText("Active");
  await rowAction(page, email, "Reset password");
  const reset = page.getByRole("dialog", { name: `Reset the password of ${email}` });
  await expect(reset).toContainText("logged out at once");
  await reset.getByRole("button", { name: "Reset password" }).click();
  const shown = page.getByRole("dialog", { name: `Initial password for ${email}` });
  const newPassword = await shown.getByLabel("Initial password").inputValue();
  await shown.getByRole("button", { name: "I have passed it on" }).click();
  await logIn(second, email, newPassword);

  await rowAction(page, email, "Delete");
  const del = page.getByRole("dialog", { name: `Delete ${email}?` });
  await expect(del).toContainText("can never log in again");
  await expect(del).toContainText("stays in the audit log");
  await expectAccessible(page, "delete confirmation");
  await del.getByRole("button", { name: "Delete user" }).click();
  await expect(usersRow(page, email)).toHaveCount(0);
  await second.reload();
  await expect(second).toHaveURL(/\/login/);
});

test("the Administrator sees the account's sessions and ends one; that browser is logged out", async ({ page, browser }) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/users");
  const { email, password } = await createUserOnPage(page, ["NSA"], "sess");
  const user = await loggedInContext(browser, email, password);
  await page.reload();
  const sessions = page.getByRole("table", { name: "Sessions in the account" });
  await expect(sessions.getByRole("row", { name: new RegExp(email) })).toHaveCount(1);
  await page.getByRole("button", { name: new RegExp(`^End session of ${email.replace(/[.+]/g, "\\$&")}`) }).click();
  const dialog = page.getByRole("dialog", { name: `End this session of ${email}?` });
  await dialog.getByRole("button", { name: "End session" }).click();
  await expect(sessions.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
  await user.reload();
  await expect(user).toHaveURL(/\/login/);
});

test("the last Administrator cannot be disabled or demoted, and the page says why (admin@other.test, its account's only one)", async ({
  page,
}) => {
  await logIn(page, "admin@other.test");
  await page.goto("/admin/users");
  const row = usersRow(page, "admin@other.test");
  await expect(row).toContainText("last active Administrator");
  // admin@other.test sees none of Demo's users
  await expect(page.getByRole("main")).not.toContainText("@demo.test");

  await rowAction(page, "admin@other.test", "Disable");
  const disable = page.getByRole("dialog", { name: "Disable admin@other.test?" });
  await disable.getByRole("button", { name: "Disable user" }).click();
  await expect(disable.getByRole("alert")).toContainText("last active Administrator");
  await expect(disable.getByRole("alert")).toContainText("Give another user the Administrator meta-role first.");
  await disable.getByRole("button", { name: "Cancel" }).click();

  await rowAction(page, "admin@other.test", "Edit meta-roles");
  const roles = page.getByRole("dialog", { name: "Meta-roles of admin@other.test" });
  await roles.getByRole("checkbox", { name: "Administrator", exact: true }).uncheck();
  await roles.getByRole("button", { name: "Save meta-roles" }).click();
  await expect(roles.getByRole("alert")).toContainText("last active Administrator");
  await expectAccessible(page, "last Administrator refusal");
  await roles.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Administrator");
  await expect(row).toContainText("Active");
});

test("an EPP service user's credential shows once and nowhere after", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/service-users");
  await expect(page.getByRole("heading", { level: 1, name: "Service users" })).toBeVisible();
  const email = uniqueEmail("epp");
  await page.getByRole("button", { name: "Create service user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create service user" });
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("E2E EPP client");
  await dialog.getByRole("combobox", { name: "Service" }).selectOption("EPP");
  await expect(dialog.getByRole("checkbox", { name: "Administrator", exact: true })).toHaveCount(0);
  await dialog.getByRole("checkbox", { name: "Registrar", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "Payer", exact: true }).check();
  await expectAccessible(page, "create service user");
  await dialog.getByRole("button", { name: "Create service user" }).click();
  const shown = page.getByRole("dialog", { name: `Credential for ${email}` });
  await expect(shown).toContainText("shown only this once");
  const credential = await shown.getByLabel("Credential").inputValue();
  expect(credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await shown.getByRole("button", { name: "I have saved it" }).click();
  const row = page.getByRole("table", { name: "Service users" }).getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("EPP");
  await expect(row).toContainText("Current credential only");

  // nowhere after: this page, the users page, the administration overview
  for (const path of ["/admin/service-users", "/admin/users", "/admin"]) {
    const response = await page.goto(path);
    const body = (await response?.text()) ?? "";
    expect(body, path).not.toContain(credential);
    await expect(page.locator("body")).not.toContainText(credential);
  }
  // the audit log lists the creation (so its absence there means something), without the credential
  const auditResponse = await page.goto(`/admin/audit?operation=serviceUser.create&object=${encodeURIComponent(email)}`);
  const events = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(events.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  expect((await auditResponse?.text()) ?? "").not.toContain(credential);
  await expect(page.locator("body")).not.toContainText(credential);
  // and its CSV export of the same filter: the event's row, no credential, no hash of it
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText.split("\r\n").filter((line) => line.includes(",serviceUser.create,") && line.includes(email))).toHaveLength(1);
  expect(csvText).not.toContain(credential);
  expect(csvText).not.toMatch(/\$argon2|credentialHash|secretHash/i);

  // rotating: a new credential once, and the page says until when the old one works
  await page.goto("/admin/service-users");
  await page.getByRole("button", { name: `Rotate credential: ${email}` }).click();
  const rotate = page.getByRole("dialog", { name: `Rotate the credential of ${email}?` });
  await expect(rotate).toContainText("keeps working for 24 hours");
  await rotate.getByRole("button", { name: "Rotate credential" }).click();
  const rotated = page.getByRole("dialog", { name: `Credential for ${email}` });
  const fresh = await rotated.getByLabel("Credential").inputValue();
  expect(fresh).not.toBe(credential);
  await expect(rotated.getByRole("status")).toContainText("keeps working until");
  await rotated.getByRole("button", { name: "I have saved it" }).click();
  await expect(row).toContainText("Previous credential works until");
  await expect(page.locator("body")).not.toContainText(fresh);
  await expect(page.locator("body")).not.toContainText(credential);

  // disable and delete
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: `Disable ${email}?` }).getByRole("button", { name: "Disable user" }).click();
  await expect(row).toContainText("Disabled");
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete ${email}?` }).getByRole("button", { name: "Delete user" }).click();
  await expect(row).toHaveCount(0);
});

test("registrar@demo.test gets 403 on the users pages", async ({ page }) => {
  await logIn(page, "registrar@demo.test");
  for (const path of ["/admin/users", "/admin/service-users"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("the users pages pass axe in English and Danish", async ({ page, browser, baseURL }) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/users");
  await expectAccessible(page, "/admin/users (en)");
  await page.getByRole("button", { name: "Create user" }).click();
  await expectAccessible(page, "create user dialog (en)");
  await page.keyboard.press("Escape");
  await page.goto("/admin/service-users");
  await expectAccessible(page, "/admin/service-users (en)");

  // Danish, as an Administrator of our own (admin@demo.test's stored language stays as it is)
  await page.goto("/admin/users");
  const { email, password } = await createUserOnPage(page, ["ADMINISTRATOR"], "axe");
  const context = await browser.newContext();
  await context.addCookies([{ name: "rp-locale", value: "da", url: baseURL! }]);
  const da = await context.newPage();
  await da.goto("/login");
  await da.getByLabel(/E-mail|Email/).fill(email);
  await da.getByLabel(/Adgangskode|Password/).fill(password);
  await da.getByRole("button", { name: /Log ind|Log in/ }).click();
  await expect(da.getByRole("heading", { level: 1, name: "Overblik" })).toBeVisible();
  await da.goto("/admin/users");
  await expect(da.getByRole("heading", { level: 1, name: "Brugere" })).toBeVisible();
  await expectAccessible(da, "/admin/users (da)");
  await da.getByRole("button", { name: "Opret bruger" }).click();
  await expectAccessible(da, "create user dialog (da)");
  await da.keyboard.press("Escape");
  await da.goto("/admin/service-users");
  await expect(da.getByRole("heading", { level: 1, name: "Servicebrugere" })).toBeVisible();
  await expectAccessible(da, "/admin/service-users (da)");
});
