import type { Db } from "@/lib/db/client";
import { clockOffset, setClockOffset } from "@/lib/registry/clock";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { type LifecycleSummary, runRegistryLifecycle } from "@/lib/registry/lifecycle";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requireOperator } from "@/lib/registry/permissions";

// Sandbox controls (issue 21): the clock offset and "Run lifecycle now". Only in the sandbox —
// REGISTRY_ENVIRONMENT=sandbox, which `npm start` sets unless told otherwise; anywhere else the
// controls are refused (SANDBOX_ONLY) and the offset is never applied.

export const SANDBOX_ID = "sandbox";
/** Other processes (a worker on PostgreSQL) see a changed offset within this long. */
const REFRESH_MS = 2_000;
/** At most ten years ahead; never behind real time, which the registry's data already passed. */
export const MAX_CLOCK_OFFSET_SECONDS = 10 * 366 * 24 * 3600;

export function isSandbox(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REGISTRY_ENVIRONMENT?.trim().toLowerCase() === "sandbox";
}

function requireSandbox() {
  if (!isSandbox()) {
    throw new RegistryError("SANDBOX_ONLY", "The sandbox controls exist only in the sandbox registry");
  }
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

export type SandboxState = {
  sandbox: boolean;
  clockOffsetSeconds: number;
  /** The registry's time: real time plus the offset. */
  registryNow: Date;
  updatedAt: Date | null;
  updatedBy: string | null;
};

/** Operator: the sandbox's state (in production: sandbox false, offset 0). */
export async function getSandboxState(ctx: CoreContext): Promise<SandboxState> {
  requireOperator(ctx.actor);
  const row = isSandbox()
    ? await ctx.db.sandboxSetting.findUnique({ where: { id: SANDBOX_ID } })
    : null;
  return {
    sandbox: isSandbox(),
    clockOffsetSeconds: row?.clockOffsetSeconds ?? 0,
    registryNow: ctx.clock.now(),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/**
 * Operator, sandbox only: run the registry's clock `seconds` ahead of real time (0 resets it).
 * Setting it back is allowed; what the lifecycle did at a later instant stays done.
 */
export async function setSandboxClockOffset(
  ctx: CoreContext,
  input: { seconds: number },
): Promise<{ clockOffsetSeconds: number }> {
  const result = await runOperatorOperation(
    ctx,
    { name: "sandbox.setClockOffset", objectType: "SandboxSetting", objectLabel: SANDBOX_ID },
    async ({ tx, actor, now, audit }) => {
      requireSandbox();
      const seconds = input.seconds;
      if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > MAX_CLOCK_OFFSET_SECONDS) {
        throw new RegistryError(
          "VALIDATION_FAILED",
          "The clock offset is a whole number of seconds from 0 to ten years",
          { field: "seconds" },
        );
      }
      const before = await tx.sandboxSetting.findUnique({ where: { id: SANDBOX_ID } });
      await tx.sandboxSetting.upsert({
        where: { id: SANDBOX_ID },
        create: { id: SANDBOX_ID, clockOffsetSeconds: seconds, updatedAt: now, updatedBy: actor.label },
        update: { clockOffsetSeconds: seconds, updatedAt: now, updatedBy: actor.label },
      });
      Object.assign(audit, {
        objectId: SANDBOX_ID,
        before: { clockOffsetSeconds: before?.clockOffsetSeconds ?? 0 },
        after: { clockOffsetSeconds: seconds },
      });
      return { clockOffsetSeconds: seconds };
    },
  );
  setClockOffset(result.clockOffsetSeconds * 1000); // this process at once; others within 2 s
  return result;
}

/**
 * Operator, sandbox only: run the whole lifecycle now, at the registry's time (with the offset),
 * as the worker would, and audit it with what it did. The run is many short transactions of its
 * own (never inside another: PGlite has one connection), so its audit event follows it.
 */
export async function runLifecycleNow(ctx: CoreContext): Promise<LifecycleSummary & { at: Date }> {
  const at = ctx.clock.now();
  const spec = { name: "sandbox.runLifecycle", objectType: "Lifecycle", objectLabel: at.toISOString() };
  const fixed: CoreContext = { ...ctx, clock: { now: () => at } };
  if (ctx.actor.kind !== "operator" || !isSandbox()) {
    // refused by the runner's guard or here, and audited as a refusal
    await runOperatorOperation(fixed, spec, async () => requireSandbox());
  }
  const summary = await runRegistryLifecycle(ctx.db, at);
  await runOperatorOperation(fixed, spec, async ({ audit }) => {
    audit.after = summary;
  });
  return { ...summary, at };
}
