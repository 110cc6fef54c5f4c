import { describe, expect, it } from "vitest";

import { fakeClock, fixedClock, systemClock } from "@/lib/registry/clock";

describe("clock", () => {
  it("systemClock follows real time", () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("fixedClock returns independent copies of one instant", () => {
    const clock = fixedClock("2026-03-20T10:00:00Z");
    const first = clock.now();
    first.setFullYear(2000);
    expect(clock.now().toISOString()).toBe("2026-03-20T10:00:00.000Z");
  });

  it.each([
    [{ days: 1 }, "2026-01-16T10:00:00.000Z"],
    [{ hours: 25, minutes: 30 }, "2026-01-16T11:30:00.000Z"],
    [{ seconds: -60 }, "2026-01-15T09:59:00.000Z"],
    [1_000, "2026-01-15T10:00:01.000Z"],
  ])("fakeClock.advance(%j) → %s", (by, expected) => {
    const clock = fakeClock("2026-01-15T10:00:00Z");
    expect(clock.advance(by).toISOString()).toBe(expected);
    expect(clock.now().toISOString()).toBe(expected);
  });

  it("fakeClock.set jumps and refuses invalid dates", () => {
    const clock = fakeClock();
    clock.set("2030-01-01T00:00:00Z");
    expect(clock.now().toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(() => clock.set("nonsense")).toThrow(RangeError);
    expect(() => fixedClock("nonsense")).toThrow(RangeError);
  });
});
