import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookBankPayment,
  confirmCardPayment,
  exportLedgerCsv,
  formatCsvField,
  getBalance,
  listLedger,
  SandboxCardProvider,
  setLowBalanceThreshold,
  topUpByCard,
} from "@/lib/registry/billing";
import { registerDomain, renewDomain } from "@/lib/registry/domains";
import { usesPostgres } from "@/tests/support/db";
import {
  OUT_OF_ZONE,
  type Registry,
  balanceOf,
  expectRefusal,
  freshName,
  ledgerSum,
  openRegistry,
  setBalance,
} from "../support";

let r: Registry;
const provider = new SandboxCardProvider();
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const payer = () => r.ctx(r.user(["PAYER"]));
const registrar = () => r.ctx(r.user(["REGISTRAR", "PAYER"]));

describe("R-PAY-1 prepaid rules", () => {
  it("R-PAY-1 registration is declined on insufficient funds (INSUFFICIENT_FUNDS)", async () => {
    const saved = await balanceOf(r, r.demoId);
    await setBalance(r, r.demoId, 0);
    try {
      await expectRefusal(
        r,
        () =>
          registerDomain(registrar(), {
            name: freshName(),
            registrant: "JCA1-DK",
            nameServers: OUT_OF_ZONE,
          }),
        "INSUFFICIENT_FUNDS",
      );
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });

  it("R-PAY-1 manual renewal may overdraw; balance always equals the ledger sum", async () => {
    const name = freshName("overtræk".replace("æ", "ae"));
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    const saved = await balanceOf(r, r.demoId);
    await setBalance(r, r.demoId, 0);
    try {
      await renewDomain(registrar(), {
        name,
        curExpDate: "2027-03-10",
        period: { unit: "y", value: 2 },
      });
      expect(await balanceOf(r, r.demoId)).toBe(-9_000);
      expect(await ledgerSum(r, r.demoId)).toBe(-9_000);
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });
});

describe("R-PAY-2 funding", () => {
  it("R-PAY-2 a card top-up with 4242… credits once; confirming the same reference again credits nothing", async () => {
    const before = await balanceOf(r, r.demoId);
    const booking = await topUpByCard(payer(), provider, {
      amount: 50_000,
      card: { number: "4242 4242 4242 4242" },
    });
    expect(booking).toMatchObject({ state: "SUCCEEDED", booked: true, balance: before + 50_000 });
    const again = await confirmCardPayment(payer(), provider, { reference: booking.reference });
    expect(again).toMatchObject({
      paymentId: booking.paymentId,
      booked: false,
      balance: before + 50_000,
    });
    expect(await balanceOf(r, r.demoId)).toBe(before + 50_000);
    expect(await r.prisma.ledgerEntry.count({ where: { paymentId: booking.paymentId } })).toBe(1);
  });

  it("R-PAY-2 a declined card (4000000000000002) is refused with PAYMENT_DECLINED and credits nothing", async () => {
    const before = await balanceOf(r, r.demoId);
    const error = await topUpByCard(payer(), provider, {
      amount: 10_000,
      card: { number: "4000000000000002" },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PAYMENT_DECLINED" });
    expect(await balanceOf(r, r.demoId)).toBe(before);
    expect(await r.prisma.payment.count({ where: { state: "FAILED", accountId: r.demoId } })).toBe(
      1,
    );
  });

  it("R-PAY-2 another registrar cannot confirm Demo's card payment (NOT_FOUND)", async () => {
    const payment = await provider.createPayment({
      accountId: r.demoId,
      amount: 20_000,
      card: { number: "4242424242424242" },
    });
    await expectRefusal(
      r,
      () =>
        confirmCardPayment(r.ctx(r.user(["PAYER"], "other")), provider, {
          reference: payment.reference,
        }),
      "NOT_FOUND",
    );
  });

  it("R-PAY-2 the operator books a FIK payment once; a repeat returns the booking, another amount is a CONFLICT", async () => {
    const before = await balanceOf(r, r.demoId);
    const first = await bookBankPayment(r.ctx(r.operator), {
      method: "FIK",
      fikCode: "12345678",
      reference: "FIK-2026-0001",
      amount: 30_000,
    });
    expect(first).toMatchObject({ booked: true, balance: before + 30_000 });
    const again = await bookBankPayment(r.ctx(r.operator), {
      method: "FIK",
      fikCode: "12345678",
      reference: "FIK-2026-0001",
      amount: 30_000,
    });
    expect(again).toMatchObject({ booked: false, paymentId: first.paymentId });
    await expectRefusal(
      r,
      () =>
        bookBankPayment(r.ctx(r.operator), {
          method: "FIK",
          fikCode: "12345678",
          reference: "FIK-2026-0001",
          amount: 31_000,
        }),
      "CONFLICT",
    );
    expect(await balanceOf(r, r.demoId)).toBe(before + 30_000);
    expect(
      await r.prisma.notification.count({ where: { accountId: r.demoId, type: "PAYMENT_BOOKED" } }),
    ).toBe(1);
  });

  it("R-PAY-2 bank payments: unknown account number is NOT_FOUND; a registrar user cannot book (NOT_AUTHORIZED)", async () => {
    await expectRefusal(
      r,
      () =>
        bookBankPayment(r.ctx(r.operator), {
          method: "BANK",
          accountNumber: "999",
          reference: "B-1",
          amount: 10_000,
        }),
      "NOT_FOUND",
    );
    await expectRefusal(
      r,
      () =>
        bookBankPayment(r.ctx(r.user(["PAYER", "ADMINISTRATOR"])), {
          method: "BANK",
          accountNumber: "4000123456",
          reference: "B-1",
          amount: 10_000,
        }),
      "NOT_AUTHORIZED",
    );
  });

  it.skipIf(!usesPostgres)(
    "R-PAY-2 the same card payment confirmed twice at once credits once (needs PostgreSQL)",
    async () => {
      const payment = await provider.createPayment({
        accountId: r.demoId,
        amount: 12_300,
        card: { number: "4242424242424242" },
      });
      const before = await balanceOf(r, r.demoId);
      const ctxA = { db: r.db.newClient(), clock: r.clock, actor: r.user(["PAYER"]) };
      const ctxB = { db: r.db.newClient(), clock: r.clock, actor: r.user(["PAYER"]) };
      const results = await Promise.all([
        confirmCardPayment(ctxA, provider, { reference: payment.reference }),
        confirmCardPayment(ctxB, provider, { reference: payment.reference }),
      ]);
      expect(results.map((x) => x.booked).sort()).toEqual([false, true]);
      expect(await balanceOf(r, r.demoId)).toBe(before + 12_300);
      expect(await ledgerSum(r, r.demoId)).toBe(before + 12_300);
    },
  );

  it.skipIf(!usesPostgres)(
    "R-PAY-2 a bank payment booked twice at once credits once (needs PostgreSQL)",
    async () => {
      const before = await balanceOf(r, r.demoId);
      const input = {
        method: "BANK" as const,
        accountNumber: "4000123456",
        reference: "BANK-RACE-1",
        amount: 45_600,
      };
      const results = await Promise.all([
        bookBankPayment({ db: r.db.newClient(), clock: r.clock, actor: r.operator }, input),
        bookBankPayment({ db: r.db.newClient(), clock: r.clock, actor: r.operator }, input),
      ]);
      expect(results.map((x) => x.booked).sort()).toEqual([false, true]);
      expect(await balanceOf(r, r.demoId)).toBe(before + 45_600);
      expect(await ledgerSum(r, r.demoId)).toBe(before + 45_600);
    },
  );
});

describe("R-PAY-3 ledger", () => {
  it("R-PAY-3 lists entries newest first with operation, domain and actor; filters and keyset pages", async () => {
    const name = freshName("hovedbog");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    const page = await listLedger(payer(), { domain: name });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      operation: "REGISTRATION",
      domainName: name,
      amount: -4_500,
      actorLabel: "registrar+payer@demo.test",
    });

    const all: number[] = [];
    let cursor: number | null = null;
    do {
      const p: Awaited<ReturnType<typeof listLedger>> = await listLedger(payer(), {
        cursor,
        limit: 7,
      });
      all.push(...p.entries.map((e) => e.id));
      cursor = p.nextCursor;
    } while (cursor !== null);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(all.length).toBe(await r.prisma.ledgerEntry.count({ where: { accountId: r.demoId } }));

    const regs = await listLedger(payer(), {
      operation: "REGISTRATION",
      from: "2026-03-10",
      to: "2026-03-10",
      limit: 200,
    });
    expect(regs.entries.length).toBeGreaterThan(0);
    expect(regs.entries.every((e) => e.operation === "REGISTRATION")).toBe(true);
    const none = await listLedger(payer(), { from: "2030-01-01" });
    expect(none.entries).toEqual([]);
    expect((await getBalance(payer())).balance).toBe(await balanceOf(r, r.demoId));
  });

  it("R-PAY-3 the ledger is the Payer's: a Registrar-only user is refused (NOT_AUTHORIZED)", async () => {
    await expect(listLedger(r.ctx(r.user(["REGISTRAR"])))).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
    await expect(exportLedgerCsv(r.ctx(r.user(["REGISTRAR"])))).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
  });

  it("R-PAY-3 exports CSV (RFC 4180): a header, one line per entry, quoting and formula guarding", async () => {
    const csv = await exportLedgerCsv(payer());
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "id,time,operation,amount_ore,amount_dkk,balance_after_ore,domain,period_months,actor,description",
    );
    expect(lines.length - 2).toBe(
      await r.prisma.ledgerEntry.count({ where: { accountId: r.demoId } }),
    );
    expect(csv).toMatch(/,REGISTRATION,-4500,-45\.00,/);
    expect(formatCsvField('Say "hi", ok')).toBe('"Say ""hi"", ok"');
    expect(formatCsvField("line\nbreak")).toBe('"line\nbreak"');
    expect(formatCsvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(formatCsvField("-45.00")).toBe("-45.00");
  });
});

describe("billing.setLowBalanceThreshold", () => {
  /** Demo's balance and threshold set for the test, LOW_BALANCE armed; restored afterwards. */
  async function withDemoAccount(balance: number, threshold: number, run: () => Promise<void>) {
    const saved = await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } });
    await setBalance(r, r.demoId, balance);
    await r.prisma.registrarAccount.update({
      where: { id: r.demoId },
      data: { lowBalanceThreshold: threshold, lowBalanceNotifiedAt: null },
    });
    try {
      await run();
    } finally {
      await setBalance(r, r.demoId, saved.balance);
      await r.prisma.registrarAccount.update({
        where: { id: r.demoId },
        data: {
          lowBalanceThreshold: saved.lowBalanceThreshold,
          lowBalanceNotifiedAt: saved.lowBalanceNotifiedAt,
        },
      });
    }
  }
  const lowBalanceMessages = () =>
    r.prisma.notification.count({ where: { accountId: r.demoId, type: "LOW_BALANCE" } });

  it("issue 10 item 9: the Payer sets the threshold in whole øre; audited before → after", async () => {
    await withDemoAccount(100_000, 50_000, async () => {
      const result = await setLowBalanceThreshold(payer(), { threshold: 75_000 });
      expect(result).toEqual({ balance: 100_000, lowBalanceThreshold: 75_000 });
      expect(await getBalance(payer())).toEqual({ balance: 100_000, lowBalanceThreshold: 75_000 });
      const audit = await r.prisma.auditEvent.findFirstOrThrow({
        where: { operation: "billing.setLowBalanceThreshold", outcome: "SUCCESS" },
        orderBy: { id: "desc" },
      });
      expect([audit.before, audit.after]).toEqual([
        { lowBalanceThreshold: 50_000 },
        { lowBalanceThreshold: 75_000 },
      ]);
    });
  });

  it("issue 10 item 9: refuses negative, fractional and absurd thresholds (VALIDATION_FAILED)", async () => {
    for (const threshold of [-1, 0.5, Number.NaN, 100_000_001]) {
      await expectRefusal(
        r,
        () => setLowBalanceThreshold(payer(), { threshold }),
        "VALIDATION_FAILED",
      );
    }
  });

  it("R-MSG-1: a threshold above the balance queues LOW_BALANCE once; one at or below re-arms it", async () => {
    await withDemoAccount(100_000, 50_000, async () => {
      const before = await lowBalanceMessages();
      await setLowBalanceThreshold(payer(), { threshold: 200_000 });
      expect(await lowBalanceMessages()).toBe(before + 1);
      await setLowBalanceThreshold(payer(), { threshold: 300_000 });
      expect(await lowBalanceMessages()).toBe(before + 1); // still below: not queued twice
      await setLowBalanceThreshold(payer(), { threshold: 100_000 }); // at the balance: re-armed
      const account = await r.prisma.registrarAccount.findUniqueOrThrow({
        where: { id: r.demoId },
      });
      expect(account.lowBalanceNotifiedAt).toBeNull();
      await setLowBalanceThreshold(payer(), { threshold: 150_000 });
      expect(await lowBalanceMessages()).toBe(before + 2);
      // 0 turns the message off: never below it.
      await setLowBalanceThreshold(payer(), { threshold: 0 });
      expect(await lowBalanceMessages()).toBe(before + 2);
    });
  });

  it("DESIGN §1 matrix: only the Payer sets the threshold (NOT_AUTHORIZED otherwise)", async () => {
    for (const role of ["REGISTRAR", "PROXY", "NSA", "ADMINISTRATOR"] as const) {
      await expectRefusal(
        r,
        () => setLowBalanceThreshold(r.ctx(r.user([role])), { threshold: 1 }),
        "NOT_AUTHORIZED",
      );
    }
  });
});
