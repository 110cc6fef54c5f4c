import { describe, expect, it } from "vitest";
import { httpBudgets, type HttpMeasure, nextCursorOf, p95, renewalsFromCsv } from "@/bench/http";

// Issue 22: the HTTP part's budgets — pages against the floor page at 10 connections, server time
// at 1 connection — and the helpers that read the list's cursor and the CSV's renewable rows.

const measure = (
  label: string,
  connections: number,
  rps: number,
  serverP95: number,
): HttpMeasure => ({
  label,
  connections,
  requests: 100,
  seconds: 10,
  rps,
  latencyP95: serverP95 + 5,
  serverP95,
  failures: {},
});

describe("httpBudgets", () => {
  const rows = httpBudgets({
    measures: [
      measure("floor page", 1, 100, 10),
      measure("dashboard", 1, 60, 99),
      measure("domain list, first page", 1, 50, 51),
      measure("renew action", 1, 10, 200),
      measure("floor page", 10, 200, 40),
      measure("dashboard", 10, 120, 300),
      measure("domain list, first page", 10, 119, 300),
      measure("renew action", 10, 20, 900),
    ],
    peakRssMb: 700,
    csv: { rows: 100_000, mb: 10, ms: 8000, rssAddedMb: 120 },
  });
  const judged = (name: string) => {
    const r = rows.find((x) => x.measure.name === name)!;
    return {
      budget: r.budget,
      pass: r.pass ? r.pass(r.measure) : null,
      baseline: r.measure.baseline,
    };
  };

  it("judges each page's requests/s at 10 connections against 60% of the floor page's", () => {
    expect(judged("http dashboard, 10 conn.: requests/s")).toEqual({
      budget: "≥ 60% of the floor page",
      pass: true,
      baseline: 200,
    });
    expect(judged("http domain list, first page, 10 conn.: requests/s").pass).toBe(false);
    expect(judged("http dashboard, 1 conn.: requests/s").pass).toBeNull();
    expect(judged("http renew action, 10 conn.: requests/s")).toEqual({
      budget: null,
      pass: null,
      baseline: 200,
    });
  });

  it("judges server time p95 at 1 connection: list < 50 ms, dashboard < 100 ms", () => {
    expect(judged("http dashboard, 1 conn.: server time p95").pass).toBe(true);
    expect(judged("http domain list, first page, 1 conn.: server time p95").pass).toBe(false);
    expect(judged("http dashboard, 10 conn.: server time p95").pass).toBeNull();
  });

  it("reports the peak RSS without a budget and judges the CSV export's added RSS < 100 MB", () => {
    expect(judged("server peak RSS during the HTTP runs").pass).toBeNull();
    expect(judged("CSV export of 100,000 domains over HTTP: server RSS added")).toMatchObject({
      budget: "< 100 MB",
      pass: false,
    });
  });
});

describe("the HTTP part's helpers", () => {
  it("p95 is the value 95% of the samples are at or under", () => {
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
    expect(p95([7])).toBe(7);
  });

  it("reads the list's next cursor from its payload, escaped or not", () => {
    expect(nextCursorOf('..."nextCursor":"WyJuYW1lIl0",...')).toBe("WyJuYW1lIl0");
    expect(nextCursorOf('...\\"nextCursor\\":\\"WyJuYW1lIl0\\",...')).toBe("WyJuYW1lIl0");
    expect(nextCursorOf('"nextCursor":null')).toBeNull();
  });

  it("takes renewable rows (active, registrar-managed) from a domain CSV", () => {
    const csv =
      "\uFEFFdomain,a_label,state,expiry_date,renewal_policy,management,registrant,created\r\n" +
      "a.dk,a.dk,ACTIVE,2027-03-01,AUTO_RENEW,REGISTRAR,JCA1-DK,2026-01-01T00:00:00.000Z\r\n" +
      "b.dk,b.dk,SUSPENDED,2027-03-01,AUTO_RENEW,REGISTRAR,JCA1-DK,2026-01-01T00:00:00.000Z\r\n" +
      "c.dk,c.dk,ACTIVE,2027-04-01,AUTO_RENEW,REGISTRANT,JCA1-DK,2026-01-01T00:00:00.000Z\r\n";
    expect(renewalsFromCsv(csv)).toEqual([{ name: "a.dk", curExpDate: "2027-03-01" }]);
  });
});
