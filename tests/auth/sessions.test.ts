import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateAllowlists, isAddressAllowed } from "@/lib/net/allowlist";
import { hashPassword } from "@/lib/crypto/password";
import { checkSession } from "@/lib/auth/sessions";
import { authSettings } from "@/lib/auth/settings";
import { logIn } from "@/lib/auth/login";
import { openRegistry, type Registry } from "../registry/support";

const settings = authSettings({});
let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(() => r?.close());
beforeEach(() => r.clock.set(new Date("2026-03-10T12:00:00Z")));

async function loginAs(email: string) {
  return logIn(
    r.prisma,
    "user",
    { email, password: "Demo-Portal-2026!", ip: "127.0.0.1" },
    r.clock.now(),
    settings,
  );
}

describe("sessions are checked on every request (DESIGN.md §5)", () => {
  it("a fresh login's session is valid and names its user", async () => {
    const { sessionId } = await loginAs("registrar@demo.test");
    const check = await checkSession(r.prisma, sessionId, r.clock.now(), settings);
    expect(check.ok && check.session.user?.email).toBe("registrar@demo.test");
  });

  it.each([
    ["disabled", { disabledAt: new Date("2026-03-10T12:01:00Z") }, "user-disabled"],
    ["deleted", { deletedAt: new Date("2026-03-10T12:01:00Z") }, "user-deleted"],
    ["password changed", { passwordChangedAt: new Date("2026-03-10T12:01:00Z") }, "password-changed"],
  ] as const)("a user %s in the database is refused on the very next request", async (_what, change, reason) => {
    const email = "payer@demo.test";
    const { sessionId } = await loginAs(email);
    r.clock.advance({ minutes: 1 });
    expect((await checkSession(r.prisma, sessionId, r.clock.now(), settings)).ok).toBe(true);
    await r.prisma.user.update({ where: { email }, data: change });
    r.clock.advance({ seconds: 1 });
    expect(await checkSession(r.prisma, sessionId, r.clock.now(), settings)).toEqual({ ok: false, reason });
    // ended for good: undoing the change does not revive it
    await r.prisma.user.update({
      where: { email },
      data: { disabledAt: null, deletedAt: null, passwordChangedAt: new Date("2026-03-01T00:00:00Z") },
    });
    expect(await checkSession(r.prisma, sessionId, r.clock.now(), settings)).toEqual({ ok: false, reason: "revoked" });
  });

  it.each([
    ["its password hash is replaced", async () => ({ passwordHash: await hashPassword("Another-Password-2026!") })],
    ["its TOTP secret is set", () => ({ totpSecret: "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU" })],
  ] as const)(
    "SEC-6 (issue 11): a session ends when %s out of band, passwordChangedAt untouched",
    async (_what, change) => {
      const email = "registrar@demo.test";
      const original = await r.prisma.user.findUniqueOrThrow({ where: { email } });
      const { sessionId, credential } = await loginAs(email);
      expect((await checkSession(r.prisma, sessionId, r.clock.now(), settings, credential)).ok).toBe(true);
      await r.prisma.user.update({ where: { email }, data: await change() });
      expect(await checkSession(r.prisma, sessionId, r.clock.now(), settings, credential)).toEqual({
        ok: false,
        reason: "credentials-changed",
      });
      // a token from before the fingerprint existed ends too
      const second = await r.prisma.session.create({
        data: { userId: (await r.prisma.user.findUniqueOrThrow({ where: { email } })).id, createdAt: r.clock.now(), lastSeenAt: r.clock.now(), ip: "127.0.0.1" },
      });
      expect(await checkSession(r.prisma, second.id, r.clock.now(), settings, null)).toEqual({
        ok: false,
        reason: "credentials-changed",
      });
      await r.prisma.user.update({
        where: { email },
        data: { passwordHash: original.passwordHash, totpSecret: original.totpSecret },
      });
    },
  );

  it("an idle session ends after the idle limit; activity keeps it alive", async () => {
    const { sessionId } = await loginAs("nsa@demo.test");
    r.clock.advance({ minutes: 29 });
    expect((await checkSession(r.prisma, sessionId, r.clock.now(), settings)).ok).toBe(true);
    r.clock.advance({ minutes: 29 }); // 29 min after the last request: still fine
    expect((await checkSession(r.prisma, sessionId, r.clock.now(), settings)).ok).toBe(true);
    r.clock.advance({ minutes: 31 });
    expect(await checkSession(r.prisma, sessionId, r.clock.now(), settings)).toEqual({ ok: false, reason: "idle" });
  });

  it("a session ends 12 hours after login however active", async () => {
    const { sessionId } = await loginAs("proxy@demo.test");
    for (let i = 0; i < 24; i++) {
      r.clock.advance({ minutes: 29 });
      expect((await checkSession(r.prisma, sessionId, r.clock.now(), settings)).ok).toBe(true);
    }
    r.clock.advance({ minutes: 29 }); // 12 h 5 min
    expect(await checkSession(r.prisma, sessionId, r.clock.now(), settings)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("IP allowlist (R-ACC-7, DESIGN.md §5)", () => {
  it("before login any registrar's list admits; after login only the user's own registrar's", async () => {
    await r.prisma.ipAllowlistEntry.create({
      data: { accountId: r.otherId, cidr: "198.51.100.0/24", description: "office", createdAt: r.clock.now(), createdBy: "test" },
    });
    invalidateAllowlists();
    expect(await isAddressAllowed(r.prisma, "198.51.100.7")).toBe(true);
    expect(await isAddressAllowed(r.prisma, "198.51.100.7", r.otherId)).toBe(true);
    expect(await isAddressAllowed(r.prisma, "198.51.100.7", r.demoId)).toBe(false);
    expect(await isAddressAllowed(r.prisma, "203.0.113.1")).toBe(false);
  });

  it("an IPv6 entry admits ::1 and a change applies within 5 seconds without invalidation", async () => {
    expect(await isAddressAllowed(r.prisma, "::1", r.demoId)).toBe(true);
    expect(await isAddressAllowed(r.prisma, "2001:db8:5::1", r.demoId)).toBe(false);
    await r.prisma.ipAllowlistEntry.create({
      data: { accountId: r.demoId, cidr: "2001:db8:5::/48", description: "v6 office", createdAt: r.clock.now(), createdBy: "test" },
    });
    const started = Date.now();
    while (!(await isAddressAllowed(r.prisma, "2001:db8:5::1", r.demoId))) {
      expect(Date.now() - started).toBeLessThan(5_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});

describe("passwords", () => {
  it("SEC-6 (issue 11): each demo login has its own salt", async () => {
    const users = await r.prisma.user.findMany({ select: { passwordHash: true } });
    const operators = await r.prisma.operator.findMany({ select: { passwordHash: true } });
    const hashes = [...users, ...operators].map((u) => u.passwordHash);
    const salts = hashes.map((h) => h.split("$")[4]);
    expect(hashes.length).toBeGreaterThan(5);
    expect(new Set(salts).size).toBe(hashes.length);
  });

  it("are stored as Argon2id hashes", async () => {
    expect(await hashPassword("correct horse battery")).toMatch(/^\$argon2id\$/);
  });
});
