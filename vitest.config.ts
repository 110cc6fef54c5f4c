import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React's server environment; tests are server code too.
      "server-only": fileURLToPath(new URL("tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    // Database tests each open their own PGlite or PostgreSQL schema; two cores is our budget.
    maxWorkers: 2,
    testTimeout: 60_000,
    // CI adds a JSON report so .ci/run can print one closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_OUT ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON_OUT ? { json: process.env.VITEST_JSON_OUT } : undefined,
    hookTimeout: 120_000,
  },
});
