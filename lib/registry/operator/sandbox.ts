import { setClockOffset } from "@/lib/registry/clock";
import { MAX_CLOCK_OFFSET_SECONDS, SANDBOX_ID, isSandbox } from "@/lib/registry/sandbox-clock";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { type LifecycleSummary, runRegistryLifecycle } from "@/lib/registry/lifecycle";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requireOperator } from "@/lib/registry/permissions";

// Sandbox controls (issue 21): the clock offset and "Run lifecycle now". Only in the sandbox —
// REGISTRY_ENVIRONMENT=sandbox, which `npm start` sets unless told otherwise; anywhere else the
// controls are refused (SANDBOX_ONLY) and the offset is never applied.

export { MAX_CLOCK_OFFSET_SECONDS, SANDBOX_ID, isSandbox, refreshClockOffset } from "@/lib/registry/sandbox-clock";

function requireSandbox() {
  if (!isSandbox()) {
    throw new RegistryError("SANDBOX_ONLY", "The sandbox controls exist only in the sandbox registry");
  }
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
