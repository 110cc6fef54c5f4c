import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueInvoice, markInvoicePaid, registrarPaysWhere } from "@/lib/registry/billing";
import { runLifecycle } from "@/lib/registry/lifecycle";
import { defaultPolicy } from "@/lib/registry/policy";
import { setPolicy } from "@/lib/registry/policy-admin";
import { getPolicy } from "@/lib/registry/policy-store";
import { renewDomain, restoreDomain } from "@/lib/registry/domains";
import { registryDateFromDb, registryDateToDb, renewalPayer } from "@/lib/registry/rules";
import { fixedClock } from "@/lib/registry/clock";
import { usesPostgres } from "@/tests/support/db";
import { snapshotTables } from "@/tests/support/snapshot";
import { balanceOf, expectRefusal, ledgerSum, openRegistry, type Registry } from "../support";

// R-REN-2: registrant-paid domains are invoiced at auto-renew; an invoice unpaid at 00:00
// Copenhagen on its due date suspends the domain (NON_PAYMENT); payment during redemption makes
// it active again; otherwise it is deleted at the end of redemption and its invoice cancelled.
//
// Dates used throughout (Copenhagen is UTC+2 from 29 March 2026):
//   exDate 2026-04-01 → auto-renewed at 2026-03-31T22:00Z to 2027-04-01, invoiced;
//   due 30 days later at 00:00 local on 2026-05-01 = 2026-04-30T22:00Z;
//   suspended then, deleted at 00:00 local on 2026-05-31 = 2026-05-30T22:00Z.

const EX_DATE = "2026-04-01";
const RENEWED_AT = new Date("2026-03-31T22:00:00Z");
const DUE_AT = new Date("2026-04-30T22:00:00Z");
const DELETE_AT = new Date("2026-05-30T22:00:00Z");

let r: Registry;
beforeEach(async () => {
  r = await openRegistry();
});
afterEach(() => r?.close());

const domain = (name: string) => r.prisma.domain.findFirstOrThrow({ where: { aLabel: name } });
const handleId = async (handle: string) =>
  (await r.prisma.handle.findUniqueOrThrow({ where: { handle } })).id;
const payer = () => r.ctx(r.user(["PAYER"]));

/**
 * A seeded registrant-managed domain of Demo made registrant-paid with no payer contact,
 * expiring on EX_DATE with auto-renew.
 */
async function registrantPaidWithoutPayer(name = "bk-fremad.dk") {
  await r.prisma.domain.update({
    where: { liveName: name },
    data: { payerId: null, exDate: registryDateToDb(EX_DATE), renewalPolicy: "AUTO_RENEW" },
  });
  const d = await domain(name);
  expect(d).toMatchObject({ managementModel: "REGISTRANT", registrarId: r.demoId, payerId: null });
  return d;
}

const invoiceOf = (domainId: string) =>
  r.prisma.invoice.findFirstOrThrow({ where: { domainId }, orderBy: { number: "desc" } });

