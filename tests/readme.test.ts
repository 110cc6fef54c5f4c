import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorCodeList } from "@/lib/registry/errors";

describe("README", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  it("lists every error code the core can return", () => {
    const missing = errorCodeList.map((e) => e.code).filter((c) => !readme.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });
});
