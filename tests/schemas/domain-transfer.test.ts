import { describe, expect, it } from "vitest";
import {
  changeRegistrantSchema,
  copenhagenWallTimeToEpochSeconds,
  issueTransferTokenSchema,
  transferDomainSchema,
} from "@/lib/schemas/domain-transfer";

// Issue 16: the forms' schemas. R-CHG-2's order confirmation is typed as Copenhagen wall time and
// sent to the core as epoch seconds.

describe("R-CHG-2 order confirmation as epoch seconds", () => {
  it("R-CHG-2 reads a datetime-local value as Copenhagen time, winter and summer", () => {
    expect(copenhagenWallTimeToEpochSeconds("2026-01-15T10:30")).toBe(String(Date.UTC(2026, 0, 15, 9, 30) / 1000));
    expect(copenhagenWallTimeToEpochSeconds("2026-07-15T10:30")).toBe(String(Date.UTC(2026, 6, 15, 8, 30) / 1000));
    expect(copenhagenWallTimeToEpochSeconds("2026-07-15T10:30:15")).toBe(String(Date.UTC(2026, 6, 15, 8, 30, 15) / 1000));
  });

  it("R-CHG-2 refuses no time or no such date; leaves it out when empty", () => {
    expect(copenhagenWallTimeToEpochSeconds("2026-02-30T10:00")).toBeNull();
    expect(copenhagenWallTimeToEpochSeconds("yesterday")).toBeNull();
    const bad = changeRegistrantSchema.safeParse({ name: "a.dk", newRegistrant: "X1-DK", orderConfirmation: "soon" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["orderConfirmation"], message: "domainTransfer.validation.orderConfirmation" });
    expect(changeRegistrantSchema.parse({ name: "a.dk", newRegistrant: "X1-DK", orderConfirmation: "" }).orderConfirmation).toBeNull();
    expect(changeRegistrantSchema.parse({ name: "a.dk", newRegistrant: "X1-DK" }).orderConfirmation).toBeNull();
  });
});

describe("transfer forms", () => {
  it("R-TOK-3 needs a domain name and a token; a TOTP code is six digits or nothing", () => {
    expect(transferDomainSchema.safeParse({ name: " ", token: "" }).error?.issues.map((i) => i.message)).toEqual([
      "domainTransfer.validation.name",
      "domainTransfer.validation.token",
    ]);
    expect(issueTransferTokenSchema.safeParse({ name: "a.dk", totpCode: "12345" }).success).toBe(false);
    expect(issueTransferTokenSchema.safeParse({ name: "a.dk", totpCode: "" }).success).toBe(true);
    expect(issueTransferTokenSchema.safeParse({ name: "a.dk", totpCode: "123456" }).success).toBe(true);
  });
});