describe("R-REN-2 registrant-paid domains", () => {
  it("R-REN-2: a registrant-managed domain with no payer is invoiced to its registrant at auto-renew, never debited", async () => {
    const d = await registrantPaidWithoutPayer();
    const balance = await balanceOf(r, r.demoId);
    await runLifecycle(r.prisma, RENEWED_AT);
    expect(registryDateFromDb((await domain("bk-fremad.dk")).exDate!)).toBe("2027-04-01");
    const invoice = await invoiceOf(d.id);
    expect(invoice).toMatchObject({
      accountId: r.demoId,
      payerId: await handleId("BF5-DK"), // the registrant
      amount: 4_500,
      periodYears: 1,
      state: "OPEN",
      issuedAt: RENEWED_AT,
      dueAt: DUE_AT,
    });
    expect(
      await r.prisma.ledgerEntry.count({ where: { domainId: d.id, operation: "AUTO_RENEWAL" } }),
    ).toBe(0);
    // Demo's registrar-paid domains expiring that day are debited; this one is not
    const debited = await r.prisma.ledgerEntry.count({
      where: { accountId: r.demoId, operation: "AUTO_RENEWAL", createdAt: RENEWED_AT },
    });
    expect(await balanceOf(r, r.demoId)).toBe(balance - 4_500 * debited);
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
    const audit = await r.prisma.auditEvent.findFirstOrThrow({
      where: { operation: "lifecycle.autoRenew", objectId: d.id },
    });
    expect(audit.after).toEqual({ exDate: "2027-04-01", invoiced: true });
  });

  it("R-REN-2: the registrar's manual renew of a registrant-managed domain with no payer is refused (DOMAIN_NOT_RENEWABLE)", async () => {
    await registrantPaidWithoutPayer();
    await expectRefusal(
      r,
      () => renewDomain(payer(), { name: "bk-fremad.dk", curExpDate: EX_DATE }),
      "DOMAIN_NOT_RENEWABLE",
    );
    await expect(
      renewDomain(payer(), { name: "bk-fremad.dk", curExpDate: EX_DATE }),
    ).rejects.toMatchObject({
      message:
        "Domain bk-fremad.dk is paid by its registrant, not the registrar: its renewals are invoiced to its payer",
      details: { reason: "PAID_BY_REGISTRANT" },
    });
  });

  it("R-REN-2: the query form of who pays (registrarPaysWhere) agrees with renewalPayer on every domain", async () => {
    await registrantPaidWithoutPayer(); // registrant-managed, no payer
    const demo = await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } });
    // registrant-managed, no payer, registered to the registrar's own handle: the registrar pays
    await r.prisma.domain.update({
      where: { liveName: "sorensen-familie.dk" },
      data: { payerId: null, registrantId: demo.handleId },
    });
    const rows = await r.prisma.domain.findMany({
      where: { registrarId: r.demoId },
      select: { id: true, managementModel: true, registrantId: true, payerId: true },
    });
    const byRule = rows
      .filter(
        (d) =>
          renewalPayer({
            managementModel: d.managementModel === "REGISTRAR" ? "registrar" : "registrant",
            registrantId: d.registrantId,
            payerId: d.payerId,
            registrarHandleId: demo.handleId,
          }).paidBy === "registrar",
      )
      .map((d) => d.id)
      .sort();
    const byQuery = await r.prisma.domain.findMany({
      where: { registrarId: r.demoId, ...registrarPaysWhere(demo.handleId) },
      select: { id: true },
    });
    expect(byQuery.map((d) => d.id).sort()).toEqual(byRule);
    // both kinds are present, so the comparison can tell them apart
    expect(byRule.length).toBeGreaterThan(0);
    expect(byRule.length).toBeLessThan(rows.length);
    expect(byRule).toContain((await domain("sorensen-familie.dk")).id);
    expect(byRule).not.toContain((await domain("bk-fremad.dk")).id);
  });
});

