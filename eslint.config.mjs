import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering (STYLE.md): app → lib/actions → lib/registry → lib/db. The core must not reach up.
const registryRestrictedImports = [
  "error",
  {
    patterns: [
      {
        group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"],
        message: "lib/registry is framework-free: no Next.js or React imports (DESIGN.md §2).",
      },
      {
        group: [
          "@/app",
          "@/app/*",
          "@/lib/actions",
          "@/lib/actions/*",
          "@/components",
          "@/components/*",
        ],
        message: "lib/registry must not import from app/, lib/actions/ or components/ (layering).",
      },
      {
        // The same layers reached by relative paths.
        regex: "^\\.{1,2}/(?:.*/)?(?:app|components|actions)(?:/|$)",
        message: "lib/registry must not import from app/, lib/actions/ or components/ (layering).",
      },
    ],
  },
];

export default defineConfig([
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "data/**",
    "playwright-report/**",
    "test-results/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTs,
  {
    // Type-aware rules where they catch real bugs: un-awaited promises in actions and the core.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "warn",
        { prefer: "type-imports", fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ["lib/registry/**"],
    rules: { "no-restricted-imports": registryRestrictedImports },
  },
]);
