import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// ARCHITECTURE.md "Import rules", proven on fixtures run through the project's own ESLint config:
// a page may import a core folder's index, never lib/db nor a file inside a core folder; the core
// may not import the login layer nor Next.js.

const cwd = path.resolve(import.meta.dirname, "..");
// The fixtures are not files on disk, so the type-aware parser and rules are off for them; the
// import rules under test come unchanged from eslint.config.mjs.
const eslint = new ESLint({
  cwd,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/no-misused-promises": "off",
      "@typescript-eslint/await-thenable": "off",
    },
  },
});

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error("ESLint returned no result");
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]); // a parse failure would make every assertion below meaningless
  return {
    errors: result.errorCount,
    restricted: result.messages.filter((m) => m.ruleId === "no-restricted-imports").length,
  };
}

const page = (imports: string, use: string) =>
  `${imports}\n\nexport default async function Page() {\n  return <p>{String(${use})}</p>;\n}\n`;
const PAGE = "app/(portal)/fixture/page.tsx";

describe("lint fixtures", { timeout: 120_000 }, () => {
  it("fails a page that imports lib/db", async () => {
    const r = await lint(PAGE, page('import { getPrisma } from "@/lib/db/client";', "getPrisma"));
    expect(r.errors).toBeGreaterThan(0);
    expect(r.restricted).toBe(1);
  });

  it("fails a page that imports a file inside a core folder", async () => {
    const code = page(
      'import { registerDomain } from "@/lib/registry/domains/registration";',
      "registerDomain",
    );
    const r = await lint(PAGE, code);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.restricted).toBe(1);
  });

  it("passes a page that imports a core folder's index and a kernel file", async () => {
    const code = page(
      'import { registerDomain } from "@/lib/registry/domains";\nimport { can } from "@/lib/registry/permissions";',
      "[registerDomain, can]",
    );
    const r = await lint(PAGE, code);
    expect(r).toEqual({ errors: 0, restricted: 0 });
  });

  it("fails core code that imports the login layer or Next.js", async () => {
    const file = "lib/registry/accounts/fixture.ts";
    const auth = await lint(file, 'export { requireActor } from "@/lib/auth/actor";\n');
    expect(auth.restricted).toBe(1);
    const next = await lint(file, 'export { headers } from "next/headers";\n');
    expect(next.restricted).toBe(1);
  });
});
