import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/registry/rules";
import {
  issueRedelegationToken,
  issueTransferToken,
  listOpenTokens,
  retractToken,
  tokenFailureBucket,
  transferDomain,
} from "@/lib/registry/tokens";
import { type Registry, expectRefusal, openRegistry, setBalance } from "../support";
import { CORE2_TABLES, auditMark, oneCharWrong } from "../core2-support";

// R-TOK-1 and R-TOK-2: issuing, listing, retracting, and every way a presented token fails.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.otherId, 1_000_000);
});
afterAll(async () => r?.close());
// Each test starts in a fresh rate-limit hour, so failures of one test never limit the next.
beforeEach(() => {
  r.clock.advance({ hours: 2 });
});

// Issues and retracts REG-TRANSFER tokens: a Proxy verb (DESIGN.md §1).
const demoRegistrar = () => r.ctx(r.user(["PROXY", "REGISTRAR"]));
const otherRegistrar = () => r.ctx(r.user(["PROXY", "REGISTRAR"], "other"));
const failures = () =>
  r.prisma.rateLimitEvent.count({ where: { bucket: tokenFailureBucket(r.otherId) } });

/** The Copenhagen wall-clock time of an instant, "YYYY-MM-DD HH:MM:SS". */
const copenhagen = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Copenhagen",
    dateStyle: "short",
    timeStyle: "medium",
  }).format(at);
/** The same wall-clock time `days` calendar days later, computed on the text alone. */
function copenhagenPlusDays(at: Date, days: number): string {
  const [date, time] = copenhagen(at).split(" ");
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return `${next.toISOString().slice(0, 10)} ${time}`;
}

