import type { PrismaClient } from "@/lib/db/client";
import {
  expireOffers,
  expireRegistrantChangeRequests,
  startWaitingListOffer,
} from "@/lib/registry/registrants";
import { runLifecycle, type LifecycleHooks, type LifecycleSummary } from "./run";

export { type LifecycleHooks, type LifecycleSummary, runLifecycle } from "./run";

/**
 * The registry's full lifecycle: the domain clock (run.ts) plus what other parts of the core own,
 * wired here in one place: a deleted name's waiting list gets its offer (R-DEL-3, R-REG-6);
 * offers (R-REG-6) and registrant-change requests (R-CHG-3) expire.
 */
export const registryHooks: LifecycleHooks = {
  async afterDeletion(tx, deleted, now) {
    // one query finds the few deleted names someone waits for; only those get an offer
    const waited = await tx.$queryRaw<{ name: string }[]>`
      SELECT DISTINCT name FROM "WaitingListEntry"
      WHERE name = ANY(${deleted.map((d) => d.name)}::text[]) AND state = 'WAITING'`;
    const names = new Set(waited.map((w) => w.name));
    for (const { name } of deleted) if (names.has(name)) await startWaitingListOffer(tx, name, now);
  },
  expiries: [expireOffers, expireRegistrantChangeRequests],
};

export function runRegistryLifecycle(db: PrismaClient, now: Date): Promise<LifecycleSummary> {
  return runLifecycle(db, now, { hooks: registryHooks });
}
