import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { fixedClock } from "@/lib/registry/clock";
import type { CoreContext } from "@/lib/registry/context";
import { listDomains } from "@/lib/registry/domains";
import { ALL, openRegistry, SEED_NOW, type Registry } from "../registry/support";
import { countingFactory } from "../support/counting";
import { dashboardQueries } from "../../bench/dashboard";

// Issue 22: no N+1 — the number of SQL statements a page's core queries run does not grow with
// the rows they show. Counted at the driver adapter, so every statement Prisma sends is seen.

let counted: string[] = [];

let r: Registry;
let prisma: PrismaClient;
let ctx: CoreContext;
beforeAll(async () => {
  r = await openRegistry();
  const recording = countingFactory(r.db.factory);
  counted = recording.statements;
  prisma = createPrismaClient(recording.factory);
  ctx = { db: prisma, clock: fixedClock(new Date(SEED_NOW)), actor: r.user(ALL) };
});
afterAll(async () => {
  await prisma?.$disconnect();
  await r?.close();
});

async function count(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: the stored policy and similar one-off reads
  const before = counted.length;
  await fn();
  return counted.length - before;
}

const dashboard = () => dashboardQueries(ctx);

async function addDomains(n: number, prefix: string) {
  await r.prisma.$executeRaw`
    INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
      "registrarId", "registrantId", "crDate", "exDate", "createdAt", "updatedAt")
    SELECT ${prefix} || g || '.dk', ${prefix} || g || '.dk', ${prefix} || g || '.dk', 'ACTIVE', 'REGISTRAR',
      'AUTO_RENEW', ${r.demoId}::uuid, h.id, now(), DATE '2026-03-20' + g % 20, now(), now()
    FROM generate_series(1, ${n}) g, (SELECT id FROM "Handle" WHERE handle = 'JCA1-DK') h`;
}

describe("issue 22 queries per page do not grow with the rows (no N+1)", () => {
  it("the domain list: a page of 10 and a page of 100 run the same statements", async () => {
    await addDomains(150, "nplus-");
    const small = await count(() => listDomains(ctx, { limit: 10 }));
    const large = await count(() => listDomains(ctx, { limit: 100 }));
    expect((await listDomains(ctx, { limit: 100 })).domains).toHaveLength(100);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    // a deep keyset page too
    const page = await listDomains(ctx, { limit: 100 });
    const deep = await count(() => listDomains(ctx, { limit: 100, cursor: page.nextCursor! }));
    expect(deep).toBe(small);
  });

  it("the dashboard's core queries: the same statements at 10 and at 100 more domains", async () => {
    const before = await count(dashboard);
    await addDomains(100, "nplus-more-");
    const after = await count(dashboard);
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
  });
});
