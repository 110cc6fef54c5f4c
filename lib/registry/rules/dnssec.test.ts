import { describe, expect, it } from "vitest";

import { checkDsRecordsToAdd, type DsRecord, validateDsRecord } from "@/lib/registry/rules/dnssec";

const SHA1 = "a".repeat(40);
const SHA256 = "0123456789abcdef".repeat(4);
const SHA384 = "F".repeat(96);
const base: DsRecord = { keyTag: 12345, algorithm: 13, digestType: 2, digest: SHA256 };

describe("R-DS-1 validateDsRecord", () => {
  it.each<[string, DsRecord, DsRecord]>([
    ["SHA-256, lowercase digest", base, { ...base, digest: SHA256.toUpperCase() }],
    [
      "SHA-1",
      { ...base, digestType: 1, digest: SHA1 },
      { ...base, digestType: 1, digest: SHA1.toUpperCase() },
    ],
    [
      "SHA-384",
      { ...base, digestType: 4, digest: SHA384 },
      { ...base, digestType: 4, digest: SHA384 },
    ],
    ["key tag 0", { ...base, keyTag: 0 }, { ...base, keyTag: 0, digest: SHA256.toUpperCase() }],
    [
      "key tag 65535",
      { ...base, keyTag: 65535 },
      { ...base, keyTag: 65535, digest: SHA256.toUpperCase() },
    ],
    [
      "algorithm 8",
      { ...base, algorithm: 8 },
      { ...base, algorithm: 8, digest: SHA256.toUpperCase() },
    ],
    [
      "grouped digest",
      { ...base, digest: SHA256.match(/.{8}/g)!.join(" ") },
      { ...base, digest: SHA256.toUpperCase() },
    ],
  ])("accepts %s", (_, input, expected) => {
    expect(validateDsRecord("eksempel.dk", input)).toEqual(expected);
  });

  it.each<[string, DsRecord, keyof DsRecord]>([
    ["key tag -1", { ...base, keyTag: -1 }, "keyTag"],
    ["key tag 65536", { ...base, keyTag: 65536 }, "keyTag"],
    ["key tag 1.5", { ...base, keyTag: 1.5 }, "keyTag"],
    ["algorithm 1", { ...base, algorithm: 1 }, "algorithm"],
    ["algorithm 12", { ...base, algorithm: 12 }, "algorithm"],
    ["algorithm 17", { ...base, algorithm: 17 }, "algorithm"],
    ["digest type 3", { ...base, digestType: 3 }, "digestType"],
    ["digest type 0", { ...base, digestType: 0 }, "digestType"],
    ["SHA-256 with 40 digits", { ...base, digest: SHA1 }, "digest"],
    ["SHA-1 with 64 digits", { ...base, digestType: 1 }, "digest"],
    ["non-hex digest", { ...base, digest: `${SHA256.slice(0, 63)}g` }, "digest"],
    ["empty digest", { ...base, digest: "" }, "digest"],
  ])("refuses %s with DS_RECORD_INVALID", (_, input, field) => {
    expect(() => validateDsRecord("eksempel.dk", input)).toThrow(
      expect.objectContaining({ code: "DS_RECORD_INVALID", details: { field } }),
    );
  });
});

describe("R-DS-1 checkDsRecordsToAdd", () => {
  const records = (n: number): DsRecord[] =>
    Array.from({ length: n }, (_, i) => ({ ...base, keyTag: i }));

  it.each<[string, DsRecord[], DsRecord[], number]>([
    ["first record", [], [base], 1],
    ["eighth record", records(7), [base], 1],
    ["two at once up to the limit", records(6), [base, { ...base, keyTag: 99 }], 2],
    ["same key tag, other digest type", [base], [{ ...base, digestType: 4, digest: SHA384 }], 1],
  ])("accepts %s", (_, existing, additions, count) => {
    expect(checkDsRecordsToAdd("eksempel.dk", existing, additions)).toHaveLength(count);
  });

  it.each<[string, DsRecord[], DsRecord[], string]>([
    ["a duplicate of an existing record", [base], [base], "DS_RECORD_DUPLICATE"],
    [
      "a duplicate differing only in case",
      [{ ...base, digest: SHA256.toUpperCase() }],
      [base],
      "DS_RECORD_DUPLICATE",
    ],
    ["the same record twice in one request", [], [base, base], "DS_RECORD_DUPLICATE"],
    ["a ninth record", records(8), [base], "DS_RECORD_LIMIT_REACHED"],
    [
      "two when seven exist",
      records(7),
      [base, { ...base, keyTag: 99 }],
      "DS_RECORD_LIMIT_REACHED",
    ],
    ["an invalid record", [], [{ ...base, algorithm: 2 }], "DS_RECORD_INVALID"],
  ])("refuses %s", (_, existing, additions, code) => {
    expect(() => checkDsRecordsToAdd("eksempel.dk", existing, additions)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
