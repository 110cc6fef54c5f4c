import { describe, expect, it } from "vitest";

import {
  errorCatalogue,
  errorCodeList,
  isRegistryError,
  RegistryError,
} from "@/lib/registry/errors";

describe("RegistryError", () => {
  it("carries code, message and details", () => {
    const error = new RegistryError(
      "DOMAIN_NOT_RENEWABLE",
      "Domain eksempel.dk cannot be renewed before 2026-03-20",
      {
        reason: "RENEWAL_WINDOW",
      },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("RegistryError");
    expect(error.code).toBe("DOMAIN_NOT_RENEWABLE");
    expect(error.message).toBe("Domain eksempel.dk cannot be renewed before 2026-03-20");
    expect(error.details).toEqual({ reason: "RENEWAL_WINDOW" });
    expect(new RegistryError("NOT_FOUND", "Domain x.dk not found").details).toBeUndefined();
  });

  it.each([
    [new RegistryError("CONFLICT", "x"), undefined, true],
    [new RegistryError("CONFLICT", "x"), "CONFLICT", true],
    [new RegistryError("CONFLICT", "x"), "NOT_FOUND", false],
    [new Error("x"), undefined, false],
    [{ code: "CONFLICT" }, undefined, false],
  ] as const)("isRegistryError case %#", (value, code, expected) => {
    expect(isRegistryError(value, code)).toBe(expected);
  });

  it("lists every code once, with an aggregate and a one-line meaning", () => {
    const codes = errorCodeList.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(
      Object.values(errorCatalogue).reduce((n, group) => n + Object.keys(group).length, 0),
    );
    for (const entry of errorCodeList) {
      expect(entry.meaning).toMatch(/^[A-Z].*\.$/);
      expect(entry.meaning).not.toContain("\n");
    }
    expect(errorCodeList).toContainEqual(
      expect.objectContaining({ code: "INSUFFICIENT_FUNDS", aggregate: "common" }),
    );
  });
});
