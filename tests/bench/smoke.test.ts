import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Issue 22: `npm run bench -- --smoke` in `npm test` — the whole suite on tiny data (PGlite), no
// budgets: every benchmark runs, the table prints and bench/results.json has its shape.
describe("npm run bench --smoke", () => {
  it("runs every benchmark on tiny data and writes results with a baseline beside each figure", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "bench-")), "results.json");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--smoke"],
      {
        env: {
          ...process.env,
          BENCH_DATABASE_URL: "",
          BENCH_RESULTS: out,
          BENCH_RUNS: "2",
          BENCH_EXPLAIN: "0",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(stdout).toContain("benchmark");
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      smoke: boolean;
      results: {
        name: string;
        value: number;
        unit: string;
        baseline: number | null;
        ratio: number | null;
        budget: string | null;
        pass: boolean | null;
      }[];
    };
    expect(report.smoke).toBe(true);
    const names = report.results.map((r) => r.name);
    for (const name of [
      "core registrations, 1 caller",
      "core registrations, 8 callers",
      "core renewals, 1 caller",
      "core renewals, 8 callers",
      "domain list, first page: core time p95",
      "domain list, deep keyset page: core time p95",
    ])
      expect(names).toContain(name);
    expect(names.some((n) => n.startsWith("lifecycle,"))).toBe(true);
    expect(names).toContain("dashboard: core time p95");
    expect(names.some((n) => n.startsWith("EXPLAIN "))).toBe(true);
    for (const r of report.results) {
      // EXPLAIN's figure is a count of Seq Scans on big tables, and RSS added by an export of a
      // few hundred rows may round to nothing: 0 is the good one for both
      if (r.unit === "seq scans" || r.unit === "MB") expect(r.value).toBeGreaterThanOrEqual(0);
      else expect(r.value).toBeGreaterThan(0);
      expect(Object.keys(r).sort()).toEqual(
        ["baseline", "budget", "name", "pass", "ratio", "unit", "value"].sort(),
      );
      expect(r.pass).toBeNull(); // smoke: no budgets
    }
    for (const r of report.results.filter(
      (x) => x.name.startsWith("core") || x.name.startsWith("lifecycle"),
    ))
      expect(r.baseline).toBeGreaterThan(0);
  }, 240_000);
});
