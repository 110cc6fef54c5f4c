import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LoginError, logIn } from "@/lib/auth/login";
import { authSettings } from "@/lib/auth/settings";
import { totpCodeAt } from "@/lib/crypto/totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/registry/accounts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/prisma/seed/demo";
import { usesPostgres } from "../support/db";
import { openRegistry, type Registry } from "../registry/support";

const settings = authSettings({});
let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(() => r?.close());
beforeEach(() => r.clock.set(new Date("2026-03-10T12:00:00Z")));

const attempt = (email: string, password: string, extra: { code?: string; ip?: string } = {}) =>
  logIn(
    r.prisma,
    "user",
    { email, password, code: extra.code, ip: extra.ip ?? "127.0.0.1" },
    r.clock.now(),
    settings,
  );

async function failure(p: Promise<unknown>): Promise<LoginError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginError);
  return error as LoginError;
}

describe("login", () => {
  it("five wrong passwords lock the account: the right one then fails saying until when", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await failure(attempt("proxy@demo.test", "wrong-password-1"))).code).toBe(
        "INVALID_CREDENTIALS",
      );
      r.clock.advance({ seconds: 10 });
    }
    const locked = await failure(attempt("proxy@demo.test", DEMO_PASSWORD));
    expect(locked.code).toBe("LOCKED");
    // the first failure was at 12:00:00 UTC; the lock lifts 15 minutes later, 13:15 in Copenhagen
    expect(locked.retryAt).toEqual(new Date("2026-03-10T12:15:00Z"));
    expect(locked.message).toMatch(/locked until .*13:15/);
    r.clock.set(new Date("2026-03-10T12:15:01Z"));
    await expect(attempt("proxy@demo.test", DEMO_PASSWORD)).resolves.toHaveProperty("sessionId");
  });

  it("attempts and refusals are recorded and audited", async () => {
    await failure(attempt("nsa@demo.test", "not-the-password"));
    await attempt("nsa@demo.test", DEMO_PASSWORD);
    const attempts = await r.prisma.loginAttempt.findMany({
      where: { email: "nsa@demo.test" },
      orderBy: { at: "asc" },
    });
    expect(attempts.map((a) => [a.succeeded, a.reason])).toEqual([
      [false, "invalid-credentials"],
      [true, null],
    ]);
    const audits = await r.prisma.auditEvent.findMany({
      where: { operation: "auth.login", actorLabel: "nsa@demo.test" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.outcome, a.errorCode])).toEqual([
      ["REFUSED", "invalid-credentials"],
      ["SUCCESS", null],
    ]);
    expect(audits[0]?.accountId).toBe(r.demoId);
  });

  it("an address with too many failures is limited whatever the account", async () => {
    const limited = { ...settings, ipMaxFailures: 3 };
    const ip = "127.0.0.9";
    for (const email of ["a@x.test", "b@x.test", "c@x.test"]) {
      await failure(
        logIn(r.prisma, "user", { email, password: "nope-nope-nope", ip }, r.clock.now(), limited),
      );
    }
    const refused = await failure(
      logIn(
        r.prisma,
        "user",
        { email: "all@demo.test", password: DEMO_PASSWORD, ip },
        r.clock.now(),
        limited,
      ),
    );
    expect(refused.code).toBe("IP_RATE_LIMITED");
  });

  it("service users cannot log in to the portal", async () => {
    expect((await failure(attempt("epp@demo.test", DEMO_PASSWORD))).code).toBe("SERVICE_USER");
  });

  it("TOTP: the code is asked for, a wrong code and a reused code are refused", async () => {
    expect((await failure(attempt("totp@demo.test", DEMO_PASSWORD))).code).toBe("TOTP_REQUIRED");
    expect((await failure(attempt("totp@demo.test", DEMO_PASSWORD, { code: "000000" }))).code).toBe(
      "TOTP_INVALID",
    );
    const code = totpCodeAt(DEMO_TOTP_SECRET, r.clock.now());
    await expect(attempt("totp@demo.test", DEMO_PASSWORD, { code })).resolves.toHaveProperty(
      "sessionId",
    );
    r.clock.advance({ seconds: 20 });
    const reused = await failure(attempt("totp@demo.test", DEMO_PASSWORD, { code }));
    expect(reused.code).toBe("TOTP_INVALID");
    expect(reused.message).toMatch(/already used/);
    r.clock.advance({ seconds: 30 });
    const next = totpCodeAt(DEMO_TOTP_SECRET, r.clock.now());
    await expect(attempt("totp@demo.test", DEMO_PASSWORD, { code: next })).resolves.toHaveProperty(
      "sessionId",
    );
  });

  it("operators log in with their own accounts, not with registrar users", async () => {
    const op = logIn(
      r.prisma,
      "operator",
      { email: "operator@registry.test", password: DEMO_PASSWORD, ip: "127.0.0.1" },
      r.clock.now(),
      settings,
    );
    await expect(op).resolves.toHaveProperty("sessionId");
    const wrong = logIn(
      r.prisma,
      "operator",
      { email: "all@demo.test", password: DEMO_PASSWORD, ip: "127.0.0.1" },
      r.clock.now(),
      settings,
    );
    expect((await failure(wrong)).code).toBe("INVALID_CREDENTIALS");
  });

  it("a recovery code stands in for the TOTP code, once", async () => {
    const user = await r.prisma.user.findUniqueOrThrow({ where: { email: "registrar@demo.test" } });
    const ctx = r.ctx({
      kind: "portal",
      userId: user.id,
      accountId: user.accountId,
      metaRoles: user.metaRoles,
      ip: "127.0.0.1",
      label: user.email,
    });
    const { secret } = startTotpEnrolment(ctx);
    const { recoveryCodes } = await confirmTotpEnrolment(ctx, {
      secret,
      code: totpCodeAt(secret, r.clock.now()),
    });
    expect((await failure(attempt("registrar@demo.test", DEMO_PASSWORD))).code).toBe(
      "TOTP_REQUIRED",
    );
    const code = recoveryCodes[0]!;
    await expect(
      attempt("registrar@demo.test", DEMO_PASSWORD, { code: code.toUpperCase() }),
    ).resolves.toHaveProperty("sessionId");
    const again = await failure(attempt("registrar@demo.test", DEMO_PASSWORD, { code }));
    expect(again.code).toBe("TOTP_INVALID");
    expect(again.message).toMatch(/recovery code is not valid or was already used/);
  });

  it("SEC-4 (issue 11): concurrent wrong passwords are checked at most N times; the rest are refused as locked", async () => {
    const email = "payer@demo.test";
    // on PostgreSQL each attempt gets its own connections, so they truly race
    const clients = Array.from({ length: 8 }, () => r.db.newClient());
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        failure(
          logIn(
            clients[i % clients.length]!,
            "user",
            { email, password: `wrong-password-${i}`, ip: `127.0.1.${i}` },
            r.clock.now(),
            settings,
          ),
        ),
      ),
    );
    const codes = outcomes.map((e) => e.code);
    expect(codes.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(settings.accountMaxFailures);
    expect(codes.filter((c) => c === "LOCKED")).toHaveLength(40 - settings.accountMaxFailures);
    const rows = await r.prisma.loginAttempt.groupBy({
      by: ["reason"],
      where: { email },
      _count: true,
    });
    expect(Object.fromEntries(rows.map((row) => [row.reason, row._count]))).toEqual({
      "invalid-credentials": settings.accountMaxFailures,
      locked: 40 - settings.accountMaxFailures,
    });
    if (usesPostgres) expect(clients[0]).not.toBe(r.prisma);
  });

  it.each([
    ["a NUL byte", "admin\u0000@demo.test", "127.0.2.1"],
    ["a control character", "admin\u0007@demo.test", "127.0.2.2"],
    ["an oversized address", `${"a".repeat(400)}@demo.test`, "127.0.2.3"],
  ])(
    "SEC-3 (issue 11): an email with %s is refused as wrong credentials, recorded and audited, no database error",
    async (_what, email, ip) => {
      const error = await failure(attempt(email, "whatever-password", { ip }));
      expect(error.code).toBe("INVALID_CREDENTIALS");
      expect(error.message).toBe("The email or password is not correct.");
      const recorded = await r.prisma.loginAttempt.findMany({ where: { ip, reason: "malformed" } });
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.at(-1)!.email).not.toMatch(/[\u0000-\u001f]/);
      const audited = await r.prisma.auditEvent.count({ where: { ip, operation: "auth.login", errorCode: "malformed" } });
      expect(audited).toBe(recorded.length);
    },
  );

  it("SEC-4 (issue 11): a right password awaiting its TOTP code is recorded but not counted", async () => {
    for (let i = 0; i < 6; i++) {
      expect((await failure(attempt("totp@demo.test", DEMO_PASSWORD, { ip: "127.0.3.1" }))).code).toBe("TOTP_REQUIRED");
    }
    const rows = await r.prisma.loginAttempt.findMany({ where: { email: "totp@demo.test", ip: "127.0.3.1" } });
    expect(rows.map((row) => row.reason)).toEqual(Array(6).fill("totp-required"));
  });
});
