// Issue 14: the domain list at portfolio scale. Each variant of the one list query (first page,
// deep keyset pages both ways, every sort, prefix and contains search, each filter) is timed as
// `/domains` runs it — the page and its total count — and reported with its p95 (target < 100 ms)
// and the EXPLAIN ANALYZE of its page query; then the CSV export of the whole portfolio, with the
// RSS it adds (target < 100 MB).
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Prisma, type PrismaClient } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import {
  domainActions,
  exportDomainsCsv,
  getDomainDetail,
  type ListDomainsInput,
  listDomains,
} from "@/lib/registry/domains";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const EXPLAIN = process.env.BENCH_EXPLAIN !== "0";

/** The client, recording every $queryRaw it runs (so the bench can EXPLAIN the list's SQL). */
function recording(db: PrismaClient) {
  const seen: Prisma.Sql[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "$queryRaw") {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          seen.push(Prisma.sql(strings, ...values));
          return target.$queryRaw(strings, ...values);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { db: proxy, seen };
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

const results: {
  label: string;
  p95: number;
  median: number;
  rows: number;
  total: number;
  database?: string;
}[] = [];

async function variant(ctx: CoreContext, label: string, input: ListDomainsInput) {
  const first = await listDomains(ctx, input); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await listDomains(ctx, input);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const row: (typeof results)[number] = {
    label,
    p95: p95(times),
    median: sorted[Math.floor(sorted.length / 2)]!,
    rows: first.domains.length,
    total: first.total,
  };
  results.push(row);
  console.log(
    `${label.padEnd(52)} p95 ${row.p95.toFixed(1).padStart(7)} ms  median ${row.median.toFixed(1).padStart(7)} ms  ${String(row.rows).padStart(3)} rows of ${row.total}`,
  );
  if (EXPLAIN) {
    const rec = recording(ctx.db);
    await listDomains({ ...ctx, db: rec.db }, input);
    const executed: string[] = [];
    for (const sql of rec.seen) {
      const plan = await ctx.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql.text}`,
        ...sql.values,
      );
      for (const line of plan) {
        console.log(`    | ${line["QUERY PLAN"]}`);
        const ms = /^Execution Time: ([\d.]+) ms/.exec(line["QUERY PLAN"]);
        if (ms) executed.push(ms[1]!);
      }
    }
    // the first statement is the total, then the page's segment(s)
    row.database = executed.join(" + ");
  }
}

/** A cursor `depth` rows into the list (walked in pages of 1,000). */
async function cursorAt(ctx: CoreContext, input: ListDomainsInput, depth: number) {
  let cursor: string | null = null;
  for (let seen = 0; seen < depth; seen += 1000) {
    const page: Awaited<ReturnType<typeof listDomains>> = await listDomains(ctx, {
      ...input,
      cursor,
      limit: 1000,
    });
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return cursor;
}

export async function benchDomainList(ctx: CoreContext, domains: number) {
  console.log(
    `\nDomain list (issue 14): p95 of ${RUNS} runs, page + total count (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  const deep = Math.floor(domains / 2);
  const page = { limit: 50 } as const;
  await variant(ctx, "first page (name)", page);
  await variant(ctx, "first page of 100 (name, desc)", { limit: 100, direction: "desc" });
  const nameCursor = await cursorAt(ctx, {}, deep);
  await variant(ctx, `deep keyset page, forward (~${deep} in)`, { ...page, cursor: nameCursor });
  const back = (await listDomains(ctx, { ...page, cursor: nameCursor })).prevCursor;
  await variant(ctx, `deep keyset page, back`, { ...page, cursor: back });
  await variant(ctx, "first page by expiry", { ...page, sort: "expiry" });
  const expiryCursor = await cursorAt(ctx, { sort: "expiry" }, deep);
  await variant(ctx, "deep keyset page by expiry", {
    ...page,
    sort: "expiry",
    cursor: expiryCursor,
  });
  await variant(ctx, "first page by created, desc", {
    ...page,
    sort: "created",
    direction: "desc",
  });
  await variant(ctx, "prefix search 'bager-'", { ...page, search: "bager-" });
  await variant(ctx, "prefix search 'frisør-1' (U-label)", { ...page, search: "frisør-1" });
  await variant(ctx, "prefix search 'shop-a1' sorted by expiry", {
    ...page,
    search: "shop-a1",
    sort: "expiry",
  });
  await variant(ctx, "contains search 'a1b'", { ...page, search: "a1b", match: "contains" });
  await variant(ctx, "contains search 'ø' (1 character)", {
    ...page,
    search: "ø",
    match: "contains",
  });
  await variant(ctx, "filter state SUSPENDED", { ...page, states: ["SUSPENDED"] });
  await variant(ctx, "filter state HELD", { ...page, states: ["HELD"] });
  await variant(ctx, "filter state ACTIVE", { ...page, states: ["ACTIVE"] });
  await variant(ctx, "filter renewal AUTO_EXPIRE", { ...page, renewalPolicy: "AUTO_EXPIRE" });
  await variant(ctx, "filter management REGISTRANT", { ...page, managementModel: "REGISTRANT" });
  for (const days of [30, 60, 90]) {
    await variant(ctx, `filter expires within ${days} days`, { ...page, expiresWithin: days });
  }
  await variant(ctx, "filter expires within 30 days, by expiry", {
    ...page,
    expiresWithin: 30,
    sort: "expiry",
  });
  await variant(ctx, "filter expiry date range (2027-03-01…03-31)", {
    ...page,
    expiresFrom: "2027-03-01",
    expiresTo: "2027-03-31",
  });
  await variant(ctx, "filter registrant MN2-DK", { ...page, registrant: "MN2-DK" });
  await variant(ctx, "filters combined (ACTIVE, AUTO_RENEW, 90 days, MN2-DK)", {
    ...page,
    states: ["ACTIVE"],
    renewalPolicy: "AUTO_RENEW",
    expiresWithin: 90,
    registrant: "MN2-DK",
  });
  console.log(
    `\nDatabase time of each variant (EXPLAIN ANALYZE: total + page), load ${loadavg()[0]!.toFixed(1)}:`,
  );
  for (const r of results) console.log(`  ${r.label.padEnd(52)} ${r.database ?? "-"} ms`);
  const slow = results.filter((r) => r.p95 >= 100);
  console.log(
    slow.length === 0
      ? `All ${results.length} variants: p95 < 100 ms (worst ${Math.max(...results.map((r) => r.p95)).toFixed(1)} ms)`
      : `Over the 100 ms target: ${slow.map((r) => `${r.label} (${r.p95.toFixed(1)} ms)`).join(", ")}`,
  );

  const detailTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await Promise.all([
      getDomainDetail(ctx, { name: "søbakke.dk" }),
      domainActions(ctx, { name: "søbakke.dk" }),
    ]);
    detailTimes.push(performance.now() - start);
  }
  console.log(
    `${"domain page (getDomainDetail + domainActions)".padEnd(52)} p95 ${p95(detailTimes).toFixed(1).padStart(7)} ms`,
  );

  // The export of the whole portfolio: time, size and the RSS it adds over the baseline.
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapMax = heapBefore;
  let bytes = 0;
  let lines = 0;
  const start = performance.now();
  for await (const chunk of exportDomainsCsv(ctx, {})) {
    bytes += Buffer.byteLength(chunk);
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines++;
    const memory = process.memoryUsage();
    rssMax = Math.max(rssMax, memory.rss);
    heapMax = Math.max(heapMax, memory.heapUsed);
  }
  const added = (rssMax - rssBefore) / 1024 / 1024;
  console.log(
    `CSV export of ${(lines - 1).toLocaleString("en")} domains: ${(performance.now() - start).toFixed(0)} ms, ${(bytes / 1024 / 1024).toFixed(1)} MB, RSS +${added.toFixed(1)} MB (target < 100 MB), JS heap +${((heapMax - heapBefore) / 1024 / 1024).toFixed(1)} MB at most`,
  );
  // issue 22: the figures bench/results.json reports
  return {
    variants: results.map((r) => ({ label: r.label, p95: r.p95 })),
    detailP95: p95(detailTimes),
    csvRows: lines - 1,
    csvRssAddedMb: added,
  };
}
