import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { totpCodeAt } from "@/lib/crypto/totp";
import type { Actor } from "@/lib/registry/actor";
import { isRegistryError } from "@/lib/registry/errors";
import {
  getTransferQuote,
  issueRedelegationToken,
  issueTransferToken,
  listPortfolioTokens,
  retractTokens,
  tokenIssueNeedsTotp,
} from "@/lib/registry/tokens";
import { type Registry, balanceOf, expectRefusal, openRegistry } from "../support";

// Issue 16 on the core: the TOTP step-up for issuing transfer tokens (DESIGN.md §5), the
// portfolio's open tokens with who issued them, "Retract selected", and the transfer page's fee
// and balance.

let r: Registry;
let totpActor: Actor;
let totpSecret: string;
beforeAll(async () => {
  r = await openRegistry();
  const u = await r.prisma.user.findUniqueOrThrow({ where: { email: "totp@demo.test" } });
  totpSecret = u.totpSecret!;
  totpActor = { kind: "portal", userId: u.id, accountId: u.accountId, metaRoles: u.metaRoles, ip: "127.0.0.1", label: u.email };
});
afterAll(async () => r?.close());
beforeEach(() => {
  r.clock.advance({ hours: 1 });
});

const proxy = () => r.ctx(r.user(["PROXY"]));

async function refusalOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (isRegistryError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("DESIGN §5 step-up: a TOTP user confirms issuing a transfer token", () => {
  it("R-TOK-1 asks a TOTP user for a code, refuses a wrong or missing one at the field, accepts a fresh one once", async () => {
    const ctx = r.ctx(totpActor);
    expect(await tokenIssueNeedsTotp(ctx)).toBe(true);
    await expectRefusal(r, () => issueTransferToken(ctx, { name: "vvs-service-demo.dk" }), "REAUTHENTICATION_REQUIRED");
    const wrong = await refusalOf(() => issueTransferToken(ctx, { name: "vvs-service-demo.dk", totpCode: "000000" }));
    expect(wrong.code).toBe("REAUTHENTICATION_REQUIRED");
    expect(wrong.details).toMatchObject({ field: "totpCode" });
    const code = totpCodeAt(totpSecret, r.clock.now());
    const issued = await issueTransferToken(ctx, { name: "vvs-service-demo.dk", totpCode: code });
    expect(issued.token).toMatch(/^REG-TRANSFER-[0-9a-f]{32}$/);
    // the code's step is used up
    await expectRefusal(r, () => issueTransferToken(ctx, { name: "vvs-service-demo.dk", totpCode: code }), "REAUTHENTICATION_REQUIRED");
  });

  it("R-TOK-1 does not ask a user without TOTP", async () => {
    expect(await tokenIssueNeedsTotp(proxy())).toBe(false);
    await expect(issueTransferToken(proxy(), { name: "malerfirma-demo.dk" })).resolves.toMatchObject({ domain: "malerfirma-demo.dk" });
  });
});

describe("R-TOK-2 the portfolio's open tokens (/domains/tokens)", () => {
  it("R-TOK-2 lists open transfer and redelegation tokens with who issued them; never another account's, never to a role that may not retract", async () => {
    const transfer = await issueTransferToken(proxy(), { name: "frisoer-demo.dk" });
    const redel = await issueRedelegationToken(proxy(), { name: "frisoer-demo.dk", role: "PXY" });
    const other = await issueTransferToken(r.ctx(r.user(["PROXY"], "other")), { name: "other-blog.dk" });
    const listed = await listPortfolioTokens(proxy());
    const ids = listed.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([transfer.id, redel.id]));
    expect(ids).not.toContain(other.id);
    expect(listed.find((t) => t.id === transfer.id)).toMatchObject({
      kind: "REG-TRANSFER",
      domain: "frisoer-demo.dk",
      issuedBy: "all@demo.test",
    });
    expect(listed.find((t) => t.id === redel.id)?.kind).toBe("PXY-REDEL");
    // soonest expiry first, and turned round
    const expiries = listed.map((t) => t.expiresAt.getTime());
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
    expect((await listPortfolioTokens(proxy(), { dir: "desc" })).map((t) => t.id)).toEqual([...ids].reverse());
    await expect(listPortfolioTokens(r.ctx(r.user(["PAYER"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    await expect(listPortfolioTokens(r.ctx(r.user(["REGISTRAR"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });

  it("R-TOK-2 retracts selected tokens one by one: a token no longer open or another account's is refused, the rest go", async () => {
    const a = await issueTransferToken(proxy(), { name: "cafe-hygge-demo.dk" });
    const b = await issueRedelegationToken(proxy(), { name: "cafe-hygge-demo.dk", role: "PXY" });
    const other = await issueTransferToken(r.ctx(r.user(["PROXY"], "other")), { name: "other-foto.dk" });
    const outcome = await retractTokens(proxy(), { tokenIds: [a.id, b.id, other.id] });
    expect(outcome.retracted.sort()).toEqual([a.id, b.id].sort());
    expect(outcome.refused).toEqual([expect.objectContaining({ id: other.id, code: "NOT_FOUND" })]);
    const rows = await r.prisma.authToken.findMany({ where: { id: { in: [a.id, b.id, other.id] } } });
    expect(rows.filter((t) => t.retractedAt).map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    // nothing left to retract: the first refusal is the answer
    await expect(retractTokens(proxy(), { tokenIds: [a.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(retractTokens(r.ctx(r.user(["REGISTRAR"])), { tokenIds: [other.id] })).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });
});

describe("R-TOK-3 the transfer page's facts", () => {
  it("R-TOK-3 shows the Registrar the policy's transfer fee and the account's balance", async () => {
    const quote = await getTransferQuote(r.ctx(r.user(["REGISTRAR"])));
    expect(quote).toEqual({ fee: 4_500, balance: await balanceOf(r, r.demoId) });
    await expect(getTransferQuote(proxy())).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });
});
