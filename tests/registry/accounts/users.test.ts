import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { totpCodeAt } from "@/lib/crypto/totp";
import {
  confirmTotpEnrolment,
  consumeRecoveryCode,
  createServiceUser,
  createUser,
  deleteUser,
  disableUser,
  enableUser,
  listSessions,
  revokeSessions,
  rotateServiceCredential,
  startTotpEnrolment,
  updateUserRoles,
  verifyServiceCredential,
} from "@/lib/registry/accounts";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo";
import { snapshotTables } from "@/tests/support/snapshot";
import { ACCOUNT_TABLES, actorFor, openSession } from "../account-support";
import { createTestAccount } from "../fresh-account";
import { ALL, type Registry, expectRefusal, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const admin = async () => r.ctx(await actorFor(r, "admin@demo.test"));
const idOf = async (email: string) => (await r.prisma.user.findUniqueOrThrow({ where: { email } })).id;
const refuse = (run: () => Promise<unknown>, code: Parameters<typeof expectRefusal>[2]) =>
  expectRefusal(r, run, code, ACCOUNT_TABLES);

describe("R-ACC-2 users by unique email; disable and delete end sessions", () => {
  it("R-ACC-2 creates a portal user and refuses a second one with the same email (EMAIL_IN_USE)", async () => {
    const u = await createUser(await admin(), { email: "Ny@Demo.test", name: "Ny", metaRoles: ["PAYER"], password: "a-long-password-1" });
    expect(u).toMatchObject({ email: "ny@demo.test", kind: "PORTAL", metaRoles: ["PAYER"] });
    const ctx = await admin();
    await refuse(() => createUser(ctx, { email: "ny@demo.test", name: "x", metaRoles: ["PAYER"], password: "a-long-password-1" }), "EMAIL_IN_USE");
  });

  it("R-ACC-2 refuses a password shorter than 12 characters (VALIDATION_FAILED)", async () => {
    const ctx = await admin();
    await refuse(() => createUser(ctx, { email: "kort@demo.test", name: "k", metaRoles: ["PAYER"], password: "short-pw" }), "VALIDATION_FAILED");
  });

  it("R-ACC-2 disabling ends sessions at once; enabling restores the user", async () => {
    const s = await openSession(r, "payer@demo.test");
    const id = await idOf("payer@demo.test");
    await disableUser(await admin(), { userId: id });
    expect((await r.prisma.session.findUniqueOrThrow({ where: { id: s.id } })).revokedAt).not.toBeNull();
    const enabled = await enableUser(await admin(), { userId: id });
    expect(enabled.disabledAt).toBeNull();
  });

  it("R-ACC-2 deleting keeps the row and its audit trail, ends sessions and frees the email", async () => {
    const u = await createUser(await admin(), { email: "gone@demo.test", name: "Gone", metaRoles: ["PROXY"], password: "a-long-password-2" });
    const s = await openSession(r, "gone@demo.test");
    await deleteUser(await admin(), { userId: u.id });
    const row = await r.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toMatchObject({ email: `deleted+${u.id}@invalid`, deletedAt: r.clock.now() });
    expect((await r.prisma.session.findUniqueOrThrow({ where: { id: s.id } })).revokedAt).not.toBeNull();
    expect(await r.prisma.auditEvent.count({ where: { objectId: u.id } })).toBeGreaterThanOrEqual(2);
    await createUser(await admin(), { email: "gone@demo.test", name: "Again", metaRoles: ["PROXY"], password: "a-long-password-3" });
  });

  it("R-ACC-2 another registrar's user is NOT_FOUND", async () => {
    const other = await idOf("admin@other.test");
    const ctx = await admin();
    await refuse(() => disableUser(ctx, { userId: other }), "NOT_FOUND");
  });

  it("R-ACC-2 an administrator lists and revokes sessions", async () => {
    const s = await openSession(r, "registrar@demo.test");
    const listed = await listSessions(await admin(), { userId: await idOf("registrar@demo.test") });
    expect(listed.map((x) => x.id)).toContain(s.id);
    expect(await revokeSessions(await admin(), { sessionId: s.id })).toEqual({ revoked: 1 });
  });
});

describe("R-ACC-3 meta-roles of portal and service users", () => {
  it("R-ACC-3 a portal user may hold every meta-role", async () => {
    const u = await createUser(await admin(), { email: "alle@demo.test", name: "A", metaRoles: ["NSA", "ADMINISTRATOR", "PAYER"], password: "a-long-password-4" });
    expect(u.metaRoles).toEqual(["ADMINISTRATOR", "PAYER", "NSA"]);
  });

  it("R-ACC-3 a service user cannot be an Administrator (SERVICE_USER_ADMINISTRATOR)", async () => {
    const ctx = await admin();
    await refuse(() => createServiceUser(ctx, { email: "das@demo.test", name: "DAS", service: "DAS", metaRoles: ["ADMINISTRATOR"] }), "SERVICE_USER_ADMINISTRATOR");
    await refuse(() => updateUserRoles(ctx, { userId: "", metaRoles: ["NSA"] }), "NOT_FOUND");
  });
});

describe("R-ACC-4 service users and their credential", () => {
  it("R-ACC-4 the secret is shown once and appears nowhere afterwards (tables, audit, logs)", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    const { user, secret } = await createServiceUser(await admin(), { email: "dsu@demo.test", name: "DSU", service: "DSU", metaRoles: ["NSA"] });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(user).toMatchObject({ kind: "SERVICE", service: "DSU" });
    const dump = JSON.stringify(await snapshotTables(r.prisma));
    expect(dump).not.toContain(secret);
    expect(JSON.stringify(spies.map((s) => s.mock.calls))).not.toContain(secret);
    spies.forEach((s) => s.mockRestore());
    expect(await verifyServiceCredential(r.prisma, "dsu@demo.test", secret, r.clock.now())).toMatchObject({ service: "DSU", metaRoles: ["NSA"] });
    expect(await verifyServiceCredential(r.prisma, "dsu@demo.test", `${secret}x`, r.clock.now())).toBeNull();
  });

  it("R-ACC-4 rotation: old and new secret both work during the 24 h overlap, then only the new", async () => {
    const { user, secret: old } = await createServiceUser(await admin(), { email: "epp2@demo.test", name: "EPP", service: "EPP", metaRoles: ["REGISTRAR"] });
    const { secret: fresh, previousValidUntil } = await rotateServiceCredential(await admin(), { userId: user.id });
    expect(previousValidUntil.getTime() - r.clock.now().getTime()).toBe(24 * 3_600_000);
    const at = (h: number) => new Date(r.clock.now().getTime() + h * 3_600_000);
    expect(await verifyServiceCredential(r.prisma, "epp2@demo.test", old, at(23))).not.toBeNull();
    expect(await verifyServiceCredential(r.prisma, "epp2@demo.test", fresh, at(23))).not.toBeNull();
    expect(await verifyServiceCredential(r.prisma, "epp2@demo.test", old, at(24))).toBeNull();
    expect(await verifyServiceCredential(r.prisma, "epp2@demo.test", fresh, at(48))).not.toBeNull();
  });

  it("R-ACC-4 the service must be EPP, DAS or DSU (VALIDATION_FAILED)", async () => {
    const ctx = await admin();
    await refuse(() => createServiceUser(ctx, { email: "x@demo.test", name: "X", service: "SMTP" as never, metaRoles: ["NSA"] }), "VALIDATION_FAILED");
  });
});