describe("R-REN-2 due date and NON_PAYMENT suspension", () => {
  it("R-REN-2: an invoice unpaid at 00:00 local on its due date suspends the domain (NON_PAYMENT) with a message; a second run changes nothing", async () => {
    const d = await registrantPaidWithoutPayer();
    await runLifecycle(r.prisma, RENEWED_AT);
    const invoice = await invoiceOf(d.id);

    // one millisecond before the due instant: still active
    await runLifecycle(r.prisma, new Date(DUE_AT.getTime() - 1));
    expect((await domain("bk-fremad.dk")).state).toBe("ACTIVE");

    const summary = await runLifecycle(r.prisma, DUE_AT);
    expect(summary.unpaidSuspended).toBe(1);
    expect(await domain("bk-fremad.dk")).toMatchObject({
      state: "SUSPENDED",
      suspensionReason: "NON_PAYMENT",
      suspendedAt: DUE_AT,
      deleteAt: DELETE_AT,
      exDate: registryDateToDb("2027-04-01"),
    });
    const messages = await r.prisma.notification.findMany({
      where: { domainName: "bk-fremad.dk", type: "DOMAIN_SUSPENDED_NON_PAYMENT" },
    });
    expect(messages.map((m) => [m.accountId, m.message, m.createdAt])).toEqual([
      [
        r.demoId,
        `Domain bk-fremad.dk is suspended: invoice ${invoice.number} of 45.00 DKK was not paid by 2026-05-01; unless it is paid, the domain is deleted on 2026-05-31`,
        DUE_AT,
      ],
    ]);
    const audit = await r.prisma.auditEvent.findFirstOrThrow({
      where: { operation: "lifecycle.suspendNonPayment", objectId: d.id },
    });
    expect(audit).toMatchObject({
      actorKind: "SYSTEM",
      accountId: r.demoId,
      outcome: "SUCCESS",
      at: DUE_AT,
      before: { state: "ACTIVE" },
      after: {
        state: "SUSPENDED",
        suspensionReason: "NON_PAYMENT",
        invoice: invoice.number,
        deleteOn: "2026-05-31",
      },
    });

    const before = await snapshotTables(r.prisma);
    expect((await runLifecycle(r.prisma, DUE_AT)).unpaidSuspended).toBe(0);
    expect(await snapshotTables(r.prisma)).toEqual(before);
  });

  it("R-REN-2: an invoice paid before its due date prevents the suspension (an unpaid one beside it is suspended)", async () => {
    const paid = await registrantPaidWithoutPayer("bk-fremad.dk");
    const unpaid = await registrantPaidWithoutPayer("sorensen-familie.dk");
    await runLifecycle(r.prisma, RENEWED_AT);
    r.clock.set("2026-04-30T21:59:59Z"); // 23:59:59 local, the last second before it is due
    const result = await markInvoicePaid(r.ctx(r.operator), {
      number: (await invoiceOf(paid.id)).number,
    });
    expect(result).toMatchObject({ state: "PAID", reactivated: false });
    await runLifecycle(r.prisma, DUE_AT);
    expect(await domain("bk-fremad.dk")).toMatchObject({
      state: "ACTIVE",
      suspensionReason: null,
      exDate: registryDateToDb("2027-04-01"),
    });
    expect(await domain("sorensen-familie.dk")).toMatchObject({
      state: "SUSPENDED",
      suspensionReason: "NON_PAYMENT",
      deleteAt: DELETE_AT,
    });
    expect((await invoiceOf(unpaid.id)).payerId).toBe(await handleId("SS4-DK"));
  });

  it("R-REN-2: the due date follows policy.billing.invoiceDueDays, and a policy stored without the key loads with 30", async () => {
    await setPolicy(r.ctx(r.operator), {
      ...defaultPolicy,
      billing: { ...defaultPolicy.billing, invoiceDueDays: 14 },
    });
    const d = await registrantPaidWithoutPayer();
    await runLifecycle(r.prisma, RENEWED_AT);
    // 2026-04-01 + 14 days = 2026-04-15, 00:00 local
    expect((await invoiceOf(d.id)).dueAt).toEqual(new Date("2026-04-14T22:00:00Z"));
    const issued = await r.prisma.$transaction((tx) =>
      issueInvoice(tx, {
        domainId: d.id,
        accountId: r.demoId,
        payerId: d.registrantId,
        amount: 4_500,
        periodYears: 1,
        now: new Date("2026-10-20T22:30:00Z"), // 00:30 local on 21 October (CEST)
      }),
    );
    // 21 October + 14 days = 4 November, 00:00 CET
    expect(issued.dueAt).toEqual(new Date("2026-11-03T23:00:00Z"));

    const stored = JSON.parse(JSON.stringify(defaultPolicy));
    delete stored.billing.invoiceDueDays;
    // every stored version (issue 21: the policy is versioned)
    await r.prisma.policy.updateMany({ data: { settings: stored } });
    expect((await getPolicy(r.prisma)).billing.invoiceDueDays).toBe(30);
  });
});

