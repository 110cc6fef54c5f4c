// npm start: build when needed, migrate, seed the demo registry on first start, then serve the
// portal through the server entry that fixes the client address (DESIGN.md §5).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseTargetFromEnv } from "../lib/db/config";
import { closePglite } from "../lib/db/pglite";
import { prepareDatabase } from "../lib/db/prepare";
import { getPrisma } from "../lib/db/client";
import { registryClock } from "../lib/registry/clock";
import { runRegistryLifecycle } from "../lib/registry/lifecycle";
import { deliverOutbox } from "../lib/registry/messages";
import { refreshClockOffset } from "../lib/registry/operator";
import { smtpSenderFromEnv } from "../lib/mail/smtp";
import { startServer } from "../server/entry";
import { buildState } from "./build-state";

const root = path.resolve(import.meta.dirname, "..");
/** A production build is (re)made when missing or older than any source it is built from. */
function ensureBuild() {
  const builtAt = buildState(root);
  if (builtAt === "current") return;
  console.log(
    builtAt === "stale"
      ? "Sources changed since the last build: rebuilding…"
      : "Building the portal…",
  );
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) {
    console.error("next build failed");
    process.exit(result.status ?? 1);
  }
}

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(1);
}

/** next-auth needs a secret; the sandbox makes one on first start and keeps it in data/. */
function ensureAuthSecret() {
  process.env.AUTH_TRUST_HOST ??= "true";
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(root, "data/.nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

const mailSender = smtpSenderFromEnv();

function startLifecycleTimer(intervalMs: number): NodeJS.Timeout {
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run is never overlapped by the next
    running = true;
    try {
      // the registry's time: real time plus the sandbox clock offset (issue 21)
      await refreshClockOffset(getPrisma(target), { force: true });
      await runRegistryLifecycle(getPrisma(target), registryClock.now());
      // issue 16: with SMTP_URL set, the outbox is sent after each run (claim, send, mark)
      if (mailSender) await deliverOutbox(getPrisma(target), mailSender, registryClock);
    } catch (error) {
      console.error("Lifecycle run failed:", error);
    } finally {
      running = false;
    }
  };
  void tick();
  return setInterval(() => void tick(), intervalMs);
}

// npm start runs the demo: the sandbox registry (issue 21: clock offset, "Run lifecycle now")
// unless REGISTRY_ENVIRONMENT says otherwise.
process.env.REGISTRY_ENVIRONMENT ??= "sandbox";
ensureAuthSecret();
ensureBuild();
const target = databaseTargetFromEnv();
await prepareDatabase(target);
// On the embedded database this process owns PGlite, so it runs the lifecycle itself
// (npm run worker does it for PostgreSQL).
const lifecycle =
  target.kind === "pglite" || process.env.LIFECYCLE_IN_PROCESS === "true"
    ? startLifecycleTimer(Number(process.env.LIFECYCLE_INTERVAL_SECONDS ?? 60) * 1000)
    : null;
const server = await startServer({ port, hostname: process.env.BIND_ADDRESS || undefined });
console.log(`Registrar Portal ready on ${server.url.replace("127.0.0.1", "localhost")}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      if (lifecycle) clearInterval(lifecycle);
      await server.close();
      if (target.kind === "pglite") await closePglite(target.dataDir);
      process.exit(0);
    })();
  });
}
