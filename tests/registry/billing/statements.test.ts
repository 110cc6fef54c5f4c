import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportLedgerCsv,
  forecastAutoRenewalHorizons,
  getBillingAccount,
  listInvoices,
  listLedger,
  streamLedgerCsv,
} from "@/lib/registry/billing";
import { forecastAutoRenewals } from "@/lib/registry/domains";
import { parseKroner, payCheckoutSchema, topUpSchema } from "@/lib/schemas/billing";
import { type Registry, balanceOf, openRegistry, setBalance } from "../support";

// Issue 18: what /billing, /billing/ledger and /billing/invoices read — the forecast, the ledger
// with its running balance and CSV, the invoices — over the demo data.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const payer = () => r.ctx(r.user(["PAYER"]));

describe("R-PAY-3 ledger over the demo data", () => {
  it("R-PAY-3 every account's entries sum to its balance, and each entry's balanceAfter is the running sum", async () => {
    const accounts = await r.prisma.registrarAccount.findMany({
      select: { id: true, balance: true },
    });
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    for (const account of accounts) {
      const entries = await r.prisma.ledgerEntry.findMany({
        where: { accountId: account.id },
        orderBy: { id: "asc" },
      });
      let running = 0;
      for (const e of entries) {
        running += e.amount;
        expect(e.balanceAfter, `entry ${e.id}`).toBe(running);
      }
      expect(running).toBe(account.balance);
    }
  });

  it("R-PAY-3 the pages read forwards and back cover every entry once, newest first", async () => {
    const total = await r.prisma.ledgerEntry.count({ where: { accountId: r.demoId } });
    const forward: number[][] = [];
    let page = await listLedger(payer(), { limit: 5 });
    expect(page.prevCursor).toBeNull();
    forward.push(page.entries.map((e) => e.id));
    while (page.nextCursor !== null) {
      page = await listLedger(payer(), { after: page.nextCursor, limit: 5 });
      forward.push(page.entries.map((e) => e.id));
    }
    const ids = forward.flat();
    expect(ids).toHaveLength(total);
    expect(page.total).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // back from the last page to the first
    const backward: number[][] = [forward.at(-1)!];
    let cursor = page.prevCursor;
    while (cursor !== null) {
      const p = await listLedger(payer(), { before: cursor, limit: 5 });
      backward.unshift(p.entries.map((e) => e.id));
      cursor = p.prevCursor;
    }
    expect(backward.flat()).toEqual(ids);
  });

  it("R-PAY-3 filters: operation, domain (either form), date range; a bad date or range is refused at its field", async () => {
    const reg = await r.prisma.ledgerEntry.findFirstOrThrow({
      where: { accountId: r.demoId, domainName: { not: null } },
    });
    const byDomain = await listLedger(payer(), { domain: reg.domainName! });
    expect(byDomain.entries.length).toBeGreaterThan(0);
    expect(byDomain.entries.every((e) => e.domainName === reg.domainName)).toBe(true);
    const topUps = await listLedger(payer(), { operation: "TOP_UP_CARD", limit: 200 });
    expect(topUps.entries.every((e) => e.operation === "TOP_UP_CARD")).toBe(true);
    const day = reg.createdAt.toISOString().slice(0, 10);
    const sameDay = await listLedger(payer(), { from: day, to: day, limit: 200 });
    expect(sameDay.entries.map((e) => e.id)).toContain(reg.id);
    await expect(
      listLedger(payer(), { from: "2026-03-10", to: "2026-03-01" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { field: "to" },
    });
    await expect(listLedger(payer(), { from: "2026-02-30" })).rejects.toMatchObject({
      details: { field: "from" },
    });
    await expect(listLedger(payer(), { domain: "-bad-.dk" })).rejects.toMatchObject({
      code: "INVALID_DOMAIN_NAME",
      details: { field: "domain" },
    });
  });

  it("R-PAY-3 the streamed CSV (csv-stringify) matches the ledger row for row, with a byte-order mark", async () => {
    const bytes = new Uint8Array(await new Response(streamLedgerCsv(payer())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await exportLedgerCsv(payer());
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "id,time,operation,amount_ore,amount_dkk,balance_after_ore,domain,period_months,actor,description",
    );
    const all = await listLedger(payer(), { limit: 200 });
    expect(lines.length - 1).toBe(
      await r.prisma.ledgerEntry.count({ where: { accountId: r.demoId } }),
    );
    const first = all.entries[0]!;
    expect(
      lines[1]!.startsWith(
        `${first.id},${first.createdAt.toISOString()},${first.operation},${first.amount},`,
      ),
    ).toBe(true);
    const filtered = await exportLedgerCsv(payer(), { operation: "TOP_UP_CARD" });
    expect(
      filtered
        .split("\r\n")
        .slice(1, -1)
        .every((l) => l.includes(",TOP_UP_CARD,")),
    ).toBe(true);
  });

  it("R-PAY-3 the CSV refuses a Registrar before streaming (NOT_AUTHORIZED)", () => {
    expect(() => streamLedgerCsv(r.ctx(r.user(["REGISTRAR"])))).toThrow(
      expect.objectContaining({ code: "NOT_AUTHORIZED" }),
    );
  });

  it("issue 18: the billing account gives balance, threshold, FIK code and account number", async () => {
    const account = await getBillingAccount(payer());
    expect(account).toMatchObject({ balance: await balanceOf(r, r.demoId) });
    expect(account.fikCode).toMatch(/\d/);
    expect(account.accountNumber).toMatch(/\d/);
  });
});

describe("issue 18 auto-renew forecast", () => {
  it("issue 18: 30/60/90 days, nested; the 30-day horizon agrees with the dashboard's forecast", async () => {
    const f = await forecastAutoRenewalHorizons(payer());
    expect(f.horizons.map((h) => h.days)).toEqual([30, 60, 90]);
    const dashboard = await forecastAutoRenewals(payer(), { days: 30 });
    expect(f.horizons[0]).toMatchObject({
      domains: dashboard.domains,
      amount: dashboard.amount,
      to: dashboard.to,
    });
    expect(f.horizons[0]!.domains).toBeGreaterThan(0);
    expect(f.horizons[1]!.domains).toBeGreaterThanOrEqual(f.horizons[0]!.domains);
    expect(f.horizons[2]!.domains).toBeGreaterThanOrEqual(f.horizons[1]!.domains);
    expect(f.domains).toHaveLength(f.horizons[2]!.domains);
    expect(f.domains.filter((d) => d.horizon === 30)).toHaveLength(f.horizons[0]!.domains);
    expect(f.domains.map((d) => d.exDate)).toEqual([...f.domains.map((d) => d.exDate)].sort());
    // the listed domains are auto-renew, active and registrar-paid
    const rows = await r.prisma.domain.findMany({
      where: { aLabel: { in: f.domains.map((d) => d.name) }, liveName: { not: null } },
    });
    expect(rows.every((d) => d.state === "ACTIVE" && d.renewalPolicy === "AUTO_RENEW")).toBe(true);
  });

  it("issue 18: covered when the balance is at least the total; otherwise the shortfall", async () => {
    const saved = await balanceOf(r, r.demoId);
    try {
      const f = await forecastAutoRenewalHorizons(payer());
      const total30 = f.horizons[0]!.amount;
      await setBalance(r, r.demoId, total30 - 1);
      const low = await forecastAutoRenewalHorizons(payer());
      expect(low.horizons[0]).toMatchObject({ covered: false, shortfall: 1 });
      await setBalance(r, r.demoId, total30);
      expect((await forecastAutoRenewalHorizons(payer())).horizons[0]).toMatchObject({
        covered: true,
        shortfall: 0,
      });
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });

  it("DESIGN §1 matrix: the forecast is the Payer's (NOT_AUTHORIZED for a Registrar)", async () => {
    await expect(forecastAutoRenewalHorizons(r.ctx(r.user(["REGISTRAR"])))).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
  });
});

describe("R-REN-2 invoices list", () => {
  it("R-REN-2 lists the account's invoices with domain, payer handle, amount, due date and state counts", async () => {
    const page = await listInvoices(payer());
    const total = await r.prisma.invoice.count({ where: { accountId: r.demoId } });
    expect(page.counts.OPEN + page.counts.PAID + page.counts.CANCELLED).toBe(total);
    for (const i of page.invoices) {
      expect(i.payerHandle).toMatch(/-DK$/);
      expect(i.domainName).toMatch(/\.dk$/);
    }
    const other = await listInvoices(r.ctx(r.user(["PAYER"], "other")));
    const demoNumbers = new Set(page.invoices.map((i) => i.number));
    expect(other.invoices.some((i) => demoNumbers.has(i.number))).toBe(false);
  });
});

describe("issue 18 form schemas", () => {
  it("issue 18: amounts in kroner with dot or comma become whole øre; 1.00–100,000.00 DKK", () => {
    expect(parseKroner("500")).toBe(50_000);
    expect(parseKroner("500,5")).toBe(50_050);
    expect(parseKroner("1 000.25")).toBe(100_025);
    expect(parseKroner("1.234,50")).toBeNull();
    expect(topUpSchema.parse({ amount: "100000,00" })).toEqual({ amount: 10_000_000 });
    expect(topUpSchema.safeParse({ amount: "0.99" }).error?.issues[0]?.message).toBe(
      "billing.validation.amountRange",
    );
    expect(topUpSchema.safeParse({ amount: "100000.01" }).success).toBe(false);
    expect(topUpSchema.safeParse({ amount: "abc" }).error?.issues[0]?.message).toBe(
      "billing.validation.amountFormat",
    );
  });

  it("issue 18: the card form checks the number (Luhn), expiry MM/YY, CVC and cardholder", () => {
    const base = {
      checkoutId: "6f1c1f7e-0d5b-4d8e-9d49-3f3b3a0c9b11",
      cardNumber: "4242 4242 4242 4242",
      expiry: "12/30",
      cvc: "123",
      cardholder: "Pia Payer",
    };
    expect(payCheckoutSchema.parse(base).cardNumber).toBe("4242424242424242");
    for (const n of ["4000 0000 0000 0002", "5555555555554444", "4000000000009995"]) {
      expect(payCheckoutSchema.safeParse({ ...base, cardNumber: n }).success).toBe(true);
    }
    const fieldOf = (input: object) =>
      payCheckoutSchema.safeParse({ ...base, ...input }).error?.issues[0]?.path[0];
    expect(fieldOf({ cardNumber: "4242 4242 4242 4241" })).toBe("cardNumber");
    expect(fieldOf({ expiry: "13/30" })).toBe("expiry");
    expect(fieldOf({ cvc: "12" })).toBe("cvc");
    expect(fieldOf({ cardholder: " " })).toBe("cardholder");
  });
});
