import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering (STYLE.md): app → lib/actions → lib/registry → lib/db. The core must not reach up.
const registryRestrictedImports = [
  "error",
  {
    patterns: [
      {
        // next, next/*, next-auth, next-intl, react, react-dom, react-hook-form, …
        group: ["next*", "react*"],
        message: "lib/registry is framework-free: no Next.js or React imports (DESIGN.md §2).",
      },
      {
        group: ["@/lib/auth", "@/lib/auth/*"],
        message:
          "lib/registry must not import the login layer (lib/auth); shared credential code lives in lib/crypto/ (ARCHITECTURE.md).",
      },
      {
        regex: "^\\.{1,2}/(?:.*/)?auth(?:/|$)",
        message:
          "lib/registry must not import the login layer (lib/auth); shared credential code lives in lib/crypto/ (ARCHITECTURE.md).",
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

// Outside the core, a capability folder is imported through its index only (`@/lib/registry/domains`),
// or a kernel file at the root (`@/lib/registry/operation`); never a file inside a folder.
const deepCore = {
  group: ["@/lib/registry/*/*"],
  message:
    "Import a core folder's index (@/lib/registry/<folder>) or a kernel file, never a file inside a folder (ARCHITECTURE.md).",
};
const deepCoreRelative = {
  regex: "^(?:\\.{1,2}/)+lib/registry/[^/]+/",
  message: deepCore.message,
};
// Pages, layouts and components reach data only through the core, never the database client.
const noDb = [
  {
    group: ["@/lib/db", "@/lib/db/*"],
    message:
      "Pages and components never import lib/db: ask the core (lib/registry) (ARCHITECTURE.md).",
  },
  {
    regex: "^(?:\\.{1,2}/)+lib/db(?:/|$)",
    message:
      "Pages and components never import lib/db: ask the core (lib/registry) (ARCHITECTURE.md).",
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
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...noDb, deepCore, deepCoreRelative] }],
    },
  },
  {
    files: [
      "lib/actions/**",
      "lib/auth/**",
      "lib/proxy/**",
      "scripts/**",
      "server/**",
      "prisma/**",
      "bench/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [deepCore, deepCoreRelative] }] },
  },
]);
