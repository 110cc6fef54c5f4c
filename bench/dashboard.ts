// Issue 22: the dashboard's server time for the 100,000-domain registrar (budget p95 < 100 ms).
// Times exactly what app/(portal)/page.tsx asks the core for, as it asks (one Promise.all of the
// tiles' queries, for a user who sees every tile), p95 over BENCH_RUNS runs. The HTTP benchmark
// measures the same page over the wire (Server-Timing).
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { getBalance } from "@/lib/registry/billing";
import type { CoreContext } from "@/lib/registry/context";
import { countDomains, countPendingRequests, forecastAutoRenewals } from "@/lib/registry/domains";
import { countMessages } from "@/lib/registry/messages";
import { addDays, localDateOf } from "@/lib/registry/rules";

/** What the dashboard page runs (keep in step with app/(portal)/page.tsx). */
export function dashboardQueries(ctx: CoreContext) {
  const today = localDateOf(ctx.clock.now());
  return Promise.all([
    countMessages(ctx),
    getBalance(ctx),
    forecastAutoRenewals(ctx, { days: 30 }),
    countDomains(ctx, { states: ["ACTIVE"], expiresFrom: today, expiresTo: addDays(today, 30) }),
    countPendingRequests(ctx),
  ]);
}

function p95Of(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/**
 * p95 of the dashboard's queries, and beside it (interleaved, so both see the same load) the
 * floor: one row by primary key through the same core and client (the balance tile alone).
 */
export async function benchDashboard(ctx: CoreContext, domains: number, runs: number) {
  const figures = await dashboardQueries(ctx); // warm-up
  await getBalance(ctx);
  const times: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await dashboardQueries(ctx);
    times.push(performance.now() - start);
    start = performance.now();
    await getBalance(ctx);
    floor.push(performance.now() - start);
  }
  const p95 = p95Of(times);
  const floorP95 = p95Of(floor);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const [unread, , forecast, expiring, pending] = figures;
  console.log(
    `\nDashboard (issue 22) on ${domains.toLocaleString("en")} domains: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms over ${runs} runs; floor (one row by key) p95 ${floorP95.toFixed(1)} ms (load ${loadavg()[0]!.toFixed(1)}); tiles: ${unread} unread, ${forecast.domains} to auto-renew, ${expiring} expiring, ${pending.registrations} held + ${pending.registrantChanges} changes pending`,
  );
  return { p95, median, floorP95 };
}
