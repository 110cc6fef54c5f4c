import { describe, expect, it } from "vitest";

import { checkGlue, normaliseNameServers, replacesAll } from "@/lib/registry/rules/nameservers";

describe("R-NS-4 normaliseNameServers", () => {
  it.each<[string[], string[]]>([
    [
      ["ns1.example.dk", "ns2.example.dk"],
      ["ns1.example.dk", "ns2.example.dk"],
    ],
    [
      ["NS2.Example.com.", "ns1.example.net"],
      ["ns2.example.com", "ns1.example.net"],
    ],
    [
      ["ns.æblegrød.dk", "ns.example.dk"],
      ["ns.xn--blegrd-oua3m.dk", "ns.example.dk"],
    ],
    [
      [
        "a.example.dk",
        "b.example.dk",
        "c.example.dk",
        "d.example.dk",
        "e.example.dk",
        "f.example.dk",
        "g.example.dk",
      ],
      [
        "a.example.dk",
        "b.example.dk",
        "c.example.dk",
        "d.example.dk",
        "e.example.dk",
        "f.example.dk",
        "g.example.dk",
      ],
    ],
  ])("accepts %j", (hosts, expected) => {
    expect(normaliseNameServers("eksempel.dk", hosts)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [[], "NAMESERVER_COUNT_INVALID"],
    [["ns1.example.dk"], "NAMESERVER_COUNT_INVALID"],
    [
      ["a.x.dk", "b.x.dk", "c.x.dk", "d.x.dk", "e.x.dk", "f.x.dk", "g.x.dk", "h.x.dk"],
      "NAMESERVER_COUNT_INVALID",
    ],
    [["ns1.example.dk", "NS1.EXAMPLE.DK."], "NAMESERVER_DUPLICATE"],
    [["ns.æblegrød.dk", "ns.xn--blegrd-oua3m.dk"], "NAMESERVER_DUPLICATE"],
    [["ns1.example.dk", "ns_2.example.dk"], "INVALID_HOST_NAME"],
  ])("refuses %j with %s", (hosts, code) => {
    expect(() => normaliseNameServers("eksempel.dk", hosts)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe("R-NS-4 replacesAll (DS records removed)", () => {
  it.each<[string[], string[], boolean]>([
    [["ns1.a.dk", "ns2.a.dk"], ["ns1.b.dk", "ns2.b.dk"], true],
    [["ns1.a.dk", "ns2.a.dk"], ["ns2.a.dk", "ns3.b.dk"], false],
    [["ns1.a.dk", "ns2.a.dk"], ["NS1.A.DK.", "ns3.b.dk"], false],
    [["ns1.a.dk", "ns2.a.dk"], ["ns2.a.dk", "ns1.a.dk"], false],
    [[], ["ns1.b.dk", "ns2.b.dk"], false],
  ])("%j → %j replaces all: %s", (current, next, expected) => {
    expect(replacesAll(current, next)).toBe(expected);
  });
});

describe("R-NS-1 checkGlue", () => {
  it.each<[string, string[], string[], { ipv4: string[]; ipv6: string[] }]>([
    [
      "ns1.example.dk",
      ["192.0.2.1"],
      ["2001:DB8:0:0::1"],
      { ipv4: ["192.0.2.1"], ipv6: ["2001:db8::1"] },
    ],
    ["ns1.example.dk", ["198.51.100.7", "198.51.100.7"], [], { ipv4: ["198.51.100.7"], ipv6: [] }],
    [
      "ns1.example.dk",
      [],
      ["2a00:1450:4001::1", "2a00:1450:4001:0::1"],
      { ipv4: [], ipv6: ["2a00:1450:4001::1"] },
    ],
    ["ns1.example.com", [], [], { ipv4: [], ipv6: [] }],
    ["ns1.example.dk", [], [], { ipv4: [], ipv6: [] }],
  ])("accepts glue for %s: %j %j", (host, ipv4, ipv6, expected) => {
    expect(checkGlue(host, { ipv4, ipv6 })).toEqual(expected);
  });

  it.each<[string, string[], string[], string]>([
    ["ns1.example.com", ["192.0.2.1"], [], "GLUE_NOT_ALLOWED"],
    ["ns1.example.com", [], ["2001:db8::1"], "GLUE_NOT_ALLOWED"],
    ["ns1.example.dk", ["192.0.2"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", ["010.0.2.1"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", ["2001:db8::1"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", [], ["192.0.2.1"], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", ["127.0.0.1"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", ["10.1.2.3"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", ["0.0.0.0"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", ["224.0.0.1"], [], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", [], ["::1"], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", [], ["fe80::1%eth0"], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", [], ["fd00::1"], "INVALID_IP_ADDRESS"],
    ["ns1.example.dk", [], ["::ffff:192.0.2.1"], "INVALID_IP_ADDRESS"],
  ])("refuses glue for %s: %j %j with %s", (host, ipv4, ipv6, code) => {
    expect(() => checkGlue(host, { ipv4, ipv6 })).toThrow(expect.objectContaining({ code }));
  });
});
