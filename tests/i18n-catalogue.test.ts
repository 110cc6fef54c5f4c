import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorCodeList } from "@/lib/registry/errors";

// Issue 12: all UI text lives in messages/<locale>/<namespace>.json; English and Danish never
// drift — same namespaces, same keys, same {parameters} in each message.
const dir = new URL("../messages/", import.meta.url);
const load = (locale: string): Record<string, unknown> =>
  Object.fromEntries(
    readdirSync(new URL(`${locale}/`, dir))
      .filter((f) => f.endsWith(".json"))
      .map((f) => [
        f.slice(0, -5),
        JSON.parse(readFileSync(new URL(`${locale}/${f}`, dir), "utf8")) as unknown,
      ]),
  );

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function pick(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}

/** The ICU arguments a message uses: `{name}`, `{count, plural, …}` → name, count. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe("message catalogues", () => {
  const en = load("en");
  const da = load("da");

  it("English and Danish have exactly the same keys", () => {
    const enKeys = new Set(keysOf(en));
    const daKeys = new Set(keysOf(da));
    expect(enKeys.size).toBeGreaterThan(50);
    expect([...enKeys].filter((k) => !daKeys.has(k))).toEqual([]);
    expect([...daKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it("each message uses the same parameters in both languages", () => {
    const differing = keysOf(en).filter(
      (k) =>
        typeof pick(da, k) === "string" &&
        argumentsOf(String(pick(en, k))).join() !== argumentsOf(String(pick(da, k))).join(),
    );
    expect(differing).toEqual([]);
  });

  it("every core error code has a message in both languages", () => {
    for (const catalogue of [en, da]) {
      const keys = new Set(keysOf(catalogue));
      const missing = errorCodeList
        .map((e) => `errors.${e.code}`)
        .filter((k) => !keys.has(k) && ![...keys].some((key) => key.startsWith(`${k}.`)));
      expect(missing).toEqual([]);
    }
  });

  it("no message is empty", () => {
    const empty = (c: unknown) => keysOf(c).filter((k) => !String(pick(c, k)).trim());
    expect([...empty(en), ...empty(da)]).toEqual([]);
  });
});
