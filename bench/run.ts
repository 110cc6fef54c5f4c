// npm run bench: the project's measure of speed at registry scale (issue 22). Every figure beside a
// baseline from the same run; a table on stdout and bench/results.json (name, value, unit,
// baseline, ratio, budget, pass). `npm run bench -- --check` exits 1 when a budget is missed.
//
// With BENCH_DATABASE_URL (PostgreSQL) it runs on the bench data of `npm run bench:seed` (seeding
// it first when missing; BENCH_SCALE sizes it). Without, it runs on the embedded database (PGlite)
// with BENCH_DOMAINS domains of the demo registrar (default 50,000). `--smoke`: tiny data, no budgets
// (npm test runs it: tests/bench-smoke.test.ts).
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { pgliteAdapterFactory, postgresAdapterFactory } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrator";
import { openPglite } from "@/lib/db/pglite";
import type { RegistrarActor } from "@/lib/registry/actor";
import { checkAvailability, getDomain } from "@/lib/registry/domains";
import { fixedClock } from "@/lib/registry/clock";
import { seedDemoRegistry } from "@/prisma/seed/demo";
import { benchCore, benchLifecycle, type Measure } from "./core";
import { benchDashboard } from "./dashboard";
import { benchDomainList } from "./domain-list";
import { benchHttp, httpBudgets } from "./http";
import { benchExplain } from "./explain";
import { BENCH_NOW, benchSeed, seedSize } from "./seed";

const args = new Set(process.argv.slice(2));
const smoke = args.has("--smoke");
const check = args.has("--check") && !smoke;
// `--only=list,core,lifecycle,http,…`: run only those parts (while working on one); budgets of the
// parts not run are not judged, so a --check with --only proves only what it ran
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const part = (name: string) => !only || only.includes(name);
const url = process.env.BENCH_DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? (smoke ? 0.0005 : 1));
const DOMAINS = Number(process.env.BENCH_DOMAINS ?? (smoke ? 300 : 50_000));
const now = BENCH_NOW;
const run = Date.now().toString(36);

console.log(
  `npm run bench${smoke ? " (smoke)" : ""}: ${url ? "PostgreSQL" : "PGlite"}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);

const factory = url ? postgresAdapterFactory(url) : pgliteAdapterFactory(openPglite("memory://"));
if (url) {
  await benchSeed(url, seedSize(scale));
} else {
  await applyMigrations(factory);
}
const db = createPrismaClient(factory);
if (!url) {
  await seedDemoRegistry(db, now);
  const t0 = performance.now();
  const demo = await db.registrarAccount.findFirstOrThrow({
    where: { name: "Demo Registrar A/S" },
  });
  // Varied in state, renewal policy, management, registrant, dates and script (some IDN U-labels),
  // so each filter of the domain list (issue 14) selects a realistic share.
  await db.$executeRaw`
    INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
      "registrarId", "registrantId", "crDate", "exDate", "suspendedAt", "suspensionReason", "deleteAt",
      "createdAt", "updatedAt")
    SELECT n, CASE WHEN g % 20 = 5 THEN replace(n, 'o', 'ø') ELSE n END, n,
      (CASE WHEN g % 100 = 1 THEN 'HELD' WHEN g % 100 IN (2, 3) THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"DomainState",
      (CASE WHEN g % 50 = 7 THEN 'REGISTRANT' ELSE 'REGISTRAR' END)::"ManagementModel",
      (CASE WHEN g % 7 = 3 THEN 'AUTO_EXPIRE' ELSE 'AUTO_RENEW' END)::"RenewalPolicy",
      ${demo.id}::uuid, CASE WHEN g % 10 = 0 THEN h2.id ELSE h.id END,
      CASE WHEN g % 100 = 1 THEN NULL ELSE ${now}::timestamptz - (g % 3000) * INTERVAL '1 day' END,
      CASE WHEN g % 100 = 1 THEN NULL ELSE DATE '2026-11-25' + (g % 400) END,
      CASE WHEN g % 100 IN (2, 3) THEN ${now}::timestamptz END,
      (CASE WHEN g % 100 IN (2, 3) THEN 'EXPIRED' END)::"SuspensionReason",
      CASE WHEN g % 100 IN (2, 3) THEN TIMESTAMPTZ '2027-06-01' END,
      ${now}, ${now}
    FROM generate_series(1, ${DOMAINS}) g,
      LATERAL (SELECT (ARRAY['bager','frisor','tomrer','advokat','cafe','shop','foto','byg'])[1 + g % 8]
               || '-' || md5(g::text)::varchar(8) || '.dk' AS n) names,
      (SELECT id FROM "Handle" WHERE handle = 'JCA1-DK') h,
      (SELECT id FROM "Handle" WHERE handle = 'MN2-DK') h2`;
  // what autovacuum does to a table in service: statistics, and the visibility map
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Domain"`);
  await db.$executeRaw`ANALYZE`;
  console.log(
    `Portfolio: ${DOMAINS.toLocaleString("en")} domains inserted in ${Math.round(performance.now() - t0)} ms`,
  );
}
const demo = await db.registrarAccount.findFirstOrThrow({ where: { name: "Demo Registrar A/S" } });
const domains = await db.domain.count({ where: { registrarId: demo.id } });
const user = await db.user.findUniqueOrThrow({ where: { email: "all@demo.test" } });
const actor: RegistrarActor = {
  kind: "portal",
  userId: user.id,
  accountId: demo.id,
  metaRoles: user.metaRoles,
  ip: "127.0.0.1",
  label: user.email,
};
const ctx = { db, clock: fixedClock(now), actor };

