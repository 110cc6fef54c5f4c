import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDeadline,
  formatLastDay,
  formatMoney as formatMoneyNbsp,
} from "@/lib/format";

// Intl puts a no-break space between amount and currency (so it never wraps); compare as spaces.
const formatMoney = (ore: number, locale: "en" | "da") =>
  formatMoneyNbsp(ore, locale).replace(/\u00a0/g, " ");

describe("formatting (issue 12: Danish and English formats)", () => {
  it("money: 1.234,50 kr. in Danish, DKK 1,234.50 in English, from integer øre", () => {
    expect(formatMoney(123450, "da")).toBe("1.234,50 kr.");
    expect(formatMoney(123450, "en")).toBe("DKK 1,234.50");
    expect(formatMoney(-4500, "da")).toBe("-45,00 kr.");
    expect(() => formatMoney(1.5, "en")).toThrow(RangeError);
  });

  it("dates: 24.11.2026 in Danish, 24 Nov 2026 in English, whatever the process time zone", () => {
    expect(formatDate("2026-11-24", "da")).toBe("24.11.2026");
    expect(formatDate("2026-11-24", "en")).toBe("24 Nov 2026");
    // 23:30 UTC on 31 Dec is already 1 Jan in Copenhagen
    expect(formatDate(new Date("2026-12-31T23:30:00Z"), "en")).toBe("1 Jan 2027");
  });

  it("instants are shown in Copenhagen time, 24-hour clock", () => {
    expect(formatDateTime(new Date("2026-07-01T12:05:00Z"), "en")).toBe("1 Jul 2026, 14:05");
    expect(formatDateTime(new Date("2026-07-01T12:05:00Z"), "da")).toMatch(/^01\.07\.2026,? (kl\. )?14[.:]05$/);
  });

  it("a deadline reads as the last moment still possible, never the first refused one", () => {
    // restore refused from 00:00 Copenhagen on 9 Dec 2026 (= 23:00 UTC on 8 Dec)
    expect(formatDeadline(new Date("2026-12-08T23:00:00Z"), "en")).toBe("8 Dec 2026, 23:59");
    expect(formatLastDay("2026-12-09", "da")).toBe("08.12.2026");
    expect(formatLastDay("2027-01-01", "en")).toBe("31 Dec 2026");
  });
});
