import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { logIn } from "@/lib/auth/login";
import { checkSession } from "@/lib/auth/sessions";
import { authSettings } from "@/lib/auth/settings";
import { verifyPassword } from "@/lib/crypto/password";
import { passwordStrength } from "@/lib/crypto/password-strength";
import { totpCodeAt } from "@/lib/crypto/totp";
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  createUser,
  describeBrowser,
  disableTotp,
  endOwnSession,
  getOwnSecurity,
  listOwnSessions,
  listSessions,
  listUsers,
  regenerateRecoveryCodes,
  resetUserPassword,
  rotateServiceCredential,
  createServiceUser,
  startTotpEnrolment,
  updateAccountSettings,
} from "@/lib/registry/accounts";
import type { RegistrarActor } from "@/lib/registry/actor";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo";
import { snapshotTables } from "@/tests/support/snapshot";
import { ACCOUNT_TABLES, actorFor } from "../account-support";
import { createTestAccount } from "../fresh-account";
import { type Registry, expectRefusal, openRegistry } from "../support";

// Issue 19: the user's own security settings (password, sessions, TOTP and recovery codes), the
// Administrator's password reset and generated passwords, and mandatory TOTP at login.

const settings = authSettings({});
let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());
beforeEach(() => r.clock.advance({ minutes: 1 }));

const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const admin = async () => r.ctx(await actorFor(r, "admin@demo.test"));
const refuse = (run: () => Promise<unknown>, code: Parameters<typeof expectRefusal>[2]) =>
  expectRefusal(r, run, code, ACCOUNT_TABLES);

/** Creates a Demo portal user with a known password and logs it in: its actor carries the session. */
async function newUserWithSession(
  roles: RegistrarActor["metaRoles"] = ["REGISTRAR"],
  password = "Violet-Harbour-Lantern-91",
): Promise<{ actor: RegistrarActor; email: string; password: string }> {
  const email = `u${Math.random().toString(36).slice(2, 10)}@demo.test`;
  await createUser(await admin(), { email, name: "Test User", metaRoles: roles, password });
  const login = await logIn(r.prisma, "user", { email, password, ip: "127.0.0.1", userAgent: CHROME_UA }, r.clock.now(), settings);
  const actor = { ...(await actorFor(r, email)), sessionId: login.sessionId };
  return { actor, email, password };
}

const revoked = async (id: string) => (await r.prisma.session.findUniqueOrThrow({ where: { id } })).revokedAt !== null;

describe("passwords: 12–128 characters and not easy to guess (zxcvbn)", () => {
  it("DESIGN §5 the strength check refuses common passwords and the user's own name, accepts passphrases", () => {
    expect(passwordStrength("password1234").ok).toBe(false);
    expect(passwordStrength("qwertyuiop123").warning).toBeTruthy();
    expect(passwordStrength("Violet-Harbour-Lantern-91").ok).toBe(true);
    expect(passwordStrength("jensjensen", ["jens.jensen@demo.test", "Jens Jensen"])).toMatchObject({ ok: false, warning: "userInputs" });
  });

  it("R-ACC-2 an Administrator's initial password that is easy to guess is PASSWORD_TOO_WEAK at the password field", async () => {
    const ctx = await admin();
    await refuse(() => createUser(ctx, { email: "weak@demo.test", name: "W", metaRoles: ["PAYER"], password: "password1234" }), "PASSWORD_TOO_WEAK");
  });

  it("R-ACC-2 without a password the user gets a generated one, returned once and stored only hashed", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    const u = await createUser(await admin(), { email: "generated@demo.test", name: "G", metaRoles: ["PAYER"] });
    expect(u.generatedPassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    const row = await r.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword(row.passwordHash, u.generatedPassword!)).toBe(true);
    expect(JSON.stringify(await snapshotTables(r.prisma))).not.toContain(u.generatedPassword);
    expect(JSON.stringify(spies.map((s) => s.mock.calls))).not.toContain(u.generatedPassword);
    spies.forEach((s) => s.mockRestore());
    expect(passwordStrength(u.generatedPassword!).ok).toBe(true);
  });

  it("R-ACC-2 user views never carry hashes or secrets", async () => {
    const { user } = await createServiceUser(await admin(), { email: "viewcheck@demo.test", name: "V", service: "DAS", metaRoles: ["NSA"] });
    expect(Object.keys(user).sort()).toEqual(
      ["createdAt", "disabledAt", "email", "id", "kind", "lastLoginAt", "metaRoles", "name", "previousCredentialValidUntil", "service", "totpEnabled"].sort(),
    );
  });
});

