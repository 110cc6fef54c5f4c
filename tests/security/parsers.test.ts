import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeCallbackUrl } from "@/lib/auth/callback-url";
import { loginEmail } from "@/lib/auth/login";
import { clientAddressFor, ipInCidrs, normaliseIp, parseCidrList, parseIp } from "@/lib/net/client-address";
import { checkActionRequest, isValidHostHeader } from "@/lib/net/host";
import { isRegistrantRoute } from "@/lib/proxy/registrant-routes";
import { RegistryError } from "@/lib/registry/errors";
import { defaultPolicy } from "@/lib/registry/policy";
import {
  checkGlue,
  normaliseNameServers,
  parseDomainName,
  parseHostName,
  parseOfferToken,
  parseOrderConfirmation,
  parseToken,
  superordinateDomain,
  validateDsRecord,
} from "@/lib/registry/rules";
import { signHop, verifyHop } from "@/server/hop";

/*
 * SEC-2 (issue 11): the parsers that read user input never fail with anything but the registry's
 * own errors (which become a 4xx-style refusal naming the input), or — for the request-level
 * helpers that answer yes/no — never throw at all. Inputs: arbitrary Unicode, plus generators
 * biased towards the shapes each parser knows (labels, dots, xn--, hex, digits, brackets).
 */

const runs = { numRuns: 400 };

/** Calls `fn`; passes when it returns or throws a RegistryError, fails on anything else. */
function onlyRegistryErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (error instanceof RegistryError) return true;
    throw error;
  }
}

const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 80 }));
const nameChars = fc.constantFrom(..."abcxyz019-._ æøåéßü\u0000\u200d\uff0e。xn--DK".split(""), "xn--", ".dk", "..", "--");
const nameLike = fc.oneof(anyText, fc.array(nameChars, { maxLength: 80 }).map((parts) => parts.join("")));
const hexChars = fc.constantFrom(..."0123456789abcdefABCDEFg- \n".split(""));
const hexLike = fc.array(hexChars, { maxLength: 40 }).map((c) => c.join(""));
const ipChars = fc.constantFrom(..."0123456789abcdefABCDEF:./%[]x -".split(""), "::ffff:", "127.0.0.1", "2001:db8::");
const ipLike = fc.oneof(anyText, fc.array(ipChars, { maxLength: 30 }).map((c) => c.join("")));

describe("SEC-2 (issue 11): property tests of the input parsers", () => {
  it("SEC-2: parseDomainName and parseHostName throw only RegistryError, and a parsed name parses to itself", () => {
    fc.assert(
      fc.property(nameLike, (input) => {
        onlyRegistryErrors(() => {
          const name = parseDomainName(input);
          expect(parseDomainName(name.aLabel)).toEqual(name);
          expect(parseDomainName(name.uLabel)).toEqual(name);
        });
        onlyRegistryErrors(() => {
          const host = parseHostName(input);
          expect(parseHostName(host)).toBe(host);
          superordinateDomain(host);
        });
      }),
      runs,
    );
  });

  it("SEC-2: name-server lists and glue throw only RegistryError", () => {
    fc.assert(
      fc.property(nameLike, fc.array(nameLike, { maxLength: 9 }), fc.array(ipLike, { maxLength: 3 }), fc.array(ipLike, { maxLength: 3 }), (domain, hosts, v4, v6) => {
        onlyRegistryErrors(() => normaliseNameServers(domain, hosts));
        onlyRegistryErrors(() => checkGlue(hosts[0] ?? domain, { ipv4: v4, ipv6: v6 }));
      }),
      runs,
    );
  });

  it("SEC-2: tokens, offer codes and order confirmations throw only RegistryError", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const tokenLike = fc.oneof(
      anyText,
      fc.tuple(fc.constantFrom("REG", "NSA", "PXY", "OWN", "reg", "XYZ", ""), fc.constantFrom("TRANSFER", "REDEL", "transfer", ""), hexLike).map(
        ([role, op, hex]) => `${role}-${op}-${hex}`,
      ),
    );
    fc.assert(
      fc.property(tokenLike, hexLike, fc.oneof(anyText, fc.bigInt().map(String), fc.double().map(String)), (token, offer, epoch) => {
        onlyRegistryErrors(() => parseToken(token));
        onlyRegistryErrors(() => parseOfferToken(offer));
        onlyRegistryErrors(() => parseOfferToken(token));
        onlyRegistryErrors(() => parseOrderConfirmation(epoch, defaultPolicy, now));
      }),
      runs,
    );
  });

  it("SEC-2: DS records with any numbers and digests throw only RegistryError", () => {
    const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(NaN, Infinity, -0, 2 ** 31, 2 ** 53));
    fc.assert(
      fc.property(nameLike, anyNumber, anyNumber, anyNumber, fc.oneof(hexLike, anyText), (domain, keyTag, algorithm, digestType, digest) => {
        onlyRegistryErrors(() => validateDsRecord(domain, { keyTag, algorithm, digestType, digest }));
      }),
      runs,
    );
  });

  it("SEC-2: the address helpers never throw on any input; CIDR lists only with their own message", () => {
    const cidrs = parseCidrList("10.0.0.0/8,::1/128");
    fc.assert(
      fc.property(ipLike, fc.oneof(ipLike, fc.array(ipLike, { maxLength: 4 })), (address, header) => {
        expect(() => parseIp(address)).not.toThrow();
        const normalised = normaliseIp(address);
        if (normalised !== null) expect(normaliseIp(normalised)).toBe(normalised);
        expect(() => ipInCidrs(address, cidrs)).not.toThrow();
        const client = clientAddressFor(address, header, cidrs);
        if (client !== null) expect(normaliseIp(client)).toBe(client);
        try {
          parseCidrList(address);
        } catch (error) {
          expect((error as Error).message).toMatch(/in CIDR list/);
        }
      }),
      runs,
    );
  });

  it("SEC-2: request-level checks (Host, action requests, callback URLs, routes, hop stamps, login email) never throw", () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        expect(typeof isValidHostHeader(a)).toBe("boolean");
        expect(checkActionRequest(a, b, c)).toHaveProperty("ok");
        expect(typeof isSafeCallbackUrl(a, "http://localhost:3000")).toBe("boolean");
        expect(typeof isRegistrantRoute(a)).toBe("boolean");
        expect(verifyHop(a)).toBeNull();
        const { email } = loginEmail(a, b);
        expect(email).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(email.length).toBeLessThanOrEqual(320);
      }),
      runs,
    );
  });

  it("SEC-1: a hop stamp verifies only unchanged, for the address it was made for", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.string({ maxLength: 4 }), (ip, noise) => {
        const address = normaliseIp(ip);
        if (!address) return;
        const stamp = signHop(address);
        expect(verifyHop(stamp)).toBe(address);
        if (noise) expect(verifyHop(stamp + noise)).toBeNull();
        expect(verifyHop(stamp.replace(address, address === "127.0.0.1" ? "127.0.0.2" : "127.0.0.1"))).toBeNull();
      }),
      runs,
    );
  });
});

