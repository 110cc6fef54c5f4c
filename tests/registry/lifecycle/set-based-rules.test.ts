import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runLifecycle } from "@/lib/registry/lifecycle";
import {
  addDays,
  addYears,
  expiryInstant,
  formatDkk,
  localDateOf,
  registryDateFromDb,
} from "@/lib/registry/rules";
import { balanceOf, ledgerSum, openRegistry, setBalance, type Registry } from "../support";

// Issue 22: the expiry batch does its dates, payer, texts and running balances in SQL. These pin
// the SQL to the JS rules the per-domain code used (lib/registry/rules): every domain's outcome is
// computed here with addYears / addDays / expiryInstant / renewalPayer's cases / formatDkk and
// compared field by field — leap day and month ends, a domain overdue by years, suspension and
// deletion across the spring DST change, registrant-paid (invoiced) and registrant-managed paid by
// the registrar's own handle (billed), two registrars in one batch, one of them running short.

const AT = new Date("2026-03-11T06:00:00Z"); // 07:00 Copenhagen on 2026-03-11
const TODAY = localDateOf(AT);
const PRICE = 4500;
// 2024-02-29 renews three times (2025-02-28, 2026-02-28, 2027-02-28); 2025-03-11 twice; deletion
// dates 30 days on from the Feb/March ones fall after the DST change of 2026-03-29
const EX_DATES = ["2024-02-29", "2026-01-31", "2026-02-28", "2026-03-11", "2025-03-11"];
// auto-expire ones still in redemption today (deleted from 2026-03-12 on): before and across DST
const EXPIRE_DATES = ["2026-02-10", "2026-02-28", "2026-03-11"];
const N = 70;

type Kind = "registrar" | "invoiced" | "own-handle";
const expires = (g: number) => g % 3 === 0;
const exOf = (g: number) =>
  expires(g) ? EXPIRE_DATES[(g / 3) % EXPIRE_DATES.length]! : EX_DATES[g % EX_DATES.length]!;
const kindOf = (g: number): Kind =>
  g % 7 === 1 ? "invoiced" : g % 7 === 2 ? "own-handle" : "registrar";
const all = Array.from({ length: N }, (_, i) => i + 1);
const aLabel = (g: number) => `mend-${g}.dk`;
const uLabel = (g: number) => `mænd-${g}.dk`;

let r: Registry;
let payerHandle: string;
beforeEach(async () => {
  r = await openRegistry();
  payerHandle = (await r.prisma.handle.findUniqueOrThrow({ where: { handle: "BF5-DK" } })).id;
  await r.prisma.$executeRaw`
    INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
      "registrarId", "registrantId", "payerId", "crDate", "exDate", "createdAt", "updatedAt")
    SELECT 'mend-' || g || '.dk', 'mænd-' || g || '.dk', 'mend-' || g || '.dk', 'ACTIVE',
      (CASE WHEN g % 7 IN (1, 2) THEN 'REGISTRANT' ELSE 'REGISTRAR' END)::"ManagementModel",
      (CASE WHEN g % 3 = 0 THEN 'AUTO_EXPIRE' ELSE 'AUTO_RENEW' END)::"RenewalPolicy",
      a.id, CASE WHEN g % 7 = 1 THEN ${payerHandle}::uuid ELSE a."handleId" END,
      CASE WHEN g % 7 = 2 THEN a."handleId" END,
      now(), CASE WHEN g % 3 = 0 THEN (${EXPIRE_DATES}::text[])[1 + (g / 3) % ${EXPIRE_DATES.length}]
        ELSE (${EX_DATES}::text[])[1 + g % ${EX_DATES.length}] END::date, now(), now()
    FROM generate_series(1, ${N}) g
    JOIN "RegistrarAccount" a ON a.id = CASE WHEN g % 2 = 1 THEN ${r.demoId}::uuid ELSE ${r.otherId}::uuid END`;
});
afterEach(() => r?.close());

