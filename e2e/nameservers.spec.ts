import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectAccessible, switchLanguage } from "./axe";
import { PASSWORD, logOut } from "./support";

// Issue 17: name servers, DNSSEC and redelegation, as the people who use them. Each journey sets
// up its own data (hosts with a random suffix) on demo domains no other spec changes, and leaves
// them as a rerun can use them again.

// The shared machine can be slow (Argon2 logins, server actions): generous waits, never sleeps.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 20_000 });
const slow = { timeout: 30_000 };

/** e2e/support.ts's logIn with a longer wait for the dashboard. */
async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^(Dashboard|Overblik)$/ })).toBeVisible(
    slow,
  );
}

const suffix = () => Math.random().toString(36).slice(2, 8);
const P256_RDATA =
  "257 3 13 GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==";

/** "Edit name servers" on the domain's page: set the rows, review the plan, save. */
async function setNameServers(
  page: Page,
  domain: string,
  hosts: string[],
  options: { confirmDs?: boolean } = {},
) {
  await page.goto(`/domains/${domain}/nameservers`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Name servers of ${domain}` }),
  ).toBeVisible();
  for (let i = 0; i < hosts.length; i += 1)
    await page.getByRole("textbox", { name: `Name server ${i + 1}`, exact: true }).fill(hosts[i]!);
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("heading", { name: "What will happen" })).toBeVisible();
  if (options.confirmDs) await page.getByLabel("Remove DS records").check();
  await page.getByRole("button", { name: "Save name servers" }).click();
  await expect(page.getByText(`Name servers of ${domain} saved.`)).toBeVisible(slow);
  const current = page.getByRole("table", { name: "Current name servers" });
  for (const host of hosts) await expect(current.getByRole("cell", { name: host })).toBeVisible();
}

async function addDsRecord(page: Page, domain: string, keyTag: number) {
  await page.goto(`/domains/${domain}/dnssec`);
  await page.getByLabel("Key tag").fill(String(keyTag));
  await page.getByLabel("Algorithm").selectOption({ label: "13 — ECDSA P-256 with SHA-256" });
  await page.getByLabel("Digest type").selectOption({ label: "2 — SHA-256" });
  await page.getByRole("textbox", { name: "Digest", exact: true }).fill("AB".repeat(32));
  await page.getByRole("button", { name: "Add DS record" }).click();
  await expect(page.getByText(`DS record ${keyTag} added.`)).toBeVisible(slow);
  await expect(
    page
      .getByRole("table", { name: `DS records of ${domain}` })
      .getByRole("cell", { name: String(keyTag), exact: true }),
  ).toBeVisible();
}

test("issue 17: an NSA creates a name server with glue, uses it, adds and removes a DS record, and deletes it once unused", async ({
  page,
}) => {
  const host = `ns9-${suffix()}.musikskole-demo.dk`;
  const domain = "galleri-demo.dk";
  await logIn(page, "nsa@demo.test");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Name servers" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Name servers" })).toBeVisible();
  await page.getByRole("link", { name: "Create name server" }).click();

  await page.getByLabel("Host name").fill(host);
  await expect(
    page.getByText(
      `${host} is under musikskole-demo.dk, one of your domain names, so it may have glue addresses.`,
    ),
  ).toBeVisible();
  await page.getByRole("button", { name: "Add IPv4 address" }).click();
  await page.getByRole("textbox", { name: "IPv4 address 1" }).fill("10.0.0.1");
  await page.getByRole("button", { name: "Add IPv6 address" }).click();
  await page.getByRole("textbox", { name: "IPv6 address 1" }).fill("2001:db8::99");
  await page.getByRole("button", { name: "Create name server" }).click();
  // R-NS-1: a private address is refused at its own field
  await expect(page.getByRole("textbox", { name: "IPv4 address 1" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(
    page.getByText("This is not a valid, publicly routable IP address.").first(),
  ).toBeVisible();
  await page.getByRole("textbox", { name: "IPv4 address 1" }).fill("192.0.2.99");
  await page.getByRole("button", { name: "Create name server" }).click();
  await expect(page.getByRole("heading", { level: 1, name: host })).toBeVisible();
  await expect(page.getByText("192.0.2.99").first()).toBeVisible();
  await expect(page.getByText("2001:db8::99").first()).toBeVisible();

  // put it on another domain's name servers
  await setNameServers(page, domain, ["ns1.dns-provider.net", host]);

  // DNSSEC: the digest is checked as it is typed; a pasted DNSKEY fills the fields; add, remove
  await page.getByRole("link", { name: "DNSSEC" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DNSSEC of ${domain}` })).toBeVisible();
  await page.getByLabel("Digest type").selectOption({ label: "2 — SHA-256" });
  await page.getByRole("textbox", { name: "Digest", exact: true }).fill("ABCDEF");
  await expect(page.getByText("64 hex digits for this digest type; 6 typed.")).toBeVisible();
  await page.getByLabel("Key tag").focus();
  await expect(page.getByText("A SHA-256 digest has 64 hex digits.")).toBeVisible();
  await page.getByLabel("Paste a DNSKEY").fill(`example.net. 3600 IN DNSKEY ${P256_RDATA}`);
  await page.getByRole("button", { name: "Fill from DNSKEY" }).click();
  await expect(
    page.getByText(/the key is for example\.net|not usable|not valid/i).first(),
  ).toBeVisible();
  await page.getByLabel("Paste a DNSKEY").fill(P256_RDATA);
  await page.getByRole("button", { name: "Fill from DNSKEY" }).click();
  await expect(page.getByLabel("Algorithm")).toHaveValue("13");
  await expect(page.getByRole("textbox", { name: "Digest", exact: true })).toHaveValue(
    /^[0-9A-F]{64}$/,
  );
  const keyTag = await page.getByLabel("Key tag").inputValue();
  await page.getByRole("button", { name: "Add DS record" }).click();
  await expect(page.getByText(`DS record ${keyTag} added.`)).toBeVisible(slow);
  const records = page.getByRole("table", { name: `DS records of ${domain}` });
  await expect(records.getByRole("cell", { name: keyTag, exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Remove DS record ${keyTag}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`DS record ${keyTag} removed.`)).toBeVisible(slow);
  await expect(page.getByRole("cell", { name: keyTag, exact: true })).toHaveCount(0);

  // R-NS-3: deleting while used is refused, naming the domain (a link)
  await page.goto(`/nameservers/${host}`);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "cannot be deleted" });
  await expect(refusal).toContainText(
    `${host} cannot be deleted: these domain names still use it.`,
  );
  await expect(refusal.getByRole("link", { name: domain })).toHaveAttribute(
    "href",
    `/domains/${domain}`,
  );

  // take it off the domain, then delete it
  await setNameServers(page, domain, ["ns1.dns-provider.net", "ns2.dns-provider.net"]);
  await page.goto(`/nameservers/${host}`);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(`Name server ${host} deleted.`)).toBeVisible(slow);
  await expect(page).toHaveURL(/\/nameservers$/);
  expect((await page.goto(`/nameservers/${host}`))?.status()).toBe(404);
});

