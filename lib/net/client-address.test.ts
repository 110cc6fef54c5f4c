import { describe, expect, it } from "vitest";
import { clientAddressFor, ipInCidrs, normaliseIp, parseCidrList } from "./client-address";

describe("normaliseIp", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:127.0.0.1", "127.0.0.1"],
    ["::1", "::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    [" 10.0.0.1 ", "10.0.0.1"],
    ["127.1", null],
    ["0x7f.0.0.1", null],
    ["010.0.0.1", null],
    ["not-an-ip", null],
    ["", null],
    [undefined, null],
  ])("%j → %j", (input, expected) => {
    expect(normaliseIp(input)).toBe(expected);
  });
});

describe("parseCidrList and ipInCidrs", () => {
  const cidrs = parseCidrList("10.0.0.0/8, 192.168.1.5 ,::1/128, fd00::/8, ::ffff:172.16.0.0/108");

  it.each([
    ["10.1.2.3", true],
    ["::ffff:10.1.2.3", true],
    ["11.0.0.1", false],
    ["192.168.1.5", true],
    ["192.168.1.6", false],
    ["::1", true],
    ["::2", false],
    ["fd12:3456::1", true],
    ["fe80::1", false],
    ["172.16.9.9", true],
    ["172.32.0.1", false],
    ["garbage", false],
  ])("%s in list → %s", (address, expected) => {
    expect(ipInCidrs(address, cidrs)).toBe(expected);
  });

  it("reads an empty or missing list as no CIDRs", () => {
    expect(parseCidrList(undefined)).toEqual([]);
    expect(parseCidrList(" , ")).toEqual([]);
  });

  it.each(["10.0.0.0/33", "::1/129", "10.0.0.0/x", "nonsense/8", "10.0.0.0/"])(
    "rejects %j",
    (entry) => {
      expect(() => parseCidrList(entry)).toThrow(/CIDR list/);
    },
  );
});

describe("clientAddressFor", () => {
  const trusted = parseCidrList("10.0.0.0/8,::1/128");

  it.each([
    // [case, socket peer, X-Forwarded-For, expected]
    ["IPv4-mapped peer is normalised", "::ffff:203.0.113.7", undefined, "203.0.113.7"],
    ["untrusted peer: header ignored", "203.0.113.7", "127.0.0.1", "203.0.113.7"],
    ["untrusted mapped peer: header ignored", "::ffff:127.0.0.2", "127.0.0.1", "127.0.0.2"],
    ["trusted peer takes the last hop", "10.0.0.1", "1.1.1.1, 198.51.100.1", "198.51.100.1"],
    ["trusted mapped peer", "::ffff:10.2.3.4", "198.51.100.1", "198.51.100.1"],
    ["v6 CIDR contains ::1", "::1", "198.51.100.1", "198.51.100.1"],
    ["trusted hops are skipped", "10.0.0.1", "9.9.9.9, 198.51.100.1, 10.0.0.2", "198.51.100.1"],
    ["mapped hop is normalised", "10.0.0.1", "::ffff:198.51.100.1", "198.51.100.1"],
    ["v6 hop", "10.0.0.1", "2001:DB8::1", "2001:db8::1"],
    ["hop with port", "10.0.0.1", "198.51.100.1:5555", "198.51.100.1"],
    ["bracketed v6 hop with port", "10.0.0.1", "[2001:db8::1]:443", "2001:db8::1"],
    ["array header", "10.0.0.1", ["1.1.1.1", "198.51.100.1"], "198.51.100.1"],
    ["trusted peer, no header", "10.0.0.1", undefined, "10.0.0.1"],
    ["trusted peer, empty header", "10.0.0.1", " , ", "10.0.0.1"],
    ["garbage header", "10.0.0.1", "<script>", "10.0.0.1"],
    ["garbage last hop", "10.0.0.1", "198.51.100.1, garbage", "10.0.0.1"],
    ["short-form IPv4 hop is garbage", "10.0.0.1", "127.1", "10.0.0.1"],
  ] as const)("%s", (_name, peer, header, expected) => {
    expect(clientAddressFor(peer, header, trusted)).toBe(expected);
  });

  it("ignores the header when no proxy is trusted", () => {
    expect(clientAddressFor("10.0.0.1", "198.51.100.1", [])).toBe("10.0.0.1");
  });

  it("returns null when the socket address is missing or invalid", () => {
    expect(clientAddressFor(undefined, "198.51.100.1", trusted)).toBeNull();
    expect(clientAddressFor("bogus", "198.51.100.1", trusted)).toBeNull();
  });
});