describe("R-REN-2 payment during redemption, and deletion", () => {
  it("R-REN-2: marking the invoice paid during redemption makes the domain active again and tells the registrar", async () => {
    const d = await registrantPaidWithoutPayer();
    await runLifecycle(r.prisma, RENEWED_AT);
    await runLifecycle(r.prisma, DUE_AT);
    const invoice = await invoiceOf(d.id);
    const paidAt = new Date("2026-05-30T21:59:59Z"); // the last second of redemption
    r.clock.set(paidAt);
    expect(await markInvoicePaid(r.ctx(r.operator), { number: invoice.number })).toEqual({
      number: invoice.number,
      state: "PAID",
      paidAt,
      reactivated: true,
    });
    expect(await domain("bk-fremad.dk")).toMatchObject({
      state: "ACTIVE",
      suspensionReason: null,
      suspendedAt: null,
      deleteAt: null,
      exDate: registryDateToDb("2027-04-01"), // the renewal the invoice paid for stands
    });
    expect(await invoiceOf(d.id)).toMatchObject({ state: "PAID", paidAt });
    const message = await r.prisma.notification.findFirstOrThrow({
      where: { domainName: "bk-fremad.dk", type: "INVOICE_PAID" },
    });
    expect(message.message).toBe(
      `Invoice ${invoice.number} of 45.00 DKK for bk-fremad.dk was paid; the domain is active again`,
    );
    const audit = await r.prisma.auditEvent.findFirstOrThrow({
      where: { operation: "invoice.markPaid", objectId: invoice.id },
    });
    expect(audit).toMatchObject({
      outcome: "SUCCESS",
      before: { state: "OPEN", domainState: "SUSPENDED" },
      after: { state: "PAID", domainState: "ACTIVE" },
    });
    // the end of the former redemption passes without deleting it
    await runLifecycle(r.prisma, DELETE_AT);
    expect((await domain("bk-fremad.dk")).state).toBe("ACTIVE");
  });

  it("R-REN-2: while its invoice is open the registrar cannot restore a domain suspended for non-payment (DOMAIN_NOT_RESTORABLE)", async () => {
    const d = await registrantPaidWithoutPayer();
    const demo = await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } });
    // administrable by Demo (issue 10 item 2): its proxy contact is Demo's own handle
    await r.prisma.domain.update({ where: { id: d.id }, data: { proxyId: demo.handleId } });
    await runLifecycle(r.prisma, RENEWED_AT);
    await runLifecycle(r.prisma, DUE_AT);
    const invoice = await invoiceOf(d.id);
    r.clock.set("2026-05-10T10:00:00Z");
    const proxy = r.ctx(r.user(["PROXY"]));
    await expectRefusal(
      r,
      () => restoreDomain(proxy, { name: "bk-fremad.dk" }),
      "DOMAIN_NOT_RESTORABLE",
    );
    await expect(restoreDomain(proxy, { name: "bk-fremad.dk" })).rejects.toMatchObject({
      message: `Domain bk-fremad.dk cannot be restored while its renewal invoice ${invoice.number} is open`,
      details: { reason: "OPEN_INVOICE", invoice: invoice.number },
    });
  });

  it("R-REN-2: unpaid through redemption, the domain is deleted at its end and its invoice cancelled; it can no longer be paid", async () => {
    const d = await registrantPaidWithoutPayer();
    await runLifecycle(r.prisma, RENEWED_AT);
    await runLifecycle(r.prisma, DUE_AT);
    const invoice = await invoiceOf(d.id);

    // from the deleteAt instant on the invoice is void, even before the worker has run
    r.clock.set(DELETE_AT);
    await expectRefusal(
      r,
      () => markInvoicePaid(r.ctx(r.operator), { number: invoice.number }),
      "INVOICE_NOT_OPEN",
    );

    await runLifecycle(r.prisma, new Date(DELETE_AT.getTime() - 1));
    expect((await domain("bk-fremad.dk")).state).toBe("SUSPENDED");
    await runLifecycle(r.prisma, DELETE_AT);
    expect(await domain("bk-fremad.dk")).toMatchObject({
      state: "DELETED",
      liveName: null,
      deletedAt: DELETE_AT,
    });
    expect(await invoiceOf(d.id)).toMatchObject({ state: "CANCELLED", paidAt: null });
    expect(
      await r.prisma.auditEvent.findFirstOrThrow({
        where: { operation: "lifecycle.cancelInvoice", objectId: invoice.id },
      }),
    ).toMatchObject({ at: DELETE_AT, before: { state: "OPEN" }, after: { state: "CANCELLED" } });
    expect(
      await r.prisma.notification.count({
        where: { domainName: "bk-fremad.dk", type: "DOMAIN_DELETED" },
      }),
    ).toBe(1);
    await expectRefusal(
      r,
      () => markInvoicePaid(r.ctx(r.operator), { number: invoice.number }),
      "INVOICE_NOT_OPEN",
    );
  });

  it("R-REN-2: paid while suspended for another reason (cancelled), the invoice is paid and the domain stays suspended", async () => {
    const d = await registrantPaidWithoutPayer();
    await runLifecycle(r.prisma, RENEWED_AT);
    const cancelledAt = new Date("2026-04-10T08:00:00Z");
    const cancelDeleteAt = new Date("2026-05-09T22:00:00Z");
    await r.prisma.domain.update({
      where: { id: d.id },
      data: {
        state: "SUSPENDED",
        suspensionReason: "CANCELLED",
        suspendedAt: cancelledAt,
        deleteAt: cancelDeleteAt,
      },
    });
    // the due date passes: the cancelled domain keeps its reason and its deletion date
    await runLifecycle(r.prisma, DUE_AT);
    expect(await domain("bk-fremad.dk")).toMatchObject({
      state: "SUSPENDED",
      suspensionReason: "CANCELLED",
      suspendedAt: cancelledAt,
      deleteAt: cancelDeleteAt,
    });
    r.clock.set("2026-05-02T10:00:00Z");
    const invoice = await invoiceOf(d.id);
    expect(await markInvoicePaid(r.ctx(r.operator), { number: invoice.number })).toMatchObject({
      state: "PAID",
      reactivated: false,
    });
    expect(await domain("bk-fremad.dk")).toMatchObject({
      state: "SUSPENDED",
      suspensionReason: "CANCELLED",
      deleteAt: cancelDeleteAt,
    });
  });
});