describe("the Administrator resets a password", () => {
  it("R-ACC-2 reset: a generated password shown once, the user's sessions end", async () => {
    const { actor, email } = await newUserWithSession();
    const result = await resetUserPassword(await admin(), { userId: actor.userId });
    expect(result.sessionsEnded).toBe(1);
    expect(await revoked(actor.sessionId!)).toBe(true);
    const row = await r.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(row.passwordHash, result.generatedPassword!)).toBe(true);
    const audit = await r.prisma.auditEvent.findFirstOrThrow({ where: { operation: "user.resetPassword", objectId: actor.userId } });
    expect(JSON.stringify(audit)).not.toContain(result.generatedPassword);
  });

  it("R-ACC-2 a given password must pass the rules; a service user is refused (it rotates its credential)", async () => {
    const { actor } = await newUserWithSession();
    const ctx = await admin();
    await refuse(() => resetUserPassword(ctx, { userId: actor.userId, password: "short" }), "VALIDATION_FAILED");
    await refuse(() => resetUserPassword(ctx, { userId: actor.userId, password: "password1234" }), "PASSWORD_TOO_WEAK");
    const svc = await createServiceUser(ctx, { email: "svc-reset@demo.test", name: "S", service: "EPP", metaRoles: ["REGISTRAR"] });
    await refuse(() => resetUserPassword(ctx, { userId: svc.user.id }), "VALIDATION_FAILED");
  });

  it("R-ACC-2 a TOTP Administrator must give a fresh code (REAUTHENTICATION_REQUIRED)", async () => {
    const { actor } = await newUserWithSession();
    const ctx = r.ctx(await actorFor(r, "totp@demo.test"));
    await refuse(() => resetUserPassword(ctx, { userId: actor.userId }), "REAUTHENTICATION_REQUIRED");
    await resetUserPassword(ctx, { userId: actor.userId, totpCode: totpCodeAt(DEMO_TOTP_SECRET, r.clock.now()) });
  });
});

describe("own password (Change password)", () => {
  it("DESIGN §5 a wrong current password is PASSWORD_INCORRECT; five in 15 minutes and the form is RATE_LIMITED", async () => {
    const { actor } = await newUserWithSession();
    const ctx = r.ctx(actor);
    for (let i = 0; i < 5; i++) {
      await refuse(() => changeOwnPassword(ctx, { currentPassword: "not-my-password!", newPassword: "Amber-Meadow-Falcon-38" }), "PASSWORD_INCORRECT");
    }
    await refuse(() => changeOwnPassword(ctx, { currentPassword: "Violet-Harbour-Lantern-91", newPassword: "Amber-Meadow-Falcon-38" }), "RATE_LIMITED");
    r.clock.advance({ minutes: 16 });
    await changeOwnPassword(r.ctx(actor), { currentPassword: "Violet-Harbour-Lantern-91", newPassword: "Amber-Meadow-Falcon-38" });
  });

  it("DESIGN §5 the new password: 12–128 characters, not easy to guess, not the current one", async () => {
    const { actor, password } = await newUserWithSession();
    const ctx = r.ctx(actor);
    await refuse(() => changeOwnPassword(ctx, { currentPassword: password, newPassword: "Short-1" }), "VALIDATION_FAILED");
    await refuse(() => changeOwnPassword(ctx, { currentPassword: password, newPassword: "x".repeat(129) }), "VALIDATION_FAILED");
    await refuse(() => changeOwnPassword(ctx, { currentPassword: password, newPassword: "password1234" }), "PASSWORD_TOO_WEAK");
    await refuse(() => changeOwnPassword(ctx, { currentPassword: password, newPassword: password }), "VALIDATION_FAILED");
  });

  it("DESIGN §5 other sessions end; this browser continues under a new session that passes the check", async () => {
    const { actor, email, password } = await newUserWithSession();
    const other = await logIn(r.prisma, "user", { email, password, ip: "127.0.0.1" }, r.clock.now(), settings);
    r.clock.advance({ seconds: 5 });
    const result = await changeOwnPassword(r.ctx(actor), { currentPassword: password, newPassword: "Amber-Meadow-Falcon-38" });
    expect(result.otherSessionsEnded).toBe(1);
    expect(await revoked(other.sessionId)).toBe(true);
    expect(await revoked(actor.sessionId!)).toBe(true);
    const user = await r.prisma.user.findUniqueOrThrow({ where: { email } });
    const { credentialFingerprint } = await import("@/lib/auth/credential");
    const check = await checkSession(r.prisma, result.sessionId, r.clock.now(), settings, credentialFingerprint(user));
    expect(check.ok).toBe(true);
    const replacement = await r.prisma.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(replacement.userAgent).toBe(CHROME_UA);
  });
});

