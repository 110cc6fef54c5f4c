import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "@/lib/crypto/totp";
import {
  addAllowlistEntry,
  getAccountSettings,
  listAllowlist,
  listAuditEvents,
  removeAllowlistEntry,
  updateAccountSettings,
} from "@/lib/registry/accounts";
import { registerDomain } from "@/lib/registry/domains";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo";
import { ACCOUNT_TABLES } from "../account-support";
import { createTestAccount } from "../fresh-account";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const admin = () => r.ctx(r.user(["ADMINISTRATOR"]));
const refuse = (run: () => Promise<unknown>, code: Parameters<typeof expectRefusal>[2]) =>
  expectRefusal(r, run, code, ACCOUNT_TABLES);

describe("R-ACC-6 account defaults", () => {
  it("R-ACC-6 a changed default applies to new registrations only, never to existing domains", async () => {
    const existing = await r.prisma.domain.count({ where: { registrarId: r.demoId, renewalPolicy: "AUTO_RENEW" } });
    await updateAccountSettings(admin(), { defaultRenewalPolicy: "AUTO_EXPIRE" });
    try {
      expect(await getAccountSettings(admin())).toMatchObject({ defaultRenewalPolicy: "AUTO_EXPIRE" });
      expect(await r.prisma.domain.count({ where: { registrarId: r.demoId, renewalPolicy: "AUTO_RENEW" } })).toBe(existing);
      const name = freshName("default");
      const result = await registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
      expect(result.domain.renewalPolicy).toBe("AUTO_EXPIRE");
    } finally {
      await updateAccountSettings(admin(), { defaultRenewalPolicy: "AUTO_RENEW" });
    }
  });

  it("R-ACC-6 refuses a management model the policy does not allow (MANAGEMENT_MODEL_NOT_ALLOWED) and non-administrators", async () => {
    const settings = await r.prisma.policy.findUniqueOrThrow({ where: { id: "current" } });
    const s = settings.settings as { registration: { managementModels: string[] } };
    await r.prisma.policy.update({ where: { id: "current" }, data: { settings: { ...s, registration: { ...s.registration, managementModels: ["registrar"] } } } });
    try {
      await refuse(() => updateAccountSettings(admin(), { defaultManagementModel: "REGISTRANT" }), "MANAGEMENT_MODEL_NOT_ALLOWED");
    } finally {
      await r.prisma.policy.update({ where: { id: "current" }, data: { settings: s } });
    }
    await refuse(() => updateAccountSettings(r.ctx(r.user(["REGISTRAR"])), { defaultRenewalPolicy: "AUTO_RENEW" }), "NOT_AUTHORIZED");
  });
});

// The allowlist is the account's: each test gets an account of its own, starting with the loopback
// entries 127.0.0.1/32 and ::1/128, so no test depends on what another one added or removed.
async function allowlistAccount(users: Parameters<typeof createTestAccount>[1] = [{ name: "admin", roles: ["ADMINISTRATOR"] }]) {
  const acct = await createTestAccount(r, users);
  const ctx = r.ctx(await acct.actor(users[0]!.name));
  const idOf = async (cidr: string) => (await listAllowlist(ctx)).find((e) => e.cidr === cidr)!.id;
  return { acct, ctx, idOf };
}