// Several workers and the operator at one instant: PGlite runs one transaction at a time, so
// this needs PostgreSQL (CI runs it; TEST_DATABASE_URL locally).
describe.skipIf(!usesPostgres)("R-REN-2 concurrency (needs PostgreSQL)", () => {
  it("R-REN-2: two workers and the operator at once: each overdue domain is suspended at most once, and every paid one ends active", async () => {
    const registrant = await handleId("BF5-DK");
    await r.prisma.$executeRaw`
      INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
        "registrarId", "registrantId", "crDate", "exDate", "createdAt", "updatedAt")
      SELECT 'ubetalt-' || g || '.dk', 'ubetalt-' || g || '.dk', 'ubetalt-' || g || '.dk', 'ACTIVE',
        'REGISTRANT', 'AUTO_RENEW', ${r.demoId}::uuid, ${registrant}::uuid, now(), DATE '2027-04-01', now(), now()
      FROM generate_series(1, 400) g`;
    await r.prisma.$executeRaw`
      INSERT INTO "Invoice" ("domainId", "accountId", "payerId", amount, "periodYears", "issuedAt", "dueAt")
      SELECT id, "registrarId", "registrantId", 4500, 1, ${RENEWED_AT}, ${DUE_AT}
      FROM "Domain" WHERE "aLabel" LIKE 'ubetalt-%' ORDER BY "aLabel"`;
    const toPay = await r.prisma.invoice.findMany({
      where: { domain: { aLabel: { startsWith: "ubetalt-" } } },
      orderBy: { number: "asc" },
      take: 100,
    });
    const at = new Date(DUE_AT.getTime() + 60_000);
    const operator = { db: r.db.newClient(), clock: fixedClock(at), actor: r.operator };
    const [a, b] = await Promise.all([
      runLifecycle(r.db.newClient(), at, { batchSize: 25 }),
      runLifecycle(r.db.newClient(), at, { batchSize: 25 }),
      (async () => {
        for (const i of toPay) await markInvoicePaid(operator, { number: i.number });
      })(),
    ]);
    expect(a!.unpaidSuspended).toBeGreaterThan(0);
    expect(b!.unpaidSuspended).toBeGreaterThan(0);
    const twice = await r.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "AuditEvent" WHERE operation = 'lifecycle.suspendNonPayment'
      GROUP BY "objectId" HAVING count(*) > 1`;
    expect(twice).toEqual([]);
    const states = await r.prisma.$queryRaw<{ invoice: string; domain: string; n: bigint }[]>`
      SELECT i.state AS invoice, d.state || ':' || coalesce(d."suspensionReason"::text, '-') AS domain,
             count(*) AS n
      FROM "Invoice" i JOIN "Domain" d ON d.id = i."domainId" WHERE d."aLabel" LIKE 'ubetalt-%'
      GROUP BY 1, 2 ORDER BY 1, 2`;
    expect(states.map((s) => [s.invoice, s.domain, Number(s.n)])).toEqual([
      ["OPEN", "SUSPENDED:NON_PAYMENT", 300],
      ["PAID", "ACTIVE:-", 100],
    ]);
  }, 120_000);
});