describe("R-ACC-1 the last active Administrator", () => {
  it("R-ACC-1 demoting, disabling or deleting the last active Administrator is refused; a second one's succeeds and ends its sessions", async () => {
    // an account of its own: four Administrators, three of which leave one way or another
    const acct = await createTestAccount(r, [
      { name: "last", roles: ["ADMINISTRATOR"] },
      { name: "demoted", roles: ALL },
      { name: "disabled", roles: ALL },
      { name: "deleted", roles: ["ADMINISTRATOR", "PAYER"] },
    ]);
    const ctx = r.ctx(await acct.actor("last"));
    const id = (user: string) => idOf(acct.email(user));
    await deleteUser(ctx, { userId: await id("deleted") });
    const sDemoted = await openSession(r, acct.email("demoted"));
    await updateUserRoles(ctx, { userId: await id("demoted"), metaRoles: ["REGISTRAR"] });
    expect((await r.prisma.session.findUniqueOrThrow({ where: { id: sDemoted.id } })).revokedAt).not.toBeNull();
    const sDisabled = await openSession(r, acct.email("disabled"));
    await disableUser(ctx, { userId: await id("disabled") });
    expect((await r.prisma.session.findUniqueOrThrow({ where: { id: sDisabled.id } })).revokedAt).not.toBeNull();

    const last = await id("last");
    await refuse(() => updateUserRoles(ctx, { userId: last, metaRoles: ["REGISTRAR"] }), "LAST_ADMINISTRATOR");
    await refuse(() => disableUser(ctx, { userId: last }), "LAST_ADMINISTRATOR");
    await refuse(() => deleteUser(ctx, { userId: last }), "LAST_ADMINISTRATOR");
    // with a second active Administrator again, the last one's roles may change
    await enableUser(ctx, { userId: await id("disabled") });
    const changed = await updateUserRoles(ctx, { userId: last, metaRoles: ["PAYER"] });
    expect(changed.metaRoles).toEqual(["PAYER"]);
  });

  it("R-ACC-1 only active Administrators count: with the other one disabled, the last cannot step down", async () => {
    const acct = await createTestAccount(r, [
      { name: "self", roles: ["ADMINISTRATOR"] },
      { name: "other", roles: ["ADMINISTRATOR"] },
    ]);
    const ctx = r.ctx(await acct.actor("self"));
    const other = await idOf(acct.email("other"));
    const self = await idOf(acct.email("self"));
    await disableUser(ctx, { userId: other });
    await refuse(() => updateUserRoles(ctx, { userId: self, metaRoles: ["PAYER"] }), "LAST_ADMINISTRATOR");
    await enableUser(ctx, { userId: other });
    const stepped = await updateUserRoles(ctx, { userId: self, metaRoles: ["PAYER"] });
    expect(stepped.metaRoles).toEqual(["PAYER"]);
  });
});

