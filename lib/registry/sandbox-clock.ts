import type { Db } from "@/lib/db/client";
import { clockOffset, setClockOffset } from "@/lib/registry/clock";

// The sandbox's clock offset (issue 21), in the kernel: the proxy refreshes it on every request,
// and must not pull the operator console's code (lifecycle, billing, the demo seed) into its
// bundle for it. The console's controls are in lib/registry/operator/sandbox.ts.

export const SANDBOX_ID = "sandbox";
/** Other processes (a worker on PostgreSQL) see a changed offset within this long. */
const REFRESH_MS = 2_000;
/** At most ten years ahead; never behind real time, which the registry's data already passed. */
export const MAX_CLOCK_OFFSET_SECONDS = 10 * 366 * 24 * 3600;

export function isSandbox(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REGISTRY_ENVIRONMENT?.trim().toLowerCase() === "sandbox";
}

/**
 * Loads the stored offset into this process's clock (`registryClock`) unless it was loaded within
 * the last 2 s; outside the sandbox the offset is 0. Called by the proxy on every request and by
 * the lifecycle timer before each run. Returns the offset in ms.
 */
export async function refreshClockOffset(db: Db, options: { force?: boolean } = {}): Promise<number> {
  if (!isSandbox()) {
    if (clockOffset().ms !== 0) setClockOffset(0);
    return 0;
  }
  const cached = clockOffset();
  if (!options.force && cached.loadedAt > 0 && Date.now() - cached.loadedAt < REFRESH_MS) return cached.ms;
  const row = await db.sandboxSetting.findUnique({
    where: { id: SANDBOX_ID },
    select: { clockOffsetSeconds: true },
  });
  const ms = (row?.clockOffsetSeconds ?? 0) * 1000;
  setClockOffset(ms);
  return ms;
}
