import { describe, expect, it } from "vitest";

import { isRegistryError } from "@/lib/registry/errors";
import { dsFromDnskey, keyTag, dnskeyRdata, nameToWire, parseDnskey } from "@/lib/registry/rules/dnskey";

// R-DS-1 DNSKEY → DS with the published test vectors: RFC 4034 §5.4 (SHA-1), RFC 4509 §2.3
// (SHA-256, the same key), RFC 6605 §6.1/§6.2 (ECDSA P-256 with SHA-256, P-384 with SHA-384).

const RFC4034_ZONE_LINE = `dskey.example.com. 86400 IN DNSKEY 256 3 5 ( AQOeiiR0GOMYkDshWoSKz9Xz
                                          fwJr1AYtsmx3TGkJaNXVbfi/
                                          2pHm822aJ5iI9BMzNXxeYCmZ
                                          DRD99WYwYqUSdjMmmAphXdvx
                                          egXd/M5+X7OrzKBaMbCVdFLU
                                          Uh6DhweJBjEVv5f2wwjM9Xzc
                                          nOf+EPbtG9DMBmADjFDc2w/r
                                          ljwvFw==
                                          ) ;  key id = 60485`;

const RFC6605_P256 =
  "example.net. 3600 IN DNSKEY 257 3 13 ( GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edb\n krSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA== )";
const RFC6605_P384 = `example.net. 3600 IN DNSKEY 257 3 14 (
        xKYaNhWdGOfJ+nPrL8/arkwf2EY3MDJ+SErKivBVSum1
        w/egsXvSADtNJhyem5RCOpgQ6K8X1DRSEkrbYQ+OB+v8
        /uX45NBwY8rp65F6Glur8I/mlVNgF6W/qTI37m40 )`;

function refusal(fn: () => unknown): { code: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (isRegistryError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("R-DS-1 DNSKEY to DS (RFC 4034, 4509, 6605 test vectors)", () => {
  it("R-DS-1 RFC 4034 §5.4: key tag 60485 and the SHA-1 digest", () => {
    expect(dsFromDnskey("dskey.example.com", RFC4034_ZONE_LINE, 1)).toEqual({
      keyTag: 60485,
      algorithm: 5,
      digestType: 1,
      digest: "2BB183AF5F22588179A53B0A98631FAD1A292118",
    });
  });

  it("R-DS-1 RFC 4509 §2.3: the SHA-256 digest of the same key", () => {
    expect(dsFromDnskey("dskey.example.com.", RFC4034_ZONE_LINE, 2).digest).toBe(
      "D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A",
    );
  });

  it("R-DS-1 RFC 6605 §6.1 and §6.2: ECDSA keys with SHA-256 and SHA-384", () => {
    expect(dsFromDnskey("example.net", RFC6605_P256, 2)).toEqual({
      keyTag: 55648,
      algorithm: 13,
      digestType: 2,
      digest: "B4C8C1FE2E7477127B27115656AD6256F424625BF5C1E2770CE6D6E37DF61D17",
    });
    expect(dsFromDnskey("example.net", RFC6605_P384, 4)).toEqual({
      keyTag: 10771,
      algorithm: 14,
      digestType: 4,
      digest:
        "72D7B62976CE06438E9C0BF319013CF801F09ECC84B8D7E9495F27E305C6A9B0563A9B5F4D288405C3008A946DF983D6",
    });
  });

  it("R-DS-1 the RDATA alone (no owner) is hashed with the domain's name, owner case ignored", () => {
    const rdataOnly = RFC6605_P256.replace(/^.*DNSKEY/, "");
    expect(dsFromDnskey("EXAMPLE.net", rdataOnly, 2).digest).toMatch(/^B4C8C1FE/);
    expect(parseDnskey(rdataOnly).owner).toBeNull();
    expect(parseDnskey("Example.NET. IN 3600 DNSKEY 257 3 13 " + "A".repeat(88)).owner).toBe("example.net");
  });

  it("R-DS-1 canonical wire format of the owner name", () => {
    expect(nameToWire("Ab.DK.").toString("hex")).toBe("02616202646b00");
  });

  it("R-DS-1 key tag of RFC 4034 Appendix B over the RDATA", () => {
    const key = parseDnskey(RFC4034_ZONE_LINE);
    expect(keyTag(dnskeyRdata(key))).toBe(60485);
  });

  it.each([
    ["no key", "257 3 13", "DNSKEY_MALFORMED"],
    ["not base64", "257 3 13 abc$def", "DNSKEY_MALFORMED"],
    ["protocol other than 3", "257 2 13 AAAA", "DNSKEY_PROTOCOL"],
    ["not a zone key (flags 0)", "0 3 13 AAAA", "DNSKEY_NOT_ZONE_KEY"],
    ["algorithm not allowed (RSAMD5)", "257 3 1 AAAA", "DNSKEY_ALGORITHM"],
    ["text, not a key", "hello world", "DNSKEY_MALFORMED"],
  ])("R-DS-1 refuses a DNSKEY with %s", (_, text, reason) => {
    expect(refusal(() => parseDnskey(text))).toEqual({
      code: "DS_RECORD_INVALID",
      details: { field: "dnskey", reason },
    });
  });

  it("R-DS-1 refuses a zone-file line for another owner, and an unknown digest type", () => {
    expect(refusal(() => dsFromDnskey("eksempel.dk", RFC6605_P256, 2)).details).toMatchObject({
      reason: "DNSKEY_OWNER",
    });
    expect(refusal(() => dsFromDnskey("example.net", RFC6605_P256, 3)).details).toMatchObject({
      field: "digestType",
    });
  });
});