describe("R-ACC-7 IP allowlist", () => {
  it("R-ACC-7 adds v4 and v6 CIDRs, normalised, and removes one", async () => {
    const { ctx } = await allowlistAccount();
    const v4 = await addAllowlistEntry(ctx, { cidr: "203.0.113.77/24", description: "Office" });
    expect(v4.cidr).toBe("203.0.113.0/24");
    const v6 = await addAllowlistEntry(ctx, { cidr: "2001:DB8:1::/48", description: "VPN" });
    expect(v6.cidr).toBe("2001:db8:1::/48");
    await removeAllowlistEntry(ctx, { id: v6.id });
    expect((await listAllowlist(ctx)).map((e) => e.cidr)).toEqual(["127.0.0.1/32", "203.0.113.0/24", "::1/128"]);
  });

  it("R-ACC-7 refuses an invalid CIDR (VALIDATION_FAILED)", async () => {
    const { ctx } = await allowlistAccount();
    await refuse(() => addAllowlistEntry(ctx, { cidr: "10.1/8", description: "x" }), "VALIDATION_FAILED");
  });

  it("R-ACC-7 removing the entry holding the own address needs confirmation (CONFIRMATION_REQUIRED)", async () => {
    const { ctx, idOf } = await allowlistAccount();
    const own = await idOf("127.0.0.1/32");
    await refuse(() => removeAllowlistEntry(ctx, { id: own }), "CONFIRMATION_REQUIRED");
    await removeAllowlistEntry(ctx, { id: own, confirm: true });
    expect((await listAllowlist(ctx)).map((e) => e.cidr)).toEqual(["::1/128"]);
  });

  it("R-ACC-7 the list can never be emptied (ALLOWLIST_CANNOT_BE_EMPTY)", async () => {
    const { ctx, idOf } = await allowlistAccount();
    await removeAllowlistEntry(ctx, { id: await idOf("::1/128") });
    const last = await idOf("127.0.0.1/32");
    await refuse(() => removeAllowlistEntry(ctx, { id: last, confirm: true }), "ALLOWLIST_CANNOT_BE_EMPTY");
  });

  it("R-ACC-7 a user with TOTP must give a fresh code (REAUTHENTICATION_REQUIRED)", async () => {
    const { ctx } = await allowlistAccount([{ name: "totp", roles: ["ADMINISTRATOR"], totpSecret: DEMO_TOTP_SECRET }]);
    await refuse(() => addAllowlistEntry(ctx, { cidr: "198.51.100.0/24", description: "x" }), "REAUTHENTICATION_REQUIRED");
    const added = await addAllowlistEntry(ctx, { cidr: "198.51.100.0/24", description: "x", totpCode: totpCodeAt(DEMO_TOTP_SECRET, r.clock.now()) });
    expect(added.cidr).toBe("198.51.100.0/24");
  });
});

describe("audit trail", () => {
  it("R-ACC-7 lists the account's events newest first with filters and keyset pages", async () => {
    // the account's own allowlist history: three changes and two refusals
    const { ctx, idOf } = await allowlistAccount();
    await addAllowlistEntry(ctx, { cidr: "203.0.113.0/24", description: "Office" });
    await removeAllowlistEntry(ctx, { id: await idOf("203.0.113.0/24") });
    await expect(removeAllowlistEntry(ctx, { id: await idOf("127.0.0.1/32") })).rejects.toMatchObject({ code: "CONFIRMATION_REQUIRED" });
    await removeAllowlistEntry(ctx, { id: await idOf("::1/128") });
    await expect(removeAllowlistEntry(ctx, { id: await idOf("127.0.0.1/32"), confirm: true })).rejects.toMatchObject({ code: "ALLOWLIST_CANNOT_BE_EMPTY" });

    const first = await listAuditEvents(ctx, { operation: "allowlist.", limit: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.events[0]!.id).toBeGreaterThan(first.events[1]!.id);
    const second = await listAuditEvents(ctx, { operation: "allowlist.", limit: 2, cursor: first.nextCursor });
    expect(second.events).toHaveLength(2);
    expect(second.events[0]!.id).toBeLessThan(first.events[1]!.id);
    const all = await listAuditEvents(ctx, { operation: "allowlist." });
    expect(all.events).toHaveLength(5);
    const refused = await listAuditEvents(ctx, { outcome: "REFUSED", operation: "allowlist.remove" });
    expect(refused.events.map((e) => e.errorCode).sort()).toEqual(["ALLOWLIST_CANNOT_BE_EMPTY", "CONFIRMATION_REQUIRED"]);
    // another account sees none of them
    const other = await listAuditEvents(r.ctx(r.user(["ADMINISTRATOR"], "other")), { operation: "allowlist." });
    expect(other.events).toEqual([]);
  });

  it("refuses a non-administrator (NOT_AUTHORIZED) and a bad cursor (VALIDATION_FAILED)", async () => {
    await expect(listAuditEvents(r.ctx(r.user(["REGISTRAR"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    await expect(listAuditEvents(admin(), { cursor: "x" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