async function measure(label: string, fn: () => Promise<unknown>, runs = smoke ? 2 : 7) {
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

// --- the domain list (issue 14) and the domain page, on Demo's portfolio
const list = part("list") ? await benchDomainList(ctx, domains) : null;
if (part("list")) {
  await measure("getDomain", () => getDomain(ctx, { name: "demo-hosting.dk" }));
  const names = Array.from({ length: 100 }, (_, i) => `ledig-${i}.dk`);
  await measure("checkAvailability, 100 names", () => checkAvailability(ctx, { names }));
}

// --- issue 22: indexes proved by EXPLAIN, and the dashboard's server time
const explained = part("explain")
  ? await benchExplain({ factory, url, db, actor, now, domains })
  : [];
const dashboard = part("dashboard")
  ? await benchDashboard(ctx, domains, smoke ? 2 : Number(process.env.BENCH_RUNS ?? 30))
  : null;

// --- core writes and the lifecycle, each beside its floor
const measures: Measure[] = [];
if (part("core"))
  measures.push(...(await benchCore(db, url, now, actor, { count: smoke ? 4 : 200, run })));
if (part("lifecycle"))
  measures.push(
    await benchLifecycle(db, {
      count: smoke ? 50 : Math.max(1000, Math.round(100_000 * Math.min(scale, 1))),
      run,
      exDate: "2026-11-24",
      at: new Date("2026-11-24T06:00:00Z"),
    }),
  );

// --- HTTP: the production server under autocannon, its memory (bench/http.ts; PostgreSQL only)
const http = part("http") && !smoke ? await benchHttp({ db, url, ctx, domains }) : null;

// --- budgets (issue 22) and the report
type Result = Measure & { ratio: number | null; budget: string | null; pass: boolean | null };
const results: Result[] = [];
const add = (m: Measure, budget: string | null, pass: ((m: Measure) => boolean) | null) => {
  const ratio = m.baseline ? m.value / m.baseline : null;
  results.push({
    ...m,
    ratio,
    budget: smoke ? null : budget,
    pass: smoke || !pass ? null : pass(m),
  });
};
for (const m of measures) {
  if (m.name === "core registrations, 8 callers")
    add(m, "≥ 50% of raw SQL", (x) => x.value >= 0.5 * x.baseline!);
  else if (m.name.startsWith("lifecycle")) add(m, "≥ 20,000 domains/s", (x) => x.value >= 20_000);
  else add(m, null, null);
}
if (list) {
  const byLabel = new Map(list.variants.map((v) => [v.label, v.p95]));
  const firstPage = byLabel.get("first page (name)")!;
  const deepPage = byLabel.get(`deep keyset page, forward (~${Math.floor(domains / 2)} in)`)!;
  const search = byLabel.get("prefix search 'bager-'")!;
  for (const [name, value] of [
    ["domain list, first page: core time p95", firstPage],
    ["domain list, deep keyset page: core time p95", deepPage],
    ["domain search (prefix): core time p95", search],
  ] as const)
    add({ name, value, unit: "ms", baseline: null }, "p95 < 50 ms", (x) => x.value < 50);
  add(
    { name: "domain page: core time p95", value: list.detailP95, unit: "ms", baseline: null },
    null,
    null,
  );
  add(
    {
      name: `CSV export of ${list.csvRows.toLocaleString("en")} domains: RSS added`,
      value: list.csvRssAddedMb,
      unit: "MB",
      baseline: null,
    },
    "< 100 MB",
    (x) => x.value < 100,
  );
}

if (http) for (const r of httpBudgets(http)) add(r.measure, r.budget, r.pass);
for (const e of explained)
  add(
    { name: `EXPLAIN ${e.name}`, value: e.seqScans.length, unit: "seq scans", baseline: null },
    "no Seq Scan on a big table",
    (x) => x.value === 0,
  );
if (dashboard)
  add(
    {
      name: "dashboard: core time p95",
      value: dashboard.p95,
      unit: "ms",
      baseline: dashboard.floorP95,
    },
    "p95 < 100 ms",
    (x) => x.value < 100,
  );

const fmt = (v: number | null, digits = 1) => (v === null ? "-" : v.toFixed(digits));
console.log(
  `\n${"benchmark".padEnd(52)} ${"value".padStart(10)} ${"unit".padEnd(10)} ${"baseline".padStart(10)} ${"ratio".padStart(6)}  budget`,
);
for (const r of results)
  console.log(
    `${r.name.padEnd(52)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(10)} ${fmt(r.baseline).padStart(10)} ${fmt(r.ratio, 2).padStart(6)}  ${r.budget ?? ""}${r.pass === null ? "" : r.pass ? " ✓" : " ✗ MISSED"}`,
  );
console.log(
  `load average after the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const out = process.env.BENCH_RESULTS ?? "bench/results.json";
writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      database: url ? "postgresql" : "pglite",
      cores: availableParallelism(),
      load: loadavg(),
      smoke,
      results,
    },
    null,
    2,
  ) + "\n",
);
console.log(`written: ${out}`);
if (explained.length) {
  // the plans' details (indexes used, Seq Scans) beside the results: bench/results.explain.json
  const details = out.replace(/(\.json)?$/, ".explain.json");
  writeFileSync(details, JSON.stringify(explained, null, 2) + "\n");
  console.log(`written: ${details}`);
}
const missed = results.filter((r) => r.pass === false);
if (check && missed.length) {
  console.error(`budget missed: ${missed.map((r) => r.name).join("; ")}`);
  process.exit(1);
}
process.exit(0);
