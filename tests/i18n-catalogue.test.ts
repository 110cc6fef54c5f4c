import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorCodeList } from "@/lib/registry/errors";

// Issue 12: all UI text lives in messages/en.json and messages/da.json; the two never drift.
const load = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8")) as unknown;

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  const en = load("en");
  const da = load("da");

  it("English and Danish have exactly the same keys", () => {
    const enKeys = new Set(keysOf(en));
    const daKeys = new Set(keysOf(da));
    expect([...enKeys].filter((k) => !daKeys.has(k))).toEqual([]);
    expect([...daKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it("every core error code has a message in both languages", () => {
    for (const catalogue of [en, da]) {
      const keys = new Set(keysOf(catalogue));
      expect(errorCodeList.map((e) => `errors.${e.code}`).filter((k) => !keys.has(k))).toEqual([]);
    }
  });

  it("no message is empty", () => {
    const empty = (c: unknown) => keysOf(c).filter((k) => !String(pick(c, k)).trim());
    expect([...empty(en), ...empty(da)]).toEqual([]);
  });
});

function pick(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}