describe("TOTP enrolment, recovery codes and re-authentication", () => {
  it("enrols with a valid code and returns 10 single-use recovery codes stored hashed", async () => {
    const ctx = r.ctx(await actorFor(r, "registrar@demo.test"));
    const { secret, otpauthUri } = startTotpEnrolment(ctx);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const { recoveryCodes } = await confirmTotpEnrolment(ctx, { secret, code: totpCodeAt(secret, r.clock.now()) });
    expect(recoveryCodes).toHaveLength(10);
    const id = await idOf("registrar@demo.test");
    const stored = JSON.stringify(await r.prisma.recoveryCode.findMany({ where: { userId: id } }));
    expect(recoveryCodes.some((c) => stored.includes(c))).toBe(false);
    expect(await consumeRecoveryCode(r.prisma, id, recoveryCodes[0]!, r.clock.now())).toBe(true);
    expect(await consumeRecoveryCode(r.prisma, id, recoveryCodes[0]!, r.clock.now())).toBe(false);
  });

  it("refuses a wrong enrolment code (TOTP_CODE_INVALID)", async () => {
    const ctx = r.ctx(await actorFor(r, "proxy@demo.test"));
    const { secret } = startTotpEnrolment(ctx);
    await refuse(() => confirmTotpEnrolment(ctx, { secret, code: "000000" }), "TOTP_CODE_INVALID");
  });

  it("a user with TOTP must give a fresh code to change roles (REAUTHENTICATION_REQUIRED)", async () => {
    r.clock.advance({ minutes: 5 });
    const ctx = r.ctx(await actorFor(r, "totp@demo.test"));
    const target = await idOf("nsa@demo.test");
    await refuse(() => updateUserRoles(ctx, { userId: target, metaRoles: ["NSA", "PROXY"] }), "REAUTHENTICATION_REQUIRED");
    await refuse(() => updateUserRoles(ctx, { userId: target, metaRoles: ["NSA", "PROXY"], totpCode: "123456" }), "REAUTHENTICATION_REQUIRED");
    const code = totpCodeAt(DEMO_TOTP_SECRET, r.clock.now());
    await updateUserRoles(ctx, { userId: target, metaRoles: ["NSA", "PROXY"], totpCode: code });
    // the same code cannot be replayed
    await refuse(() => updateUserRoles(ctx, { userId: target, metaRoles: ["NSA"], totpCode: code }), "REAUTHENTICATION_REQUIRED");
  });
});
