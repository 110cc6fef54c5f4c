import { describe, expect, it } from "vitest";
import { translateError, translateFieldMessage } from "@/lib/i18n/errors";
import { errorCodeList } from "@/lib/registry/errors";

// Intl separates amount and currency with a no-break space
const text = (code: string, details: unknown, locale: "en" | "da") =>
  translateError(code, details, locale).replaceAll("\u00a0", " ");

// Issue 12: every core refusal reaches the user in the user's language, with its parameters.
describe("core errors in the reader's language", () => {
  it("names the balance and the price in Danish and English formats", () => {
    const details = { required: 4500, balance: 1234_50 };
    expect(text("INSUFFICIENT_FUNDS", details, "da")).toBe(
      "Jeres saldo (1.234,50 kr.) dækker ikke prisen (45,00 kr.).",
    );
    expect(text("INSUFFICIENT_FUNDS", details, "en")).toBe(
      "Your balance (DKK 1,234.50) does not cover the price (DKK 45.00).",
    );
  });

  it("formats registry dates per language", () => {
    const details = { exDate: "2026-12-08", curExpDate: "2026-12-09" };
    expect(translateError("EXPIRY_DATE_MISMATCH", details, "da")).toBe(
      "Domænenavnet udløber 08.12.2026, ikke 09.12.2026.",
    );
    expect(translateError("EXPIRY_DATE_MISMATCH", details, "en")).toBe(
      "The domain name expires on 8 Dec 2026, not on 9 Dec 2026.",
    );
  });

  it("falls back to the code's general message when a parameter is missing", () => {
    expect(translateError("INSUFFICIENT_FUNDS", {}, "da")).toBe("Jeres forudbetalte saldo dækker ikke dette.");
  });

  it("has a message for every code in both languages, never the bare code", () => {
    for (const { code } of errorCodeList) {
      for (const locale of ["en", "da"] as const) {
        const text = translateError(code, undefined, locale);
        expect(text, `${code} (${locale})`).not.toBe(code);
        expect(text.length).toBeGreaterThan(5);
      }
    }
    expect(translateError("NOT_FOUND", undefined, "da")).not.toBe(translateError("NOT_FOUND", undefined, "en"));
  });

  it("translates field messages that are catalogue keys and leaves other text alone", () => {
    expect(translateFieldMessage("errors.NOT_FOUND", "da")).toBe(translateError("NOT_FOUND", undefined, "da"));
    expect(translateFieldMessage("Enter your email", "da")).toBe("Enter your email");
    expect(translateFieldMessage("no.such.key", "en")).toBe("no.such.key");
  });
});
