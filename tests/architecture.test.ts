import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// ARCHITECTURE.md "Import rules": lib/registry is capability folders, each with one index, around a
// kernel at the root, and has no import cycle. ESLint enforces who may import what; this test walks
// the core's imports (type-only ones too) with the TypeScript parser and fails on any cycle.

const ROOT = path.resolve(import.meta.dirname, "..");
const CORE = path.join(ROOT, "lib/registry");

const KERNEL = [
  "actor-record.ts",
  "actor.ts",
  "audit.ts",
  "clock.ts",
  "context.ts",
  "errors.ts",
  "operation.ts",
  "permissions.ts",
  "policy-admin.ts",
  "policy-store.ts",
  "policy.ts",
  "retry.ts",
  "sandbox-clock.ts",
];
const FOLDERS = [
  "accounts",
  "billing",
  "bulk",
  "contacts",
  "domains",
  "lifecycle",
  "messages",
  "nameservers",
  "operator",
  "registrants",
  "rules",
  "tokens",
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The file an import specifier names, or null when it is a package or outside the repository. */
export function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every import and re-export of a file (`import`, `import type`, `export … from`, `import()`). */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** The cycles of a directed graph, each as a path that starts and ends at the same node. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function coreGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of walk(CORE)) {
    const targets = importsOf(file)
      .map((spec) => resolveImport(file, spec))
      .filter((t): t is string => t !== null && t.startsWith(CORE + path.sep));
    graph.set(path.relative(ROOT, file), [...new Set(targets.map((t) => path.relative(ROOT, t)))]);
  }
  return graph;
}

describe("lib/registry architecture", () => {
  it("finds a cycle when there is one (the checker itself)", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("sees the core's imports, re-exports and type imports", () => {
    const graph = coreGraph();
    expect(graph.get("lib/registry/operation.ts")).toContain("lib/registry/policy-store.ts");
    expect(graph.get("lib/registry/domains/index.ts")).toContain(
      "lib/registry/domains/registration.ts",
    );
    expect(graph.get("lib/registry/policy-store.ts")).toContain("lib/registry/policy.ts");
    expect(graph.size).toBeGreaterThan(60);
  });

  it("has no import cycle", () => {
    const cycles = findCycles(coreGraph()).map((c) => c.join(" → "));
    expect(cycles).toEqual([]);
  });

  it("keeps only the kernel at the root and an index in every folder", () => {
    const entries = readdirSync(CORE, { withFileTypes: true });
    const rootFiles = entries
      .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      .map((e) => e.name)
      .sort();
    expect(rootFiles).toEqual(KERNEL);
    const folders = entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual(FOLDERS);
    for (const folder of folders)
      expect(existsSync(path.join(CORE, folder, "index.ts"))).toBe(true);
  });
});
