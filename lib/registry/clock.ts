// The clock is injected everywhere (DESIGN.md §2 "Time"): the core never calls `new Date()` so
// that lifecycle and expiry tests can move time instead of waiting for it.

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

// The sandbox clock offset (issue 21): in the sandbox the operator may run the registry's clock
// ahead, so a month of lifecycle can be shown in a minute. Stored in SandboxSetting; this
// process's copy lives on globalThis (the server entry and Next's bundle load this module
// separately) and is refreshed from the database by operator/sandbox.ts `refreshClockOffset`.
const offsetHolder = globalThis as { __rpClockOffset?: { ms: number; loadedAt: number } };

/** This process's clock offset in ms, and when it was loaded (0 = never). */
export function clockOffset(): { ms: number; loadedAt: number } {
  return offsetHolder.__rpClockOffset ?? { ms: 0, loadedAt: 0 };
}

export function setClockOffset(ms: number, loadedAt = Date.now()): void {
  offsetHolder.__rpClockOffset = { ms, loadedAt };
}

/** Real time plus the sandbox offset (0 outside the sandbox): the clock of requests and the worker. */
export const registryClock: Clock = { now: () => new Date(Date.now() + clockOffset().ms) };

/** A clock stuck at one instant. Returns a copy each time so callers cannot mutate it. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  assertValidTime(ms);
  return { now: () => new Date(ms) };
}

export type Duration = {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  ms?: number;
};

export type FakeClock = Clock & {
  /** Moves time forward (or back, with negative values) by an exact duration. */
  advance(by: Duration | number): Date;
  set(at: Date | string | number): Date;
};

/**
 * A test clock that moves only when told. `advance` adds elapsed time (24 h per day), not
 * calendar days: use the date helpers in rules/dates.ts when a test needs "same local time
 * tomorrow" across a DST change.
 */
export function fakeClock(start: Date | string | number = "2026-01-15T10:00:00Z"): FakeClock {
  let ms = new Date(start).getTime();
  assertValidTime(ms);
  return {
    now: () => new Date(ms),
    advance(by) {
      ms += typeof by === "number" ? by : durationToMs(by);
      return new Date(ms);
    },
    set(at) {
      const next = new Date(at).getTime();
      assertValidTime(next);
      ms = next;
      return new Date(ms);
    },
  };
}

function durationToMs({ days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0 }: Duration): number {
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

function assertValidTime(ms: number): void {
  // A programming error, not a registry outcome: fail loudly rather than run with NaN time.
  if (Number.isNaN(ms)) throw new RangeError("Clock needs a valid date");
}
