import { describe, expect, it } from "vitest";
import { DS_ALGORITHMS, DS_DIGEST_LENGTHS, MAX_NAME_SERVERS, MIN_NAME_SERVERS } from "@/lib/registry/rules";
import * as schemas from "@/lib/schemas/nameservers";

// The browser's copy of the DS and name-server constants (lib/schemas cannot import the core's
// rules) must equal the core's.

describe("issue 17 form schemas", () => {
  it("R-DS-1 the form's algorithms and digest lengths are the core's", () => {
    expect(schemas.DS_ALGORITHMS).toEqual(DS_ALGORITHMS);
    expect(schemas.DS_DIGEST_LENGTHS).toEqual(DS_DIGEST_LENGTHS);
    expect(schemas.DS_DIGEST_TYPES).toEqual(Object.keys(DS_DIGEST_LENGTHS).map(Number));
    expect([schemas.MIN_NAME_SERVERS, schemas.MAX_NAME_SERVERS]).toEqual([MIN_NAME_SERVERS, MAX_NAME_SERVERS]);
  });

  it.each([
    [1, 40],
    [2, 64],
    [4, 96],
  ])("R-DS-1 digest type %i needs %i hex digits, spaces and case ignored", (digestType, length) => {
    const base = { name: "eksempel.dk", keyTag: "1", algorithm: "13", digestType: String(digestType) };
    expect(schemas.addDsRecordSchema.safeParse({ ...base, digest: "a".repeat(length) }).success).toBe(true);
    expect(schemas.addDsRecordSchema.safeParse({ ...base, digest: "ab ".repeat(length / 2) }).success).toBe(true);
    const short = schemas.addDsRecordSchema.safeParse({ ...base, digest: "a".repeat(length - 1) });
    expect(short.success ? null : short.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["digest", `nameservers.validation.digestLength${length}`],
    ]);
  });

  it("R-DS-1 refuses a key tag out of range, an algorithm not allowed and non-hex digits", () => {
    const ok = { name: "eksempel.dk", keyTag: "65535", algorithm: "8", digestType: "1", digest: "0".repeat(40) };
    expect(schemas.addDsRecordSchema.safeParse(ok).success).toBe(true);
    const paths = (input: object) => {
      const parsed = schemas.addDsRecordSchema.safeParse({ ...ok, ...input });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ keyTag: "65536" })).toEqual(["keyTag"]);
    expect(paths({ algorithm: "1" })).toEqual(["algorithm"]);
    expect(paths({ digest: "G".repeat(40) })).toEqual(["digest"]);
  });

  it("R-NS-1 glue rows: an IPv4 row takes IPv4 only, an IPv6 row IPv6 only", () => {
    const parse = (glueV4: string[], glueV6: string[]) =>
      schemas.createNameServerSchema.safeParse({
        host: "ns1.eksempel.dk",
        glueV4: glueV4.map((address) => ({ address })),
        glueV6: glueV6.map((address) => ({ address })),
      }).success;
    expect(parse(["192.0.2.1"], ["2001:db8::1"])).toBe(true);
    expect(parse(["2001:db8::1"], [])).toBe(false);
    expect(parse(["10.1"], [])).toBe(false);
    expect(parse([], ["192.0.2.1"])).toBe(false);
    expect(parse([], ["fe80::1%eth0"])).toBe(false);
  });

  it("R-NS-4 two to seven name-server rows", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ host: `ns${i}.eksempel.net` }));
    const ok = (n: number) => schemas.setNameServersSchema.safeParse({ name: "eksempel.dk", nameServers: rows(n) }).success;
    expect([1, 2, 7, 8].map(ok)).toEqual([false, true, true, false]);
  });
});
