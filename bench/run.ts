// npm run bench: how the core behaves on a large portfolio, on the embedded database (PGlite) or
// on PostgreSQL when BENCH_DATABASE_URL is set. Prints medians; targets live here, not in tests.
import { performance } from "node:perf_hooks";
import { pgliteAdapterFactory, postgresAdapterFactory } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrator";
import { openPglite } from "@/lib/db/pglite";
import type { Actor } from "@/lib/registry/actor";
import { checkAvailability, getDomain } from "@/lib/registry/domains";
import { fixedClock } from "@/lib/registry/clock";
import { runLifecycle } from "@/lib/registry/lifecycle";
import { seedDemoRegistry } from "@/prisma/seed/demo";
import { benchDomainList } from "./domain-list";

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 50_000);
const DUE = Number(process.env.BENCH_DUE ?? 5_000);
const now = new Date("2026-11-23T10:00:00Z");

const factory = process.env.BENCH_DATABASE_URL
  ? postgresAdapterFactory(process.env.BENCH_DATABASE_URL)
  : pgliteAdapterFactory(openPglite("memory://"));
await applyMigrations(factory);
const db = createPrismaClient(factory);
await seedDemoRegistry(db, now);
const demo = await db.registrarAccount.findFirstOrThrow({ where: { name: "Demo Registrar A/S" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "all@demo.test" } });
const actor: Actor = {
  kind: "portal",
  userId: user.id,
  accountId: demo.id,
  metaRoles: user.metaRoles,
  ip: "127.0.0.1",
  label: user.email,
};
const ctx = { db, clock: fixedClock(now), actor };

const t0 = performance.now();
// The first BENCH_DUE domains are due for auto-renewal (the lifecycle measure below); the rest vary
// in state, renewal policy, management, registrant, dates and script (some IDN U-labels), so each
// filter of the domain list (issue 14) selects a realistic share.
await db.$executeRaw`
  INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
    "registrarId", "registrantId", "crDate", "exDate", "suspendedAt", "suspensionReason", "deleteAt",
    "createdAt", "updatedAt")
  SELECT n, CASE WHEN g % 20 = 5 THEN replace(n, 'o', 'ø') ELSE n END, n,
    (CASE WHEN g <= ${DUE} THEN 'ACTIVE' WHEN g % 100 = 1 THEN 'HELD'
      WHEN g % 100 IN (2, 3) THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"DomainState",
    (CASE WHEN g > ${DUE} AND g % 50 = 7 THEN 'REGISTRANT' ELSE 'REGISTRAR' END)::"ManagementModel",
    (CASE WHEN g > ${DUE} AND g % 7 = 3 THEN 'AUTO_EXPIRE' ELSE 'AUTO_RENEW' END)::"RenewalPolicy",
    ${demo.id}::uuid, CASE WHEN g % 10 = 0 THEN h2.id ELSE h.id END,
    CASE WHEN g > ${DUE} AND g % 100 = 1 THEN NULL ELSE ${now}::timestamptz - (g % 3000) * INTERVAL '1 day' END,
    CASE WHEN g <= ${DUE} THEN DATE '2026-12-01' WHEN g % 100 = 1 THEN NULL
      ELSE DATE '2026-11-24' + (g % 400) END,
    CASE WHEN g > ${DUE} AND g % 100 IN (2, 3) THEN ${now}::timestamptz END,
    (CASE WHEN g > ${DUE} AND g % 100 IN (2, 3) THEN 'EXPIRED' END)::"SuspensionReason",
    CASE WHEN g > ${DUE} AND g % 100 IN (2, 3) THEN TIMESTAMPTZ '2027-06-01' END,
    ${now}, ${now}
  FROM generate_series(1, ${DOMAINS}) g,
    LATERAL (SELECT (ARRAY['bager','frisor','tomrer','advokat','cafe','shop','foto','byg'])[1 + g % 8]
             || '-' || md5(g::text)::varchar(8) || '.dk' AS n) names,
    (SELECT id FROM "Handle" WHERE handle = 'JCA1-DK') h,
    (SELECT id FROM "Handle" WHERE handle = 'MN2-DK') h2`;
// what autovacuum does to a table in service: statistics, and the visibility map that lets the
// list's total be counted from an index alone
await db.$executeRawUnsafe(`VACUUM ANALYZE "Domain"`);
await db.$executeRaw`ANALYZE`;
console.log(
  `Portfolio: ${DOMAINS.toLocaleString("en")} domains inserted in ${Math.round(performance.now() - t0)} ms`,
);

async function measure(label: string, fn: () => Promise<unknown>, runs = 7) {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} median ${times[Math.floor(runs / 2)]!.toFixed(1).padStart(8)} ms`,
  );
}

await benchDomainList(ctx, DOMAINS);
await measure("getDomain", () => getDomain(ctx, { name: "demo-hosting.dk" }));
const names = Array.from({ length: 100 }, (_, i) => `ledig-${i}.dk`);
await measure("checkAvailability, 100 names", () => checkAvailability(ctx, { names }));
const start = performance.now();
const summary = await runLifecycle(db, new Date("2026-12-01T06:00:00Z"));
console.log(
  `${`runLifecycle over ${DUE.toLocaleString("en")} due auto-renewals`.padEnd(58)} once   ${(performance.now() - start).toFixed(0).padStart(8)} ms (${summary.expired} renewed)`,
);
process.exit(0);
