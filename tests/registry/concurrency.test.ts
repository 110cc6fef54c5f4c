import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLifecycle } from "@/lib/registry/lifecycle";
import { registerDomain } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { usesPostgres } from "@/tests/support/db";
import {
  balanceOf,
  ledgerSum,
  openRegistry,
  OUT_OF_ZONE,
  setBalance,
  type Registry,
} from "./support";

// DESIGN.md §3 and §6: billing under concurrency, and several lifecycle workers at one instant.
// PGlite runs every transaction through one connection, so these need PostgreSQL (CI runs them).

if (!usesPostgres)
  console.warn(
    "tests/registry/concurrency.test.ts skipped: needs PostgreSQL (set TEST_DATABASE_URL)",
  );

let r: Registry;
beforeAll(async () => {
  if (usesPostgres) r = await openRegistry();
});
afterAll(() => r?.close());

describe.skipIf(!usesPostgres)("concurrency (needs PostgreSQL: set TEST_DATABASE_URL)", () => {
  it("R-PAY-1 50 concurrent registrations exceeding the balance never take it below zero", async () => {
    await setBalance(r, r.demoId, 20 * 4500);
    const registrar = r.user(["REGISTRAR"]);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        registerDomain(
          { db: r.db.newClient(), clock: r.clock, actor: registrar },
          {
            name: `samtidig-${i}.dk`,
            registrant: "JCA1-DK",
            nameServers: OUT_OF_ZONE,
            termsAcceptedAt: r.clock.now(),
          },
        ),
      ),
    );
    const ok = results.filter((x) => x.status === "fulfilled");
    const refused = results.filter((x) => x.status === "rejected");
    expect(ok).toHaveLength(20);
    for (const x of refused) {
      expect(isRegistryError((x as PromiseRejectedResult).reason, "INSUFFICIENT_FUNDS")).toBe(true);
    }
    expect(await balanceOf(r, r.demoId)).toBe(0);
    expect(await ledgerSum(r, r.demoId)).toBe(0);
  });

  it("R-REN-4 two workers at the same instant over 5,000 expiring domains bill each exactly once", async () => {
    const exDate = "2026-04-01";
    await r.prisma.$executeRaw`
      INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
        "registrarId", "registrantId", "crDate", "exDate", "createdAt", "updatedAt")
      SELECT 'masse-' || g || '.dk', 'masse-' || g || '.dk', 'masse-' || g || '.dk', 'ACTIVE', 'REGISTRAR', 'AUTO_RENEW',
        ${r.demoId}::uuid, h.id, now(), ${exDate}::date, now(), now()
      FROM generate_series(1, 5000) g, (SELECT id FROM "Handle" WHERE handle = 'JCA1-DK') h`;
    const at = new Date("2026-04-01T06:00:00Z");
    const [a, b] = await Promise.all([
      runLifecycle(r.db.newClient(), at, { batchSize: 250 }),
      runLifecycle(r.db.newClient(), at, { batchSize: 250 }),
    ]);
    expect(a.expired + b.expired).toBeGreaterThanOrEqual(5000);
    expect(a.expired).toBeGreaterThan(0); // both did work: the claim really is shared
    expect(b.expired).toBeGreaterThan(0);
    const perDomain = await r.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "LedgerEntry" WHERE operation = 'AUTO_RENEWAL' AND "domainName" LIKE 'masse-%'
      GROUP BY "domainName" HAVING count(*) <> 1`;
    expect(perDomain).toEqual([]);
    expect(
      await r.prisma.ledgerEntry.count({
        where: { operation: "AUTO_RENEWAL", domainName: { startsWith: "masse-" } },
      }),
    ).toBe(5000);
    expect(
      await r.prisma.domain.count({
        where: { aLabel: { startsWith: "masse-" }, exDate: new Date("2027-04-01") },
      }),
    ).toBe(5000);
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
  }, 120_000);
});
