import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runLifecycle } from "@/lib/registry/lifecycle";
import { usesPostgres } from "@/tests/support/db";
import { snapshotTables } from "@/tests/support/snapshot";
import { balanceOf, ledgerSum, openRegistry, setBalance, type Registry } from "../support";

// Issue 22: the lifecycle's batches are set-based (one statement per state change over a batch).
// These pin what such a rewrite could lose: mixed auto-renew / auto-expire batches over two
// registrars, a balance that runs out mid-batch, one message and one audit event per domain,
// idempotency, and two workers at once.

const N = 240; // satz-1 … satz-240: every 5th auto-expire, odd ones Demo's, even ones Other's
const EX_DATE = "2026-04-01";
const AT = new Date("2026-04-01T06:00:00Z"); // after 00:00 Copenhagen on EX_DATE
const PRICE = 4500;

let r: Registry;
beforeEach(async () => {
  r = await openRegistry();
  await r.prisma.$executeRaw`
    INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
      "registrarId", "registrantId", "crDate", "exDate", "createdAt", "updatedAt")
    SELECT 'satz-' || g || '.dk', 'satz-' || g || '.dk', 'satz-' || g || '.dk', 'ACTIVE', 'REGISTRAR',
      (CASE WHEN g % 5 = 0 THEN 'AUTO_EXPIRE' ELSE 'AUTO_RENEW' END)::"RenewalPolicy",
      CASE WHEN g % 2 = 1 THEN ${r.demoId}::uuid ELSE ${r.otherId}::uuid END, h.id, now(),
      ${EX_DATE}::date, now(), now()
    FROM generate_series(1, ${N}) g, (SELECT id FROM "Handle" WHERE handle = 'JCA1-DK') h`;
});
afterEach(() => r?.close());

const isExpire = (g: number) => g % 5 === 0;
const accountOf = (g: number) => (g % 2 === 1 ? r.demoId : r.otherId);
const all = Array.from({ length: N }, (_, i) => i + 1);

async function expectEachDomainProcessedOnce() {
  const domains = await r.prisma.domain.findMany({
    where: { aLabel: { startsWith: "satz-" } },
    select: { aLabel: true, state: true, exDate: true, deleteAt: true },
  });
  const byName = new Map(domains.map((d) => [d.aLabel, d]));
  const notes = await r.prisma.notification.findMany({
    where: { domainName: { startsWith: "satz-" } },
    select: { accountId: true, type: true, domainName: true, message: true, data: true },
  });
  const audits = await r.prisma.auditEvent.findMany({
    where: { objectLabel: { startsWith: "satz-" } },
    select: {
      accountId: true,
      operation: true,
      objectLabel: true,
      actorKind: true,
      outcome: true,
      before: true,
      after: true,
    },
  });
  const ledger = await r.prisma.ledgerEntry.findMany({
    where: { domainName: { startsWith: "satz-" } },
    select: { accountId: true, domainName: true, amount: true, operation: true },
  });
  expect(notes).toHaveLength(N);
  expect(audits).toHaveLength(N);
  expect(ledger).toHaveLength(all.filter((g) => !isExpire(g)).length);
  const noteOf = new Map(notes.map((n) => [n.domainName, n]));
  const auditOf = new Map(audits.map((a) => [a.objectLabel, a]));
  const ledgerOf = new Map(ledger.map((l) => [l.domainName, l]));
  for (const g of all) {
    const name = `satz-${g}.dk`;
    const d = byName.get(name)!;
    const note = noteOf.get(name)!;
    const audit = auditOf.get(name)!;
    expect(note.accountId).toBe(accountOf(g));
    expect(audit).toMatchObject({
      accountId: accountOf(g),
      actorKind: "SYSTEM",
      outcome: "SUCCESS",
    });
    if (isExpire(g)) {
      // R-REN-4 auto-expire: suspended with 30 days of redemption, never billed
      expect(d.state).toBe("SUSPENDED");
      expect(note).toMatchObject({
        type: "DOMAIN_EXPIRED_SUSPENDED",
        message: `Domain ${name} expired and is suspended; it can be restored until the end of 2026-04-30`,
        data: { deleteOn: "2026-05-01", restorableUntil: "2026-04-30" },
      });
      expect(audit).toMatchObject({
        operation: "lifecycle.suspend",
        before: { state: "ACTIVE" },
        after: { state: "SUSPENDED", deleteOn: "2026-05-01" },
      });
      expect(ledgerOf.has(name)).toBe(false);
    } else {
      // R-REN-4 auto-renew: one year more, billed once to its own registrar
      expect(d.state).toBe("ACTIVE");
      expect(d.exDate!.toISOString().slice(0, 10)).toBe("2027-04-01");
      expect(note).toMatchObject({
        type: "DOMAIN_AUTO_RENEWED",
        message: `Domain ${name} was renewed automatically until 2027-04-01; 45.00 DKK was charged`,
        data: { exDate: "2027-04-01", invoiced: false },
      });
      expect(audit).toMatchObject({
        operation: "lifecycle.autoRenew",
        before: { exDate: EX_DATE },
        after: { exDate: "2027-04-01", invoiced: false },
      });
      expect(ledgerOf.get(name)).toMatchObject({
        accountId: accountOf(g),
        amount: -PRICE,
        operation: "AUTO_RENEWAL",
      });
    }
  }
  // R-PAY-1: balance = sum of the ledger, for each account
  for (const id of [r.demoId, r.otherId])
    expect(await ledgerSum(r, id)).toBe(await balanceOf(r, id));
}

