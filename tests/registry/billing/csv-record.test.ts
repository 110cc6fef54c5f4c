import { describe, expect, it } from "vitest";
import { csvRecord, formatCsv, streamCsv, type CsvValue } from "@/lib/registry/billing/csv";

// Issue 22: the streamed exports write records by hand (csvRecord) instead of csv-stringify's sync
// API, which allocated ~4 KB per row. The output must stay byte for byte what csv-stringify writes.

const tricky: CsvValue[][] = [
  ["plain", "æblegrød.dk", "xn--blegrd-rua.dk", 0, -45, 12.5, null, undefined, ""],
  ['Say "hi", ok', "a,b", "line\nbreak", "cr\ronly", "crlf\r\nend", '"', ",", " spaced "],
  ["=HYPERLINK(1)", "+1", "-x", "@SUM(A1)", "\tTab", "\rCR", "-45.00", "-4500", "=", "'quoted"],
  ["=a,b", '@"q"', "-1e5", "1.", "ÆØÅ", "emoji 🎉", "tab\tinside"],
];

describe("issue 22: csvRecord, the streamed exports' record writer", () => {
  it("R-PAY-3 writes each record exactly as csv-stringify does (RFC 4180, formula guard, CRLF)", () => {
    for (const row of tricky) expect("h\r\n" + csvRecord(row)).toBe(formatCsv(["h"], [row]));
  });

  it("R-PAY-3 streamCsv: the BOM and header once, then the batches, equal to formatCsv", async () => {
    async function* batches() {
      yield tricky.slice(0, 2);
      yield [];
      yield tricky.slice(2);
    }
    let text = "";
    for await (const chunk of streamCsv(["a", "b"], batches(), { bom: true })) text += chunk;
    expect(text).toBe("\uFEFF" + formatCsv(["a", "b"], tricky));
    let empty = "";
    for await (const chunk of streamCsv(["a", "b"], (async function* () {})())) empty += chunk;
    expect(empty).toBe("a,b\r\n");
  });
});
