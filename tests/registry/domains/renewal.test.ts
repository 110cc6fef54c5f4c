import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueInvoice, markInvoicePaid } from "@/lib/registry/billing";
import { defaultPolicy, dk2026Policy } from "@/lib/registry/policy";
import { setPolicy } from "@/lib/registry/policy-admin";
import { registerDomain, renewDomain, setRenewalPolicy } from "@/lib/registry/domains";
import { registryDateFromDb, registryDateToDb } from "@/lib/registry/rules";
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
import { notificationMark, notificationsSince } from "../core2-support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const payer = () => r.ctx(r.user(["PAYER"]));
const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const proxy = () => r.ctx(r.user(["PROXY"]));

const domainRow = (name: string) =>
  r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });

/** A fresh active 1-year domain (exDate 2027-03-10), optionally with its exDate moved. */
async function newDomain(exDate?: string) {
  const name = freshName("forny");
  await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
  if (exDate)
    await r.prisma.domain.update({
      where: { liveName: name },
      data: { exDate: registryDateToDb(exDate) },
    });
  return name;
}

describe("renewDomain", () => {
  it("R-REN-1 renews by the Payer for a year: exDate + 1 year, billed, ledger = balance", async () => {
    const name = await newDomain();
    const before = await balanceOf(r, r.demoId);
    const res = await renewDomain(payer(), { name, curExpDate: "2027-03-10" });
    expect(res.domain.exDate).toBe("2028-03-10");
    expect(registryDateFromDb((await domainRow(name)).exDate!)).toBe("2028-03-10");
    expect(res.charged).toBe(4_500);
    expect(await balanceOf(r, r.demoId)).toBe(before - 4_500);
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
  });

  it("R-REN-1 renews with months: 31 Jan + 1 month = 28 Feb, priced pro rata", async () => {
    const name = await newDomain("2027-01-31");
    const res = await renewDomain(payer(), {
      name,
      curExpDate: "2027-01-31",
      period: { unit: "m", value: 1 },
    });
    expect(res.domain.exDate).toBe("2027-02-28");
    expect(registryDateFromDb((await domainRow(name)).exDate!)).toBe("2027-02-28");
    expect(res.charged).toBe(375);
  });

  it("R-REN-1 refuses a stale curExpDate (EXPIRY_DATE_MISMATCH) and changes nothing", async () => {
    const name = await newDomain();
    await expectRefusal(
      r,
      () => renewDomain(payer(), { name, curExpDate: "2027-03-11" }),
      "EXPIRY_DATE_MISMATCH",
    );
  });

  it("R-REN-1 refuses beyond the 10-year cap (RENEWAL_PERIOD_EXCEEDS_CAP); exactly 10 years is allowed", async () => {
    const name = await newDomain();
    await expectRefusal(
      r,
      () =>
        renewDomain(payer(), { name, curExpDate: "2027-03-10", period: { unit: "y", value: 10 } }),
      "RENEWAL_PERIOD_EXCEEDS_CAP",
    );
    const ok = await renewDomain(payer(), {
      name,
      curExpDate: "2027-03-10",
      period: { unit: "y", value: 9 },
    });
    expect(ok.domain.exDate).toBe("2036-03-10");
  });

  it("R-REN-1 insufficient funds do not block a renewal: the balance goes negative (R-PAY-1)", async () => {
    const name = await newDomain();
    const saved = await balanceOf(r, r.demoId);
    await setBalance(r, r.demoId, 1_000);
    // armed for a LOW_BALANCE message, whatever earlier tests did to the account
    await r.prisma.registrarAccount.update({
      where: { id: r.demoId },
      data: { lowBalanceNotifiedAt: null },
    });
    const mark = await notificationMark(r);
    try {
      const res = await renewDomain(payer(), { name, curExpDate: "2027-03-10" });
      expect(res.domain.exDate).toBe("2028-03-10");
      expect(await balanceOf(r, r.demoId)).toBe(-3_500);
      expect(await ledgerSum(r, r.demoId)).toBe(-3_500);
      const queued = await notificationsSince(r, r.demoId, mark);
      expect(queued.filter((n) => n.type === "LOW_BALANCE")).toHaveLength(1);
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });

  it("R-REN-1 dates: a domain expiring 2026-03-30 (after the DST switch) is renewable until 23:59:59 local on the 29th", async () => {
    const name = await newDomain("2026-03-30");
    const saved = r.clock.now();
    try {
      // 00:00 CEST on 30 March = 22:00 UTC on 29 March (the clocks went forward at 02:00 on the 29th)
      r.clock.set("2026-03-29T22:00:00Z");
      await expectRefusal(
        r,
        () => renewDomain(payer(), { name, curExpDate: "2026-03-30" }),
        "DOMAIN_NOT_RENEWABLE",
      );
      r.clock.set("2026-03-29T21:59:59Z");
      const res = await renewDomain(payer(), { name, curExpDate: "2026-03-30" });
      expect(res.domain.exDate).toBe("2027-03-30");
    } finally {
      r.clock.set(saved);
    }
  });

  it("R-REN-1 refuses a registrant-paid domain (DOMAIN_NOT_RENEWABLE) but renews a registrar-paid registrant-managed one", async () => {
    const bk = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: "bk-fremad.dk" } });
    const bkExDate = bk.exDate!.toISOString().slice(0, 10);
    await expectRefusal(
      r,
      () => renewDomain(payer(), { name: "bk-fremad.dk", curExpDate: bkExDate }),
      "DOMAIN_NOT_RENEWABLE",
    );
    const d = await r.prisma.domain.findUniqueOrThrow({
      where: { liveName: "sorensen-familie.dk" },
    });
    const exDate = d.exDate!.toISOString().slice(0, 10);
    expect(exDate).toBe("2026-10-11"); // seeded: created 2025-10-11 for a year
    const res = await renewDomain(payer(), { name: "sorensen-familie.dk", curExpDate: exDate });
    expect(res.domain.exDate).toBe("2027-10-11");
    expect(registryDateFromDb((await domainRow("sorensen-familie.dk")).exDate!)).toBe("2027-10-11");
  });

  it("R-REN-1 policy: under .dk 2026 a renewal more than 2 months before expiry is refused", async () => {
    const name = await newDomain();
    await setPolicy(r.ctx(r.operator), dk2026Policy);
    try {
      await expectRefusal(
        r,
        () => renewDomain(payer(), { name, curExpDate: "2027-03-10" }),
        "DOMAIN_NOT_RENEWABLE",
      );
      await expectRefusal(
        r,
        () =>
          renewDomain(payer(), { name, curExpDate: "2027-03-10", period: { unit: "m", value: 3 } }),
        "PERIOD_NOT_ALLOWED",
      );
    } finally {
      await setPolicy(r.ctx(r.operator), defaultPolicy);
    }
  });

  it("R-REN-2 an open invoice blocks renewal (DOMAIN_NOT_RENEWABLE); once the operator marks it paid, renewal works", async () => {
    const name = await newDomain();
    const domain = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
    const account = await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } });
    // invoiced at auto-renew while the registrant paid; the payer was since changed to the registrar
    const invoice = await r.prisma.$transaction((tx) =>
      issueInvoice(tx, {
        domainId: domain.id,
        accountId: r.demoId,
        payerId: account.handleId,
        amount: 4_500,
        periodYears: 1,
        now: r.clock.now(),
      }),
    );
    await expectRefusal(
      r,
      () => renewDomain(payer(), { name, curExpDate: "2027-03-10" }),
      "DOMAIN_NOT_RENEWABLE",
    );
    await markInvoicePaid(r.ctx(r.operator), { number: invoice.number });
    await expect(
      markInvoicePaid(r.ctx(r.operator), { number: invoice.number }),
    ).rejects.toMatchObject({ code: "INVOICE_NOT_OPEN" });
    const res = await renewDomain(payer(), { name, curExpDate: "2027-03-10" });
    expect(res.domain.exDate).toBe("2028-03-10");
  });

  it("R-REN-2 only an operator marks an invoice paid (NOT_AUTHORIZED for a registrar user)", async () => {
    const name = await newDomain();
    const domain = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
    const bf = await r.prisma.handle.findUniqueOrThrow({ where: { handle: "BF5-DK" } });
    const invoice = await r.prisma.$transaction((tx) =>
      issueInvoice(tx, {
        domainId: domain.id,
        accountId: r.demoId,
        payerId: bf.id,
        amount: 4_500,
        periodYears: 1,
        now: r.clock.now(),
      }),
    );
    await expectRefusal(
      r,
      () =>
        markInvoicePaid(r.ctx(r.user(["ADMINISTRATOR", "PAYER", "REGISTRAR"])), {
          number: invoice.number,
        }),
      "NOT_AUTHORIZED",
    );
  });
});

describe("setRenewalPolicy", () => {
  it("R-REN-3 switches a domain between auto-renew and auto-expire", async () => {
    const name = await newDomain();
    expect(
      (await setRenewalPolicy(proxy(), { name, renewalPolicy: "AUTO_EXPIRE" })).renewalPolicy,
    ).toBe("AUTO_EXPIRE");
    expect(
      (await setRenewalPolicy(proxy(), { name, renewalPolicy: "AUTO_RENEW" })).renewalPolicy,
    ).toBe("AUTO_RENEW");
  });

  it("R-REN-3 refuses on a suspended domain and after expiry (RENEWAL_POLICY_NOT_CHANGEABLE)", async () => {
    await expectRefusal(
      r,
      () => setRenewalPolicy(proxy(), { name: "udloebet-1.dk", renewalPolicy: "AUTO_RENEW" }),
      "RENEWAL_POLICY_NOT_CHANGEABLE",
    );
    const name = await newDomain("2026-03-10");
    await expectRefusal(
      r,
      () => setRenewalPolicy(proxy(), { name, renewalPolicy: "AUTO_EXPIRE" }),
      "RENEWAL_POLICY_NOT_CHANGEABLE",
    );
  });
});
