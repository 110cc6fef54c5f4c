import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several work trees run their own e2e server side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const isCI = Boolean(process.env.CI);

// Playwright cannot download browsers here: use Debian's Chromium (DESIGN.md §7).
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  fullyParallel: false,
  forbidOnly: isCI,
  // Flaky tests get fixed, not retried (STYLE.md).
  retries: 0,
  // One worker: the specs share one server and its demo users (a lockout test locks one of them).
  workers: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUT
    ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUT }]]
    : "list",
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [
    { name: "chromium", testDir: "e2e", testIgnore: "last/**", use: { ...devices["Desktop Chrome"] } },
    // SEC-1…7 (issue 11): raw HTTP against the same server, from 127.0.0.2 and with malformed
    // input; no browser. The *.test.ts files beside them are Vitest's (property tests).
    { name: "security", testDir: "tests/security", testMatch: "**/*.spec.ts" },
    // Issue 21's "Reset demo data" empties the registry: after every other spec, never among them.
    {
      name: "sandbox-reset",
      testDir: "e2e/last",
      dependencies: ["chromium", "security"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    // npm start migrates, seeds and builds if needed, then runs server/entry.ts.
    command: "rm -rf data/e2e && npm start",
    url: `${baseURL}/login`,
    // A short account lock, so the lockout spec can also see it lift.
    env: { PORT: String(port), DATA_DIR: "data/e2e", LOGIN_ACCOUNT_WINDOW_MINUTES: "0.25" },
    // a production build of the whole portal takes minutes on two busy cores
    timeout: 900_000,
    reuseExistingServer: !isCI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
