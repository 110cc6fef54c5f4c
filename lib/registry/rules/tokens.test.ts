import { describe, expect, it } from "vitest";

import {
  formatToken,
  generateOfferToken,
  generateToken,
  generateTokenSecret,
  hashToken,
  parseOfferToken,
  parseToken,
  tokensEqual,
  type TokenOperation,
  type TokenRole,
} from "@/lib/registry/rules/tokens";

const SECRET = "0123456789abcdef0123456789abcdef";

describe("R-TOK-1 token format", () => {
  it.each([
    ["REG", "TRANSFER"],
    ["NSA", "REDEL"],
    ["PXY", "REDEL"],
    ["OWN", "TRANSFER"],
    ["OWN", "REDEL"],
  ] as const)("formats and parses %s-%s", (role, operation) => {
    const token = formatToken(role, operation, SECRET);
    expect(token).toBe(`${role}-${operation}-${SECRET}`);
    expect(parseToken(token)).toEqual({
      role,
      operation,
      kind: `${role}-${operation}`,
      secret: SECRET,
    });
  });

  it.each([
    ["REG", "REDEL"],
    ["NSA", "TRANSFER"],
    ["PXY", "TRANSFER"],
  ] as const)("formatToken refuses the non-existent kind %s-%s", (role, operation) => {
    expect(() => formatToken(role as TokenRole, operation as TokenOperation, SECRET)).toThrow(
      RangeError,
    );
  });

  it.each([
    `REG-REDEL-${SECRET}`,
    `NSA-TRANSFER-${SECRET}`,
    `reg-transfer-${SECRET}`,
    `REG-TRANSFER-${SECRET.toUpperCase()}`,
    `REG-TRANSFER-${SECRET.slice(1)}`,
    `REG-TRANSFER-${SECRET}0`,
    ` REG-TRANSFER-${SECRET}`,
    `REG-TRANSFER-${SECRET}\n`,
    `ABC-TRANSFER-${SECRET}`,
    `REG-TRANSFER-${SECRET.slice(0, 31)}g`,
    `REG_TRANSFER_${SECRET}`,
    "",
  ])("parseToken refuses %j with TOKEN_INVALID", (input) => {
    expect(() => parseToken(input)).toThrow(expect.objectContaining({ code: "TOKEN_INVALID" }));
  });

  it("does not echo the token in the error message", () => {
    let message = "";
    try {
      parseToken(`REG-TRANSFER-${SECRET}x`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe("");
    expect(message).not.toContain(SECRET);
  });

  it("generates 32 lowercase hex digits, different each time", () => {
    const a = generateTokenSecret();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(generateTokenSecret()).not.toBe(a);
    expect(parseToken(generateToken("NSA", "REDEL")).kind).toBe("NSA-REDEL");
  });
});

describe("R-TOK-2 hashing and constant-time comparison", () => {
  it("hashes to SHA-256 hex", () => {
    // sha256("abc"), the FIPS 180-2 test vector.
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hashToken(`REG-TRANSFER-${SECRET}`)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [hashToken("a"), hashToken("a"), true],
    [hashToken("a"), hashToken("b"), false],
    [hashToken("a"), hashToken("a").slice(1), false],
    ["", "", true],
  ])("tokensEqual case %# → %s", (a, b, expected) => {
    expect(tokensEqual(a, b)).toBe(expected);
  });
});

describe("R-REG-6 waiting-list offer token", () => {
  it.each([
    ["0a1b2c3d", "0a1b2c3d"],
    ["0A1B2C3D", "0a1b2c3d"],
    [" deadbeef ", "deadbeef"],
  ])("accepts %j as %s", (input, expected) => {
    expect(parseOfferToken(input)).toBe(expected);
  });

  it.each(["", "0a1b2c3", "0a1b2c3d4", "0a1b2c3g", "0a1b-2c3"])(
    "refuses %j with TOKEN_INVALID",
    (input) => {
      expect(() => parseOfferToken(input)).toThrow(
        expect.objectContaining({ code: "TOKEN_INVALID" }),
      );
    },
  );

  it("generates 8 lowercase hex digits", () => {
    expect(generateOfferToken()).toMatch(/^[0-9a-f]{8}$/);
  });
});