describe("own sessions", () => {
  it("DESIGN §5 a user lists its own live sessions (started, last seen, address, browser) and ends one", async () => {
    const { actor, email, password } = await newUserWithSession();
    const second = await logIn(r.prisma, "user", { email, password, ip: "::1" }, r.clock.now(), settings);
    const list = await listOwnSessions(r.ctx(actor), settings);
    expect(list.map((s) => [s.id, s.current])).toEqual([
      [actor.sessionId, true],
      [second.sessionId, false],
    ]);
    expect(list[0]!.browser).toEqual({ browser: "Chrome 131", system: "Linux" });
    expect(list[1]).toMatchObject({ ip: "::1", browser: { browser: null, system: null } });
    expect(await endOwnSession(r.ctx(actor), { sessionId: second.sessionId })).toEqual({ ended: 1 });
    const check = await checkSession(r.prisma, second.sessionId, r.clock.now(), settings);
    expect(check).toEqual({ ok: false, reason: "revoked" });
    expect((await listOwnSessions(r.ctx(actor), settings)).map((s) => s.id)).toEqual([actor.sessionId]);
  });

  it("DESIGN §5 another user's session is NOT_FOUND, also for an Administrator (who ends it from the users page)", async () => {
    const a = await newUserWithSession();
    const b = await newUserWithSession(["ADMINISTRATOR"]);
    const ctx = r.ctx(b.actor);
    await refuse(() => endOwnSession(ctx, { sessionId: a.actor.sessionId! }), "NOT_FOUND");
    await refuse(() => endOwnSession(ctx, { sessionId: "not-a-uuid" }), "NOT_FOUND");
  });

  it("DESIGN §5 idle and expired sessions are not listed", async () => {
    const { actor } = await newUserWithSession();
    r.clock.advance({ minutes: 31 });
    expect(await listOwnSessions(r.ctx(actor), settings)).toEqual([]);
    expect((await listSessions(await admin(), { userId: actor.userId, ...settings })).length).toBe(0);
  });

  it("the browser is named from the stored User-Agent", () => {
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0")).toEqual({ browser: "Edge 130", system: "Windows" });
    expect(describeBrowser("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toEqual({ browser: "Safari 17", system: "macOS" });
    expect(describeBrowser("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toEqual({ browser: "Firefox 133", system: "Linux" });
    expect(describeBrowser("curl/8.5.0")).toEqual({ browser: null, system: null });
  });
});

describe("two-factor authentication: recovery codes, regenerate, turn off", () => {
  async function enrolled() {
    const u = await newUserWithSession();
    const ctx = r.ctx(u.actor);
    const { secret } = startTotpEnrolment(ctx);
    const result = await confirmTotpEnrolment(ctx, { secret, code: totpCodeAt(secret, r.clock.now()) });
    r.clock.advance({ seconds: 31 });
    return { ...u, secret, codes: result.recoveryCodes, actor: { ...u.actor, sessionId: result.sessionId } };
  }

  it("DESIGN §5 enrolment replaces the session (the TOTP secret is a credential) and shows 10 codes", async () => {
    const u = await newUserWithSession();
    const { secret } = startTotpEnrolment(r.ctx(u.actor));
    const result = await confirmTotpEnrolment(r.ctx(u.actor), { secret, code: totpCodeAt(secret, r.clock.now()) });
    expect(result.recoveryCodes).toHaveLength(10);
    expect(await revoked(u.actor.sessionId!)).toBe(true);
    expect(await revoked(result.sessionId)).toBe(false);
    const own = await getOwnSecurity(r.ctx({ ...u.actor, sessionId: result.sessionId }));
    expect(own).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10, enrolmentPending: false });
  });

  it("DESIGN §5 regenerating needs a current code; the old codes stop working", async () => {
    const u = await enrolled();
    const ctx = r.ctx(u.actor);
    await refuse(() => regenerateRecoveryCodes(ctx, { code: "000000" }), "TOTP_CODE_INVALID");
    // a recovery code does not regenerate codes
    await refuse(() => regenerateRecoveryCodes(ctx, { code: u.codes[0]! }), "TOTP_CODE_INVALID");
    const code = totpCodeAt(u.secret, r.clock.now());
    const { recoveryCodes } = await regenerateRecoveryCodes(ctx, { code });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(u.codes[0]);
    // the same code is not accepted twice
    await refuse(() => regenerateRecoveryCodes(ctx, { code }), "TOTP_CODE_INVALID");
    await refuse(() => disableTotp(ctx, { code: u.codes[1]! }), "TOTP_CODE_INVALID");
  });

  it("DESIGN §5 turning off with a recovery code (the device is lost) wipes secret and codes and replaces the session", async () => {
    const u = await enrolled();
    const result = await disableTotp(r.ctx(u.actor), { code: u.codes[3]! });
    expect(result.enrolmentPending).toBe(false);
    const row = await r.prisma.user.findUniqueOrThrow({ where: { id: u.actor.userId } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await r.prisma.recoveryCode.count({ where: { userId: u.actor.userId } })).toBe(0);
    expect(await revoked(u.actor.sessionId!)).toBe(true);
    const ctx = r.ctx({ ...u.actor, sessionId: result.sessionId });
    await refuse(() => disableTotp(ctx, { code: "123456" }), "CONFLICT");
  });
});

describe("Require two-factor authentication (account setting)", () => {
  it("DESIGN §5 a user without TOTP logs in to a session that owes the enrolment; enrolling settles it", async () => {
    const acct = await createTestAccount(r, [
      { name: "boss", roles: ["ADMINISTRATOR"] },
      { name: "staff", roles: ["REGISTRAR"] },
    ]);
    const boss = r.ctx(await acct.actor("boss"));
    // test accounts' users have placeholder hashes: give staff a password
    const reset = await resetUserPassword(boss, { userId: (await acct.actor("staff")).userId });
    const staffLogin = () =>
      logIn(r.prisma, "user", { email: acct.email("staff"), password: reset.generatedPassword!, ip: "127.0.0.1" }, r.clock.now(), settings);

    const before = await staffLogin();
    await updateAccountSettings(boss, { totpRequired: true });
    // at the next login, not in the middle of a session
    const open = await checkSession(r.prisma, before.sessionId, r.clock.now(), settings);
    expect(open.ok && open.session.totpEnrolmentPending).toBe(false);

    const login = await staffLogin();
    const check = await checkSession(r.prisma, login.sessionId, r.clock.now(), settings);
    expect(check.ok && check.session.totpEnrolmentPending).toBe(true);
    const staff = { ...(await acct.actor("staff")), sessionId: login.sessionId };
    expect(await getOwnSecurity(r.ctx(staff))).toMatchObject({ accountRequiresTotp: true, enrolmentPending: true });

    const { secret } = startTotpEnrolment(r.ctx(staff));
    const enrolled = await confirmTotpEnrolment(r.ctx(staff), { secret, code: totpCodeAt(secret, r.clock.now()) });
    const after = await r.prisma.session.findUniqueOrThrow({ where: { id: enrolled.sessionId } });
    expect(after.totpEnrolmentPending).toBe(false);

    // turning it off in such an account owes a new enrolment at once
    r.clock.advance({ seconds: 31 });
    const off = await disableTotp(r.ctx({ ...staff, sessionId: enrolled.sessionId }), { code: totpCodeAt(secret, r.clock.now()) });
    expect(off.enrolmentPending).toBe(true);
  });
});

describe("service users", () => {
  it("R-ACC-4 the list of service users says until when the previous credential works", async () => {
    const ctx = await admin();
    const { user } = await createServiceUser(ctx, { email: "rot@demo.test", name: "R", service: "EPP", metaRoles: ["REGISTRAR"] });
    const { previousValidUntil } = await rotateServiceCredential(await admin(), { userId: user.id });
    const listed = (await listUsers(await admin(), { kind: "SERVICE" })).find((u) => u.id === user.id);
    expect(listed?.previousCredentialValidUntil).toEqual(previousValidUntil);
    expect((await listUsers(await admin(), { kind: "SERVICE" })).every((u) => u.kind === "SERVICE")).toBe(true);
    expect((await listUsers(await admin(), { kind: "PORTAL" })).every((u) => u.kind === "PORTAL")).toBe(true);
  });
});
