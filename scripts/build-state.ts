// Whether the production build in `.next` is missing, older than a source it is built from, or
// current: `npm start` rebuilds unless current; tests that run the build skip unless current.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function buildState(root: string): "missing" | "stale" | "current" {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return "missing";
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  return statSync(buildId).mtimeMs >= changedAt ? "current" : "stale";
}
