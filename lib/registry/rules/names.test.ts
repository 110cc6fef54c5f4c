import { describe, expect, it } from "vitest";

import {
  isUnderDk,
  parseDomainName,
  parseHostName,
  superordinateDomain,
} from "@/lib/registry/rules/names";

describe("R-REG-4 parseDomainName", () => {
  it.each([
    ["example", "example.dk", "example.dk"],
    ["example.dk", "example.dk", "example.dk"],
    ["EXAMPLE.DK", "example.dk", "example.dk"],
    ["  Example.Dk.  ", "example.dk", "example.dk"],
    ["æblegrød.dk", "xn--blegrd-oua3m.dk", "æblegrød.dk"],
    ["ÆBLEGRØD", "xn--blegrd-oua3m.dk", "æblegrød.dk"],
    ["xn--blegrd-oua3m.dk", "xn--blegrd-oua3m.dk", "æblegrød.dk"],
    ["XN--BLEGRD-OUA3M.DK", "xn--blegrd-oua3m.dk", "æblegrød.dk"],
    ["e\u0301ksempel", "xn--ksempel-9xa.dk", "éksempel.dk"],
    ["blåbær-øl.dk", "xn--blbr-l-juaj8n.dk", "blåbær-øl.dk"],
    ["münchen-über-köln", "xn--mnchen-ber-kln-6pb8fg.dk", "münchen-über-köln.dk"],
    ["a", "a.dk", "a.dk"],
    ["0-9", "0-9.dk", "0-9.dk"],
    ["a--b", "a--b.dk", "a--b.dk"],
    ["dk", "dk.dk", "dk.dk"],
    ["a".repeat(63), `${"a".repeat(63)}.dk`, `${"a".repeat(63)}.dk`],
  ])("accepts %j as %s / %s", (input, aLabel, uLabel) => {
    expect(parseDomainName(input)).toEqual({ aLabel, uLabel });
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    [".dk", "EMPTY"],
    ["a".repeat(64), "TOO_LONG"],
    ["a".repeat(300), "TOO_LONG"],
    // 60 U-characters of "æ" are far longer than 63 characters as A-label.
    ["æ".repeat(60), "TOO_LONG"],
    ["-example", "LEADING_HYPHEN"],
    ["example-.dk", "TRAILING_HYPHEN"],
    ["ab--cd", "HYPHENS_3_4"],
    ["xn--abc", "INVALID_A_LABEL"],
    ["xn--example-", "INVALID_A_LABEL"],
    ["xn--", "INVALID_A_LABEL"],
    // Decodes to "bleäðgrd": ð is not a .dk letter.
    ["xn--blegrd-dua0h.dk", "CHARACTER_NOT_ALLOWED"],
    // Cyrillic look-alike of "apple".
    ["xn--80ak6aa92e.dk", "CHARACTER_NOT_ALLOWED"],
    ["a_b.dk", "CHARACTER_NOT_ALLOWED"],
    ["straße.dk", "CHARACTER_NOT_ALLOWED"],
    ["exa mple", "CHARACTER_NOT_ALLOWED"],
    ["ｅxample", "CHARACTER_NOT_ALLOWED"],
    ["example.com", "NOT_UNDER_DK"],
    ["example.dk.com", "NOT_UNDER_DK"],
    ["www.example.dk", "MULTIPLE_LABELS"],
  ])("refuses %j with INVALID_DOMAIN_NAME (%s)", (input, reason) => {
    expect(() => parseDomainName(input)).toThrow(
      expect.objectContaining({
        code: "INVALID_DOMAIN_NAME",
        details: expect.objectContaining({ reason, field: "name" }),
      }),
    );
  });

  it("names the offending character and the input in the message", () => {
    expect(() => parseDomainName("a_b.dk")).toThrow(
      'Domain name "a_b.dk" is invalid: the character "_" is not allowed',
    );
    expect(() => parseDomainName("a b")).toThrow('the character "U+0020" is not allowed');
  });
});

describe("R-NS-1 parseHostName", () => {
  it.each([
    ["ns1.example.dk", "ns1.example.dk"],
    ["NS1.Example.COM.", "ns1.example.com"],
    ["ns.æblegrød.dk", "ns.xn--blegrd-oua3m.dk"],
    ["ns.xn--blegrd-oua3m.dk", "ns.xn--blegrd-oua3m.dk"],
    ["a.b.c.d.e.example.org", "a.b.c.d.e.example.org"],
    ["1ns.example.net", "1ns.example.net"],
    ["example.dk", "example.dk"],
  ])("accepts %j as %s", (input, expected) => {
    expect(parseHostName(input)).toBe(expected);
  });

  it.each([
    ["", "EMPTY"],
    ["localhost", "SINGLE_LABEL"],
    ["ns1..example.dk", "EMPTY_LABEL"],
    ["-ns.example.dk", "LABEL_INVALID"],
    ["ns-.example.dk", "LABEL_INVALID"],
    ["ns_1.example.dk", "LABEL_INVALID"],
    [`${"a".repeat(64)}.example.dk`, "LABEL_TOO_LONG"],
    [`${"a.".repeat(130)}dk`, "TOO_LONG"],
    ["192.0.2.1", "NUMERIC_TLD"],
    ["ns.xn--abc.dk", "INVALID_A_LABEL"],
  ])("refuses %j with INVALID_HOST_NAME (%s)", (input, reason) => {
    expect(() => parseHostName(input)).toThrow(
      expect.objectContaining({ code: "INVALID_HOST_NAME", details: { reason } }),
    );
  });
});

describe("R-NS-1 isUnderDk / superordinateDomain", () => {
  it.each([
    ["ns1.sub.example.dk", true, "example.dk"],
    ["ns1.example.dk", true, "example.dk"],
    ["example.dk", true, "example.dk"],
    ["ns1.example.dk.", true, "example.dk"],
    ["ns1.example.com", false, null],
    ["ns1.dk.example.com", false, null],
    ["dk", false, null],
  ])("%s: under .dk %s, superordinate %s", (host, under, superordinate) => {
    expect(isUnderDk(host)).toBe(under);
    expect(superordinateDomain(host)).toBe(superordinate);
  });
});