describe("R-TOK-1 token format and issuers", () => {
  it("R-TOK-1 issues a REG-TRANSFER token shown once; only its hash is stored, valid 14 days", async () => {
    const mark = await auditMark(r);
    const issued = await issueTransferToken(demoRegistrar(), { name: "bageriet-demo.dk" });
    expect(issued.token).toMatch(/^REG-TRANSFER-[0-9a-f]{32}$/);
    const row = await r.prisma.authToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ kind: "TRANSFER", issuerRole: "REG", issuedByAccountId: r.demoId });
    expect(row.secretHash).toBe(hashToken(issued.token));
    // 14 calendar days at the same Copenhagen wall-clock time (23 h days across DST included)
    expect(copenhagen(row.expiresAt)).toBe(copenhagenPlusDays(r.clock.now(), 14));
    // the issue is audited (so there is a row that could leak it), and no audit row holds the secret
    const audits = await r.prisma.auditEvent.findMany({ where: { id: { gt: mark } } });
    expect(audits).toEqual([
      expect.objectContaining({
        operation: "token.issueTransfer",
        outcome: "SUCCESS",
        accountId: r.demoId,
        objectLabel: "bageriet-demo.dk",
        after: expect.objectContaining({ tokenId: issued.id, kind: "REG-TRANSFER" }),
      }),
    ]);
    const everyAudit = JSON.stringify(await r.prisma.auditEvent.findMany());
    expect(everyAudit).toContain(issued.id);
    expect(everyAudit).not.toContain(issued.token.slice(13));
    expect(everyAudit).not.toContain(row.secretHash);
  });

  it("R-TOK-1 issues NSA-REDEL to an NSA and PXY-REDEL to a Proxy", async () => {
    const nsa = await issueRedelegationToken(r.ctx(r.user(["NSA"])), {
      name: "tandlaegen-demo.dk",
      role: "NSA",
    });
    const pxy = await issueRedelegationToken(r.ctx(r.user(["PROXY"])), {
      name: "tandlaegen-demo.dk",
      role: "PXY",
    });
    expect(nsa.token).toMatch(/^NSA-REDEL-[0-9a-f]{32}$/);
    expect(pxy.token).toMatch(/^PXY-REDEL-[0-9a-f]{32}$/);
  });

  it("R-TOK-1 refuses a Proxy issuing NSA-REDEL and a Payer issuing a transfer token (NOT_AUTHORIZED)", async () => {
    await expectRefusal(
      r,
      () =>
        issueRedelegationToken(r.ctx(r.user(["PROXY"])), {
          name: "tandlaegen-demo.dk",
          role: "NSA",
        }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => issueTransferToken(r.ctx(r.user(["PAYER"])), { name: "tandlaegen-demo.dk" }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
  });

  it("R-TOK-1 refuses a token for another registrar's domain (NOT_FOUND) and a suspended one", async () => {
    await expectRefusal(
      r,
      () => issueTransferToken(otherRegistrar(), { name: "bageriet-demo.dk" }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => issueTransferToken(demoRegistrar(), { name: "opsagt-demo.dk" }),
      "DOMAIN_NOT_TRANSFERABLE",
      CORE2_TABLES,
    );
  });
});

describe("R-TOK-2 lifetime, retraction, failures", () => {
  it("R-TOK-2 lists open tokens with expiry; a new transfer token retracts the old one", async () => {
    const first = await issueTransferToken(demoRegistrar(), { name: "vvs-service-demo.dk" });
    const second = await issueTransferToken(demoRegistrar(), { name: "vvs-service-demo.dk" });
    const listed = (await listOpenTokens(demoRegistrar())).filter(
      (t) => t.domain === "vvs-service-demo.dk",
    );
    expect(listed).toEqual([
      expect.objectContaining({ id: second.id, kind: "REG-TRANSFER", expiresAt: second.expiresAt }),
    ]);
    const old = await r.prisma.authToken.findUniqueOrThrow({ where: { id: first.id } });
    expect(old.retractedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(second.token);
    // a Payer sees no tokens; another account sees none of Demo's
    expect(await listOpenTokens(r.ctx(r.user(["PAYER"])))).toEqual([]);
    expect((await listOpenTokens(otherRegistrar())).some((t) => t.id === second.id)).toBe(false);
  });

  it("R-TOK-2 refuses a token after 14 days (TOKEN_EXPIRED); the failure is audited and counted", async () => {
    const issued = await issueTransferToken(demoRegistrar(), { name: "malerfirma-demo.dk" });
    r.clock.advance({ days: 14 });
    const before = await failures();
    await expectRefusal(
      r,
      () => transferDomain(otherRegistrar(), { name: "malerfirma-demo.dk", token: issued.token }),
      "TOKEN_EXPIRED",
      CORE2_TABLES,
    );
    expect(await failures()).toBe(before + 1);
  });

  it("R-TOK-2 refuses a token after use (TOKEN_ALREADY_USED)", async () => {
    const issued = await issueTransferToken(demoRegistrar(), { name: "frisoer-demo.dk" });
    await transferDomain(otherRegistrar(), { name: "frisoer-demo.dk", token: issued.token });
    await expectRefusal(
      r,
      () => transferDomain(otherRegistrar(), { name: "frisoer-demo.dk", token: issued.token }),
      "TOKEN_ALREADY_USED",
      CORE2_TABLES,
    );
  });

  it("R-TOK-2 refuses a token after retraction and after a newer token (TOKEN_INVALID)", async () => {
    const retracted = await issueTransferToken(demoRegistrar(), { name: "cafe-hygge-demo.dk" });
    await retractToken(demoRegistrar(), { tokenId: retracted.id, kind: "TRANSFER" });
    await expectRefusal(
      r,
      () =>
        transferDomain(otherRegistrar(), { name: "cafe-hygge-demo.dk", token: retracted.token }),
      "TOKEN_INVALID",
      CORE2_TABLES,
    );
    const older = await issueTransferToken(demoRegistrar(), { name: "cafe-hygge-demo.dk" });
    await issueTransferToken(demoRegistrar(), { name: "cafe-hygge-demo.dk" });
    await expectRefusal(
      r,
      () => transferDomain(otherRegistrar(), { name: "cafe-hygge-demo.dk", token: older.token }),
      "TOKEN_INVALID",
      CORE2_TABLES,
    );
  });

  it("R-TOK-2 refuses a token with one wrong character (TOKEN_INVALID) and for another domain", async () => {
    const issued = await issueTransferToken(demoRegistrar(), { name: "boghandel-demo.dk" });
    const mark = await auditMark(r);
    await expectRefusal(
      r,
      () =>
        transferDomain(otherRegistrar(), {
          name: "boghandel-demo.dk",
          token: oneCharWrong(issued.token),
        }),
      "TOKEN_INVALID",
      CORE2_TABLES,
    );
    const audit = await r.prisma.auditEvent.findFirstOrThrow({ where: { id: { gt: mark } } });
    expect(audit).toMatchObject({
      operation: "domain.transfer",
      accountId: r.otherId,
      objectLabel: "boghandel-demo.dk",
    });
    expect(JSON.stringify(audit)).not.toContain(issued.token.slice(13, 40));
    await expectRefusal(
      r,
      () => transferDomain(otherRegistrar(), { name: "cykelsmed-demo.dk", token: issued.token }),
      "TOKEN_INVALID",
      CORE2_TABLES,
    );
  });

  it("R-TOK-2 the eleventh failure in an hour is refused as RATE_LIMITED even with the right token", async () => {
    const issued = await issueTransferToken(demoRegistrar(), { name: "blomster-demo.dk" });
    const wrong = oneCharWrong(issued.token);
    for (let i = 0; i < 10; i++) {
      await expect(
        transferDomain(otherRegistrar(), { name: "blomster-demo.dk", token: wrong }),
      ).rejects.toMatchObject({ code: "TOKEN_INVALID" });
      r.clock.advance({ minutes: 1 });
    }
    await expectRefusal(
      r,
      () => transferDomain(otherRegistrar(), { name: "blomster-demo.dk", token: issued.token }),
      "RATE_LIMITED",
      CORE2_TABLES,
    );
    // Only token uses are limited: the limited account still issues and lists its own tokens.
    const otherProxy = r.ctx(r.user(["PROXY"], "other"));
    const own = await issueTransferToken(otherProxy, { name: "other-foto.dk" });
    expect((await listOpenTokens(otherProxy)).map((t) => t.id)).toContain(own.id);
    // The limit is per account: Demo uses a token while Other is limited.
    const moved = await transferDomain(r.ctx(r.user(["REGISTRAR"])), {
      name: "other-foto.dk",
      token: own.token,
    });
    expect(moved.domain.name).toBe("other-foto.dk");
    r.clock.advance({ minutes: 55 }); // the first failures leave the hour's window
    const done = await transferDomain(otherRegistrar(), {
      name: "blomster-demo.dk",
      token: issued.token,
    });
    expect(done.domain.name).toBe("blomster-demo.dk");
  });

  it("R-TOK-2 retract: only the issuing account, only an open token", async () => {
    const issued = await issueTransferToken(demoRegistrar(), { name: "advokat-demo.dk" });
    await expectRefusal(
      r,
      () => retractToken(otherRegistrar(), { tokenId: issued.id, kind: "TRANSFER" }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
    await retractToken(demoRegistrar(), { tokenId: issued.id, kind: "TRANSFER" });
    await expectRefusal(
      r,
      () => retractToken(demoRegistrar(), { tokenId: issued.id, kind: "TRANSFER" }),
      "CONFLICT",
      CORE2_TABLES,
    );
  });
});
