import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_CSV_HEADER,
  auditEventsCsv,
  createHandle,
  describeAuditChange,
  getAccountProfile,
  getAllowlistOverview,
  linkHandle,
  listAuditActors,
  listAuditEvents,
  listAuditVocabulary,
  listLinkedHandles,
  listLinkOptions,
  mergeHandles,
  redactAuditValue,
  updateAccountSettings,
} from "@/lib/registry/accounts";
import { registerDomain } from "@/lib/registry/domains";
import { cidrNetwork } from "@/lib/net/cidr";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo";
import { ACCOUNT_TABLES } from "../account-support";
import { createTestAccount } from "../fresh-account";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

// Issue 20 (Administration 2): what the pages need of the core beyond the operations themselves.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const admin = () => r.ctx(r.user(["ADMINISTRATOR"]));
const otherAdmin = () => r.ctx(r.user(["ADMINISTRATOR"], "other"));

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of gen) text += chunk;
  return text;
}

describe("R-ACC-5 the handle list and link options", () => {
  it("R-ACC-5 lists each handle with the live domains and name servers that use it, the registrar handle first", async () => {
    const list = await listLinkedHandles(admin());
    expect(list[0]).toMatchObject({ handle: "REG-DEMO", isRegistrarHandle: true });
    const jca = list.find((h) => h.handle === "JCA1-DK")!;
    const expected = await r.prisma.domain.count({
      where: { state: { not: "DELETED" }, OR: [{ registrant: { handle: "JCA1-DK" } }, { proxy: { handle: "JCA1-DK" } }, { payer: { handle: "JCA1-DK" } }] },
    });
    expect(jca.domains).toBe(expected);
    expect(jca.domains).toBeGreaterThan(0);
    const regNs = await r.prisma.nameServer.count({ where: { nsaHandle: { handle: "REG-DEMO" } } });
    expect(list[0]!.nameServers).toBe(regNs);
    expect(regNs).toBeGreaterThan(0);
    // another registrar's handles are not listed
    expect(list.map((h) => h.handle)).not.toContain("OC1-DK");
  });

  it("R-ACC-5 link options: the exact candidates, and the near misses with the fields that differ", async () => {
    const { candidates, nonMatching } = await listLinkOptions(admin());
    expect(candidates.map((h) => h.handle)).toEqual(["DRA7-DK", "DRA8-DK"]);
    expect(nonMatching).toEqual([
      expect.objectContaining({ handle: "DRA9-DK", differing: ["street", "postalCode", "city", "email"] }),
    ]);
    // Other Registrar's administrator sees none of them (Other's data differ entirely)
    expect(await listLinkOptions(otherAdmin())).toEqual({ candidates: [], nonMatching: [] });
  });

  it("R-ACC-5 linking a near miss is refused naming the fields in words (HANDLE_NOT_LINKABLE)", async () => {
    await expectRefusal(r, () => linkHandle(admin(), { handle: "DRA9-DK" }), "HANDLE_NOT_LINKABLE", ACCOUNT_TABLES);
    const error: unknown = await linkHandle(admin(), { handle: "DRA9-DK" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: "Handle DRA9-DK cannot be linked: its street, postal code, city, email differ from the account's",
      details: { field: "handle", differing: ["street", "postalCode", "city", "email"] },
    });
  });

  it("R-ACC-5 the merge preview names own domains and counts the rest; the merged domains then name the survivor", async () => {
    const [a, b] = [await createHandle(admin()), await createHandle(admin())];
    const name = freshName("preview");
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: b.handle, nameServers: OUT_OF_ZONE });
    const input = { survivor: a.handle, merged: [b.handle] };
    const preview = await mergeHandles(admin(), { ...input, preview: true });
    expect(preview).toMatchObject({ domains: [{ name, roles: ["registrant"] }], otherRegistrarDomains: 0, nameServers: [] });
    await mergeHandles(admin(), input);
    const list = await listLinkedHandles(admin());
    expect(list.find((h) => h.handle === a.handle)).toMatchObject({ domains: 1 });
    expect(list.map((h) => h.handle)).not.toContain(b.handle);
  });
});