describe("SEC-2 (issue 11): the request checks, by example", () => {
  it.each([
    ["localhost:3000", true],
    ["127.0.0.1", true],
    ["[::1]:3100", true],
    ["portal.example.dk", true],
    ["", false],
    [" ", false],
    ["a b", false],
    ["host:0", false],
    ["host:99999", false],
    ["[::1", false],
    ["evil.com/path", false],
    ["x".repeat(400), false],
  ])("SEC-2: Host %j valid → %s", (host, ok) => {
    expect(isValidHostHeader(host)).toBe(ok);
  });

  it.each([
    ["/messages", true],
    ["/", true],
    ["/messages?x=1", true],
    ["http://localhost:3000/domains", true],
    ["javascript:alert(7)", false],
    ["//evil.example/", false],
    ["/\\evil.example", false],
    ["https://evil.example/", false],
    ["http://", false],
    ["data:text/html,x", false],
  ])("SEC-2: callbackUrl %j safe → %s", (url, ok) => {
    expect(isSafeCallbackUrl(url, "http://localhost:3000")).toBe(ok);
  });

  it.each([
    ["/r/terms/0123456789abcdef0123456789abcdef", true],
    ["/r/offer/0123456789abcdef0123456789abcdef", true],
    ["/r/registrant-change/0123456789abcdef0123456789abcdef", true],
    ["/r/waiting-list", true],
    ["/r", false],
    ["/r/", false],
    ["/r/x", false],
    ["/r/terms/0123456789ABCDEF0123456789ABCDEF", false],
    ["/r/terms/0123456789abcdef0123456789abcdef/x", false],
    ["/r/waiting-listx", false],
    ["/rx/terms/0123456789abcdef0123456789abcdef", false],
  ])("SEC-1: %s is a registrant route → %s", (path, ok) => {
    expect(isRegistrantRoute(path)).toBe(ok);
  });

  it.each([
    ["POST", "10", "/messages", true],
    ["POST", String(1024 * 1024 + 1), "/messages", 413],
    ["POST", undefined, "/messages", 411],
    ["POST", "-1", "/messages", 400],
    ["GET", "10", "/messages", 405],
    ["POST", "10", "/favicon.ico", 400],
    ["POST", "10", "/_next/image?url=/x", 400],
    ["POST", "10", "/api/auth/csrf", 400],
  ] as const)("SEC-2: action %s with length %s to %s → %s", (method, length, url, expected) => {
    const check = checkActionRequest(method, length, url);
    expect(check.ok ? true : check.status).toBe(expected);
  });
});

describe("SEC-3 (issue 11): action schemas bound inputs to the database's types", () => {
  it.each([
    [[1], true],
    [[2_147_483_647], true],
    [[2_147_483_648], false],
    [[2 ** 53], false],
    [[0], false],
    [[1.5], false],
    [["12"], true],
    [["1e3"], true],
    [["x"], false],
  ])("SEC-3: ackMessages ids %j valid → %s", async (ids, ok) => {
    const { ackMessagesSchema } = await import("@/lib/schemas/messages");
    expect(ackMessagesSchema.safeParse({ ids }).success).toBe(ok);
  });

  it.each([
    ["2026-03-10", true],
    ["2028-02-29", true],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["0000-99-99", false],
    ["2026-3-10", false],
  ])("SEC-3: renewal curExpDate %s valid → %s", async (date, ok) => {
    const { renewDomainSchema } = await import("@/lib/schemas/domains");
    expect(renewDomainSchema.safeParse({ name: "example.dk", curExpDate: date }).success).toBe(ok);
  });
});