test("R-NS-1 glue is not offered for an out-of-zone host, and the form says why", async ({
  page,
}) => {
  await logIn(page, "nsa@demo.test");
  await page.goto("/nameservers/new");
  await page.getByLabel("Host name").fill(`ns-${suffix()}.example.net`);
  await expect(page.getByText(/is not under \.dk, so it cannot have glue addresses/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add IPv4 address" })).toHaveCount(0);
  await page.getByLabel("Host name").fill(`ns-${suffix()}.other-hosting.dk`);
  await expect(page.getByText(/other-hosting\.dk is not one of your domain names/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add IPv4 address" })).toHaveCount(0);
});

test("R-NS-4 replacing all name servers of a signed domain needs the DS confirmation", async ({
  page,
}) => {
  const domain = "koereskole-demo.dk";
  await logIn(page, "nsa@demo.test");
  await page.goto(`/domains/${domain}/nameservers`);
  const first = await page
    .getByRole("textbox", { name: "Name server 1", exact: true })
    .inputValue();
  const [from, to] = first.includes("dns-provider")
    ? [
        ["ns1.dns-provider.net", "ns2.dns-provider.net"],
        ["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"],
      ]
    : [
        ["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"],
        ["ns1.dns-provider.net", "ns2.dns-provider.net"],
      ];
  const keyTag = 1000 + Math.floor(Math.random() * 60000);
  await addDsRecord(page, domain, keyTag);

  await page.goto(`/domains/${domain}/nameservers`);
  await page.getByRole("textbox", { name: "Name server 1", exact: true }).fill(to[0]!);
  await page.getByRole("textbox", { name: "Name server 2", exact: true }).fill(to[1]!);
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(
    page.getByText(
      /Every name server is replaced, so the domain name's .*DS record.* will be removed/,
    ),
  ).toBeVisible();
  // without the confirmation nothing changes
  await page.getByRole("button", { name: "Save name servers" }).click();
  await expect(page.getByLabel("Remove DS records")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  const current = page.getByRole("table", { name: "Current name servers" });
  await expect(current.getByRole("cell", { name: from[0]! })).toBeVisible();
  await page.goto(`/domains/${domain}/dnssec`);
  await expect(page.getByRole("cell", { name: String(keyTag), exact: true })).toBeVisible();
  // with it, the DS records are gone
  await setNameServers(page, domain, to, { confirmDs: true });
  await page.goto(`/domains/${domain}/dnssec`);
  await expect(
    page.getByText("No DS records: the domain name is not DNSSEC-signed."),
  ).toBeVisible();
});

test("R-TOK-4 an NSA-REDEL token issued by Demo's NSA lets Other Registrar redelegate; both are told", async ({
  page,
}) => {
  const domain = "flytte-demo.dk";
  await logIn(page, "nsa@demo.test");
  await page.goto("/nameservers/tokens");
  await page.getByRole("textbox", { name: "Domain name" }).fill(domain);
  await page.getByRole("button", { name: "Issue token" }).click();
  const tokenField = page.getByRole("textbox", { name: "Redelegation token" });
  await expect(tokenField).toHaveValue(/^NSA-REDEL-[0-9a-f]{32}$/);
  const token = await tokenField.inputValue();
  await expect(page.getByRole("button", { name: "Copy token" })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Open redelegation tokens" })
      .getByRole("row")
      .filter({ hasText: domain }),
  ).toHaveCount(1);
  await logOut(page);

  await logIn(page, "admin@other.test");
  await page.goto("/nameservers/redelegate");
  await page.getByRole("textbox", { name: "Domain name" }).fill(domain);
  await page.getByRole("textbox", { name: "Redelegation token" }).fill(token);
  await page
    .getByRole("textbox", { name: "Name server 1", exact: true })
    .fill("ns1.other-hosting.dk");
  await page
    .getByRole("textbox", { name: "Name server 2", exact: true })
    .fill("ns2.other-hosting.dk");
  await page.getByRole("button", { name: "Redelegate" }).click();
  await expect(
    page.getByText(`Name servers of ${domain} set: ns1.other-hosting.dk, ns2.other-hosting.dk.`),
  ).toBeVisible(slow);
  await page.goto("/messages");
  await expect(page.getByText(domain).first()).toBeVisible();
  await logOut(page);

  await logIn(page, "nsa@demo.test");
  await page.goto(`/domains/${domain}/nameservers`);
  await expect(
    page
      .getByRole("table", { name: "Current name servers" })
      .getByRole("cell", { name: "ns1.other-hosting.dk" }),
  ).toBeVisible();
  await page.goto("/messages");
  await expect(page.getByText(domain).first()).toBeVisible();
});

test("R-TOK-2 a redelegation token is retracted from the list", async ({ page }) => {
  const domain = "vikar-demo.dk";
  await logIn(page, "nsa@demo.test");
  await page.goto("/nameservers/tokens");
  await page.getByRole("textbox", { name: "Domain name" }).fill(domain);
  await page.getByRole("button", { name: "Issue token" }).click();
  await expect(page.getByRole("textbox", { name: "Redelegation token" })).toHaveValue(
    /^NSA-REDEL-/,
  );
  await page.getByRole("button", { name: `Retract the token for ${domain}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Retract" }).click();
  await expect(page.getByText(`Token for ${domain} retracted.`)).toBeVisible(slow);
  await expect(page.getByRole("button", { name: `Retract the token for ${domain}` })).toHaveCount(
    0,
  );
});

test("payer@demo.test gets 403 on /nameservers", async ({ page }) => {
  await logIn(page, "payer@demo.test");
  const response = await page.goto("/nameservers");
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You do not have access to this section" }),
  ).toBeVisible();
  expect((await page.goto("/nameservers/tokens"))?.status()).toBe(403);
});

test("Other Registrar's name servers never show in Demo's list, and each sees 404 for the other's", async ({
  page,
}) => {
  await logIn(page, "nsa@demo.test");
  await page.goto("/nameservers?q=other-hosting");
  await expect(page.getByText("No results")).toBeVisible();
  await page.goto("/nameservers?size=100");
  await expect(page.getByRole("link", { name: "ns1.demo-hosting.dk", exact: true })).toBeVisible();
  await expect(page.getByRole("table")).not.toContainText("other-hosting");
  expect((await page.goto("/nameservers/ns1.other-hosting.dk"))?.status()).toBe(404);
  await logOut(page);

  await logIn(page, "admin@other.test");
  expect((await page.goto("/nameservers/ns1.demo-hosting.dk"))?.status()).toBe(404);
  expect((await page.goto("/domains/demo-hosting.dk/nameservers"))?.status()).toBe(404);
  expect((await page.goto("/domains/demo-hosting.dk/dnssec"))?.status()).toBe(404);
  expect((await page.goto("/domains/findes-slet-ikke.dk/nameservers"))?.status()).toBe(404);
  await page.goto("/nameservers");
  await expect(page.getByRole("table")).not.toContainText("demo-hosting");
});

for (const language of ["en", "da"] as const) {
  test(`issue 17 pages are accessible (${language})`, async ({ page }) => {
    await logIn(page, "nsa@demo.test");
    // the header's switch: a user's stored choice outranks the cookie
    if (language === "da") await switchLanguage(page, "Dansk");
    try {
      const pages = [
        "/nameservers",
        "/nameservers/new",
        "/nameservers/ns1.demo-hosting.dk",
        "/domains/demo-hosting.dk/nameservers",
        "/domains/demo-hosting.dk/dnssec",
        "/nameservers/tokens",
        "/nameservers/redelegate",
      ];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(page, `${path} (${language})`);
      }
      // the create form with its glue rows, and the confirmation dialog
      await page.goto("/nameservers/new");
      await page
        .getByLabel(language === "da" ? "Værtsnavn" : "Host name")
        .fill("ns7.demo-hosting.dk");
      await page
        .getByRole("button", {
          name: language === "da" ? "Tilføj IPv4-adresse" : "Add IPv4 address",
        })
        .click();
      await expectAccessible(page, `/nameservers/new with glue rows (${language})`);
    } finally {
      if (language === "da") {
        await page.goto("/nameservers");
        await switchLanguage(page, "English");
      }
    }
  });
}
