import { describe, expect, it } from "vitest";

import { defaultPolicy } from "@/lib/registry/policy";
import { parseOrderConfirmation } from "@/lib/registry/rules/order-confirmation";

const NOW = new Date("2026-01-15T10:00:00Z");
const seconds = (iso: string) => String(Date.parse(iso) / 1000);

describe("R-CHG-2 parseOrderConfirmation", () => {
  it.each([
    ["now", seconds("2026-01-15T10:00:00Z")],
    ["exactly 24 h ahead", seconds("2026-01-16T10:00:00Z")],
    ["exactly 30 days old", seconds("2025-12-16T10:00:00Z")],
    ["with surrounding whitespace", ` ${seconds("2026-01-15T09:00:00Z")} `],
  ])("accepts a token %s", (_, token) => {
    expect(parseOrderConfirmation(token, defaultPolicy, NOW).getTime()).toBe(
      Number(token.trim()) * 1000,
    );
  });

  it.each([
    ["24 h + 1 s ahead", seconds("2026-01-16T10:00:01Z"), "TOO_FAR_AHEAD"],
    ["30 days + 1 s old", seconds("2025-12-16T09:59:59Z"), "TOO_OLD"],
    ["epoch zero", "0", "TOO_OLD"],
    ["milliseconds", String(Date.parse("2026-01-15T10:00:00Z")), "MALFORMED"],
    ["negative", "-1", "MALFORMED"],
    ["fractional", "1768471200.5", "MALFORMED"],
    ["ISO text", "2026-01-15T10:00:00Z", "MALFORMED"],
    ["empty", "", "MALFORMED"],
  ])("refuses a token %s with ORDER_CONFIRMATION_INVALID (%s)", (_, token, reason) => {
    expect(() => parseOrderConfirmation(token, defaultPolicy, NOW)).toThrow(
      expect.objectContaining({
        code: "ORDER_CONFIRMATION_INVALID",
        details: expect.objectContaining({ reason }),
      }),
    );
  });
});