describe("issue 22 set-based lifecycle batches", () => {
  it("R-REN-4 a batch mixing auto-renew and auto-expire over two registrars: each domain once, its message and audit event", async () => {
    const summary = await runLifecycle(r.prisma, AT, { batchSize: 37 });
    expect(summary.expired).toBeGreaterThanOrEqual(N);
    await expectEachDomainProcessedOnce();
  });

  it("R-PAY-1 a balance running out mid-batch: billed anyway, running balanceAfter, one LOW_BALANCE message", async () => {
    await setBalance(r, r.demoId, 3 * PRICE + 100);
    await r.prisma.registrarAccount.update({
      where: { id: r.demoId },
      data: { lowBalanceThreshold: 2 * PRICE, lowBalanceNotifiedAt: null },
    });
    const lowBefore = await r.prisma.notification.count({
      where: { accountId: r.demoId, type: "LOW_BALANCE" },
    });
    await runLifecycle(r.prisma, AT, { batchSize: 1000 });
    await expectEachDomainProcessedOnce();
    const entries = await r.prisma.ledgerEntry.findMany({
      where: { accountId: r.demoId, createdAt: AT },
      orderBy: { id: "asc" },
      select: { amount: true, balanceAfter: true },
    });
    // each entry's balanceAfter is the previous one plus its amount, through zero and below
    expect(entries[0]!.balanceAfter).toBe(3 * PRICE + 100 + entries[0]!.amount);
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.balanceAfter).toBe(entries[i - 1]!.balanceAfter + entries[i]!.amount);
    expect(entries.at(-1)!.balanceAfter).toBe(await balanceOf(r, r.demoId));
    expect(await balanceOf(r, r.demoId)).toBeLessThan(0);
    expect(entries.some((e) => e.balanceAfter > 0 && e.amount === -PRICE)).toBe(true);
    expect(
      await r.prisma.notification.count({ where: { accountId: r.demoId, type: "LOW_BALANCE" } }),
    ).toBe(lowBefore + 1);
  });

  it("a second run at the same instant changes nothing", async () => {
    await runLifecycle(r.prisma, AT, { batchSize: 50 });
    const before = await snapshotTables(r.prisma);
    const summary = await runLifecycle(r.prisma, AT, { batchSize: 50 });
    expect(summary.expired).toBe(0);
    expect(await snapshotTables(r.prisma)).toEqual(before);
  });

  it.skipIf(!usesPostgres)(
    "R-REN-4 three workers at one instant over mixed batches: each domain processed exactly once",
    async () => {
      const runs = await Promise.all(
        [0, 1, 2].map(() => runLifecycle(r.db.newClient(), AT, { batchSize: 20 })),
      );
      expect(runs.reduce((n, s) => n + s.expired, 0)).toBeGreaterThanOrEqual(N);
      await expectEachDomainProcessedOnce();
    },
    120_000,
  );
});