describe("R-ACC-6 account settings", () => {
  it("R-ACC-6 shows the account's contact data as the registry holds it", async () => {
    expect(await getAccountProfile(admin())).toMatchObject({
      handle: "REG-DEMO",
      name: "Demo Registrar A/S",
      street: "Havnegade 12",
      postalCode: "1058",
      city: "København K",
      countryCode: "DK",
      email: "hostmaster@demo.test",
      vatNumber: "DK12345678",
    });
    await expect(getAccountProfile(r.ctx(r.user(["REGISTRAR", "PROXY", "PAYER", "NSA"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });

  it("R-ACC-6 the audit event of a change names only what changed, before and after", async () => {
    await updateAccountSettings(admin(), { defaultManagementModel: "REGISTRAR", defaultRenewalPolicy: "AUTO_EXPIRE" });
    try {
      const [event] = (await listAuditEvents(admin(), { operation: "account.updateSettings", limit: 1 })).events;
      expect(event).toMatchObject({
        outcome: "SUCCESS",
        before: { defaultRenewalPolicy: "AUTO_RENEW" },
        after: { defaultRenewalPolicy: "AUTO_EXPIRE" },
        changes: [{ path: "defaultRenewalPolicy", before: "AUTO_RENEW", after: "AUTO_EXPIRE", hasBefore: true, hasAfter: true }],
      });
    } finally {
      await updateAccountSettings(admin(), { defaultRenewalPolicy: "AUTO_RENEW" });
    }
  });
});

describe("R-ACC-7 the allowlist page's view", () => {
  it("R-ACC-7 shows your address, who added each entry and when, and which entries hold your address", async () => {
    const acct = await createTestAccount(r, [{ name: "admin", roles: ["ADMINISTRATOR"] }]);
    const ctx = r.ctx(await acct.actor("admin"));
    const view = await getAllowlistOverview(ctx);
    expect(view.yourAddress).toBe("127.0.0.1");
    expect(view.stepUp).toBe(false);
    expect(view.entries.map((e) => [e.cidr, e.containsYourAddress])).toEqual([
      ["127.0.0.1/32", true],
      ["::1/128", false],
    ]);
    expect(view.entries[0]).toMatchObject({ description: expect.any(String), createdBy: expect.any(String), createdAt: expect.any(Date) });
  });

  it("R-ACC-7 tells the page a TOTP-enrolled Administrator must give a code (step-up)", async () => {
    const acct = await createTestAccount(r, [{ name: "totp", roles: ["ADMINISTRATOR"], totpSecret: DEMO_TOTP_SECRET }]);
    expect((await getAllowlistOverview(r.ctx(await acct.actor("totp")))).stepUp).toBe(true);
  });

  it.each([
    ["203.0.113.77/24", "203.0.113.0/24"],
    ["127.0.0.2", "127.0.0.2/32"],
    [" 2001:DB8:1::5/48 ", "2001:db8:1::/48"],
    ["::ffff:10.1.2.3/104", "10.0.0.0/8"],
    ["10.1/8", null],
    ["1.2.3.4/33", null],
    ["1.2.3.4, 5.6.7.8", null],
    ["", null],
  ])("R-ACC-7 the normalised network of %j is %j", (input, network) => {
    expect(cidrNetwork(input)).toBe(network);
  });
});

describe("the audit log", () => {
  it("hides secrets: keys naming one, tokens and registrant links in any text", () => {
    const value = {
      passwordHash: "$argon2id$…",
      totpSecret: "JBSWY3DP",
      token: "abc",
      recoveryCodes: 10,
      note: "sent REG-TRANSFER-0123456789abcdef0123456789abcdef and https://rp.test/r/terms/0123456789abcdef0123456789abcdef",
      nested: [{ secretHash: "x", host: "ns1.example.dk" }],
    };
    expect(redactAuditValue(value)).toEqual({
      passwordHash: "[hidden]",
      totpSecret: "[hidden]",
      token: "[hidden]",
      recoveryCodes: 10,
      note: "sent REG-TRANSFER-[hidden] and https://rp.test/r/terms/[hidden]",
      nested: [{ secretHash: "[hidden]", host: "ns1.example.dk" }],
    });
  });

  it("describes before → after as the fields that differ", () => {
    expect(describeAuditChange({ exDate: "2026-01-01", charged: 4500 }, { exDate: "2027-01-01", charged: 4500 })).toEqual([
      { path: "exDate", before: "2026-01-01", after: "2027-01-01", hasBefore: true, hasAfter: true },
    ]);
    expect(describeAuditChange(null, { cidr: "127.0.0.2/32", description: "Test" })).toEqual([
      { path: "cidr", before: null, after: "127.0.0.2/32", hasBefore: false, hasAfter: true },
      { path: "description", before: null, after: "Test", hasBefore: false, hasAfter: true },
    ]);
    expect(describeAuditChange({ nameServers: ["a", "b"] }, { nameServers: ["a", "c"], other: { invoices: 1 } })).toEqual([
      { path: "nameServers", before: ["a", "b"], after: ["a", "c"], hasBefore: true, hasAfter: true },
      { path: "other.invoices", before: null, after: 1, hasBefore: false, hasAfter: true },
    ]);
  });

  it("a secret that slipped into an event is never shown, in the list or the CSV", async () => {
    await r.prisma.auditEvent.create({
      data: {
        at: r.clock.now(),
        actorKind: "PORTAL",
        actorLabel: "slip@demo.test",
        accountId: r.demoId,
        operation: "test.slip",
        objectType: "Test",
        after: { password: "Hunter2-Hunter2", link: "/r/terms/0123456789abcdef0123456789abcdef" },
        outcome: "SUCCESS",
      },
    });
    const [event] = (await listAuditEvents(admin(), { operation: "test.slip" })).events;
    expect(JSON.stringify(event)).not.toContain("Hunter2");
    expect(JSON.stringify(event)).not.toContain("0123456789abcdef");
    const csv = await collect(auditEventsCsv(admin(), { operation: "test.slip" }));
    expect(csv).not.toContain("Hunter2");
    expect(csv).toContain("[hidden]");
  });

  it("filters by actor, object (label prefix, any case), outcome with code, and a Copenhagen date range", async () => {
    const acct = await createTestAccount(r, [
      { name: "admin", roles: ["ADMINISTRATOR"] },
      { name: "second", roles: ["ADMINISTRATOR"] },
    ]);
    const first = r.ctx(await acct.actor("admin"));
    const second = r.ctx(await acct.actor("second"));
    const { addAllowlistEntry, removeAllowlistEntry, listAllowlist } = await import("@/lib/registry/accounts");
    await addAllowlistEntry(first, { cidr: "198.51.100.0/24", description: "Office" });
    await addAllowlistEntry(second, { cidr: "203.0.113.0/24", description: "VPN" });
    const own = (await listAllowlist(first)).find((e) => e.cidr === "127.0.0.1/32")!;
    await expect(removeAllowlistEntry(second, { id: own.id })).rejects.toMatchObject({ code: "CONFIRMATION_REQUIRED" });

    const secondUser = (await listAuditActors(first)).find((u) => u.label === acct.email("second"))!;
    expect(secondUser.kind).toBe("PORTAL");
    const bySecond = await listAuditEvents(first, { actorId: secondUser.id });
    expect(bySecond.events.map((e) => [e.operation, e.outcome, e.errorCode])).toEqual([
      ["allowlist.remove", "REFUSED", "CONFIRMATION_REQUIRED"],
      ["allowlist.add", "SUCCESS", null],
    ]);
    expect((await listAuditEvents(first, { object: "198.51" })).events.map((e) => e.objectLabel)).toEqual(["198.51.100.0/24"]);
    expect((await listAuditEvents(first, { outcome: "REFUSED" })).events).toHaveLength(1);
    // the seed clock stands at 2026-03-10 11:00 Copenhagen
    expect((await listAuditEvents(first, { from: "2026-03-10", to: "2026-03-10" })).events).toHaveLength(3);
    expect((await listAuditEvents(first, { from: "2026-03-11" })).events).toHaveLength(0);
    expect((await listAuditEvents(first, { to: "2026-03-09" })).events).toHaveLength(0);
    await expect(listAuditEvents(first, { from: "2026-03-11", to: "2026-03-10" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(listAuditEvents(first, { actorId: "nobody" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    // another account's administrator sees none of these events, even filtering for them
    expect((await listAuditEvents(otherAdmin(), { actorId: secondUser.id })).events).toEqual([]);
    expect((await listAuditEvents(admin(), { object: "198.51.100" })).events).toEqual([]);
  });

  it("finds a domain's events by its U-label as well as its A-label", async () => {
    const { renewDomain } = await import("@/lib/registry/domains");
    const domain = await r.prisma.domain.findFirstOrThrow({ where: { uLabel: "søbakke.dk" } });
    const exDate = domain.exDate!.toISOString().slice(0, 10);
    await renewDomain(r.ctx(r.user(["PAYER"])), { name: "søbakke.dk", curExpDate: exDate, period: { unit: "y", value: 1 } });
    for (const object of ["søbakke", "SØBAKKE.dk", domain.aLabel]) {
      const events = (await listAuditEvents(admin(), { object, operation: "domain.renew" })).events;
      expect(events.map((e) => e.objectLabel), object).toEqual([domain.aLabel]);
      expect(events[0]!.changes.map((c) => c.path)).toContain("exDate");
    }
  });

  it("pages both ways with keyset cursors", async () => {
    const acct = await createTestAccount(r, [{ name: "admin", roles: ["ADMINISTRATOR"] }]);
    const ctx = r.ctx(await acct.actor("admin"));
    const { addAllowlistEntry } = await import("@/lib/registry/accounts");
    for (let i = 1; i <= 5; i++) await addAllowlistEntry(ctx, { cidr: `192.0.2.${i}`, description: `Host ${i}` });
    const labels = (p: { events: { objectLabel: string | null }[] }) => p.events.map((e) => e.objectLabel);
    const p1 = await listAuditEvents(ctx, { limit: 2 });
    expect(labels(p1)).toEqual(["192.0.2.5/32", "192.0.2.4/32"]);
    expect(p1.prevCursor).toBeNull();
    const p2 = await listAuditEvents(ctx, { limit: 2, cursor: p1.nextCursor });
    expect(labels(p2)).toEqual(["192.0.2.3/32", "192.0.2.2/32"]);
    const p3 = await listAuditEvents(ctx, { limit: 2, cursor: p2.nextCursor });
    expect(labels(p3)).toEqual(["192.0.2.1/32"]);
    expect(p3.nextCursor).toBeNull();
    const back = await listAuditEvents(ctx, { limit: 2, before: p3.prevCursor });
    expect(labels(back)).toEqual(labels(p2));
    const front = await listAuditEvents(ctx, { limit: 2, before: back.prevCursor });
    expect(labels(front)).toEqual(labels(p1));
    expect(front.prevCursor).toBeNull();
    expect(front.nextCursor).toBe(p1.nextCursor);
  });

  it("the CSV export lists exactly the filtered events, header first, formulas defused", async () => {
    const acct = await createTestAccount(r, [{ name: "admin", roles: ["ADMINISTRATOR"] }]);
    const ctx = r.ctx(await acct.actor("admin"));
    const { addAllowlistEntry } = await import("@/lib/registry/accounts");
    await addAllowlistEntry(ctx, { cidr: "192.0.2.9", description: "Plain, with a comma" });
    await r.prisma.auditEvent.create({
      data: {
        at: r.clock.now(),
        actorKind: "PORTAL",
        actorLabel: "@SUM(1)",
        accountId: acct.accountId,
        operation: "allowlist.add",
        objectType: "IpAllowlistEntry",
        objectLabel: '=HYPERLINK("x")',
        outcome: "SUCCESS",
      },
    });
    const csv = await collect(auditEventsCsv(ctx, { operation: "allowlist.add" }));
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    const listed = (await listAuditEvents(ctx, { operation: "allowlist.add" })).events;
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(listed.map((e) => e.id));
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'@SUM(1)");
    expect(() => auditEventsCsv(r.ctx(r.user(["REGISTRAR"])))).toThrow(expect.objectContaining({ code: "NOT_AUTHORIZED" }));
  });

  it("offers the known operations and object types for the filters", async () => {
    const vocabulary = await listAuditVocabulary(admin());
    expect(vocabulary.operations).toEqual([...vocabulary.operations].sort());
    expect(vocabulary.operations).toContain("account.updateSettings");
    expect(vocabulary.objectTypes).toContain("IpAllowlistEntry");
  });
});