/** What the per-domain code did for domain g, by the JS rules. */
function expected(g: number) {
  const ex = exOf(g);
  if (expires(g)) {
    const deleteOn = addDays(ex, 30);
    return {
      exDate: ex,
      suspendedAt: expiryInstant(ex),
      deleteAt: expiryInstant(deleteOn),
      renewals: [] as { from: string; to: string }[],
      note: {
        type: "DOMAIN_EXPIRED_SUSPENDED",
        message: `Domain ${uLabel(g)} expired and is suspended; it can be restored until the end of ${addDays(deleteOn, -1)}`,
        data: { deleteOn, restorableUntil: addDays(deleteOn, -1) },
      },
      audit: {
        operation: "lifecycle.suspend",
        before: { state: "ACTIVE" },
        after: { state: "SUSPENDED", deleteOn },
      },
    };
  }
  const renewals: { from: string; to: string }[] = [];
  // a domain overdue by years renews once per pass, until its exDate is after today
  for (let d = ex; d <= TODAY; d = addYears(d, 1)) renewals.push({ from: d, to: addYears(d, 1) });
  return { exDate: renewals.at(-1)!.to, suspendedAt: null, deleteAt: null, renewals };
}

describe("issue 22 set-based expiry: SQL dates, payer and texts agree with the JS rules", () => {
  it("R-REN-4 R-REN-2 R-PAY-1 leap day, month ends, overdue years, DST, invoiced and own-handle payers, a short balance: each domain as the rules say", async () => {
    await setBalance(r, r.demoId, 10_000_000);
    await r.prisma.registrarAccount.update({
      where: { id: r.demoId },
      data: { lowBalanceThreshold: 0, lowBalanceNotifiedAt: null },
    });
    await setBalance(r, r.otherId, 2 * PRICE + 50);
    await r.prisma.registrarAccount.update({
      where: { id: r.otherId },
      data: { lowBalanceThreshold: 5 * PRICE, lowBalanceNotifiedAt: null },
    });
    const lowBefore = await r.prisma.notification.count({ where: { type: "LOW_BALANCE" } });
    const domainsBefore = await r.prisma.domain.count({ where: { state: "ACTIVE" } });

    await runLifecycle(r.prisma, AT, { batchSize: 13 });

    const domains = await r.prisma.domain.findMany({
      where: { aLabel: { startsWith: "mend-" } },
      select: {
        id: true,
        aLabel: true,
        state: true,
        exDate: true,
        suspendedAt: true,
        deleteAt: true,
        suspensionReason: true,
      },
    });
    const notes = await r.prisma.notification.findMany({
      where: { domainName: { startsWith: "mend-" } },
      orderBy: { id: "asc" },
    });
    const audits = await r.prisma.auditEvent.findMany({
      where: { objectLabel: { startsWith: "mend-" } },
      orderBy: { id: "asc" },
    });
    const ledger = await r.prisma.ledgerEntry.findMany({
      where: { domainName: { startsWith: "mend-" } },
      orderBy: { id: "asc" },
    });
    const invoices = await r.prisma.invoice.findMany({
      where: { domain: { aLabel: { startsWith: "mend-" } } },
      orderBy: { number: "asc" },
    });
    const byName = new Map(domains.map((d) => [d.aLabel, d]));
    const dueAt = expiryInstant(addDays(TODAY, 30));

    let events = 0;
    let billed = 0;
    let invoiced = 0;
    for (const g of all) {
      const want = expected(g);
      const d = byName.get(aLabel(g))!;
      const account = g % 2 === 1 ? r.demoId : r.otherId;
      const myNotes = notes.filter((n) => n.domainName === aLabel(g));
      const myAudits = audits.filter((a) => a.objectLabel === aLabel(g));
      const myLedger = ledger.filter((l) => l.domainName === aLabel(g));
      const myInvoices = invoices.filter((i) => i.domainId === d.id);
      expect(registryDateFromDb(d.exDate!), aLabel(g)).toBe(want.exDate);
      for (const x of [...myNotes, ...myAudits]) expect(x.accountId).toBe(account);
      expect(myNotes.every((n) => n.createdAt.getTime() === AT.getTime())).toBe(true);
      expect(myAudits.every((a) => a.at.getTime() === AT.getTime())).toBe(true);
      if (expires(g)) {
        events += 1;
        expect(d).toMatchObject({
          state: "SUSPENDED",
          suspensionReason: "EXPIRED",
          suspendedAt: want.suspendedAt,
          deleteAt: want.deleteAt,
        });
        expect(myNotes.map((n) => ({ type: n.type, message: n.message, data: n.data }))).toEqual([
          want.note,
        ]);
        expect(myAudits).toHaveLength(1);
        expect(myAudits[0]).toMatchObject({
          ...want.audit,
          actorKind: "SYSTEM",
          actorLabel: "lifecycle",
          objectType: "Domain",
          objectId: d.id,
          outcome: "SUCCESS",
        });
        expect(myLedger).toHaveLength(0);
        expect(myInvoices).toHaveLength(0);
        continue;
      }
      const isInvoiced = kindOf(g) === "invoiced";
      events += want.renewals.length;
      expect(d.state).toBe("ACTIVE");
      expect(d.suspendedAt).toBeNull();
      expect(myNotes.map((n) => ({ type: n.type, message: n.message, data: n.data }))).toEqual(
        want.renewals.map((x) => ({
          type: "DOMAIN_AUTO_RENEWED",
          message: `Domain ${uLabel(g)} was renewed automatically until ${x.to}; ${formatDkk(PRICE)} ${isInvoiced ? "is invoiced to its payer" : "was charged"}`,
          data: { exDate: x.to, invoiced: isInvoiced },
        })),
      );
      expect(myAudits.map((a) => ({ op: a.operation, before: a.before, after: a.after }))).toEqual(
        want.renewals.map((x) => ({
          op: "lifecycle.autoRenew",
          before: { exDate: x.from },
          after: { exDate: x.to, invoiced: isInvoiced },
        })),
      );
      if (isInvoiced) {
        invoiced += want.renewals.length;
        expect(myLedger).toHaveLength(0);
        expect(myInvoices).toHaveLength(want.renewals.length);
        for (const i of myInvoices)
          expect(i).toMatchObject({
            accountId: account,
            payerId: payerHandle,
            amount: PRICE,
            periodYears: 1,
            state: "OPEN",
            issuedAt: AT,
            dueAt,
          });
      } else {
        // registrar-managed, or registrant-managed paid by the registrar's own handle: billed
        billed += want.renewals.length;
        expect(myInvoices).toHaveLength(0);
        expect(myLedger).toHaveLength(want.renewals.length);
        for (const l of myLedger)
          expect(l).toMatchObject({
            accountId: account,
            operation: "AUTO_RENEWAL",
            amount: -PRICE,
            domainId: d.id,
            periodMonths: 12,
            actorKind: "SYSTEM",
            actorLabel: "lifecycle",
            description: `Automatic renewal of ${uLabel(g)}, 1 year`,
            createdAt: AT,
          });
      }
    }
    // one message and one audit event per change, one ledger entry per billed renewal
    expect(notes).toHaveLength(events);
    expect(audits).toHaveLength(events);
    expect(ledger).toHaveLength(billed);
    expect(invoices).toHaveLength(invoiced);
    expect(billed).toBeGreaterThan(0);
    expect(invoiced).toBeGreaterThan(0);

    // R-PAY-1 per account: balance = ledger sum, and every entry's balanceAfter runs on from the
    // previous one, through zero for the short account
    for (const id of [r.demoId, r.otherId]) {
      expect(await ledgerSum(r, id)).toBe(await balanceOf(r, id));
      const entries = await r.prisma.ledgerEntry.findMany({
        where: { accountId: id },
        orderBy: { id: "asc" },
        select: { amount: true, balanceAfter: true },
      });
      for (let i = 1; i < entries.length; i++)
        expect(entries[i]!.balanceAfter).toBe(entries[i - 1]!.balanceAfter + entries[i]!.amount);
      expect(entries.at(-1)!.balanceAfter).toBe(await balanceOf(r, id));
    }
    expect(await balanceOf(r, r.otherId)).toBeLessThan(0);
    // R-MSG-1: the short account gets one LOW_BALANCE for its crossing, the rich one none
    const low = await r.prisma.notification.findMany({
      where: { type: "LOW_BALANCE", createdAt: AT },
      select: { accountId: true },
    });
    expect(low).toEqual([{ accountId: r.otherId }]);
    expect(await r.prisma.notification.count({ where: { type: "LOW_BALANCE" } })).toBe(
      lowBefore + 1,
    );
    expect(domainsBefore).toBeGreaterThan(N);
  });

  it("R-REN-4 nothing due: no statement writes, the batch returns 0", async () => {
    const before = await r.prisma.auditEvent.count();
    const summary = await runLifecycle(r.prisma, new Date("2023-01-01T00:00:00Z"));
    expect(summary.expired).toBe(0);
    expect(await r.prisma.auditEvent.count()).toBe(before);
  });
});
