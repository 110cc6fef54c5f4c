import type { PrismaClient } from "@/lib/db/client";
import { runLifecycle, type LifecycleHooks, type LifecycleSummary } from "./run";

export type { LifecycleSummary } from "./run";

/**
 * The registry's full lifecycle: the domain clock (run.ts) plus the expiries other parts of the
 * core own (waiting-list offers, registrant-change requests), wired here in one place.
 */
export const registryHooks: LifecycleHooks = {};

export function runRegistryLifecycle(db: PrismaClient, now: Date): Promise<LifecycleSummary> {
  return runLifecycle(db, now, { hooks: registryHooks });
}
