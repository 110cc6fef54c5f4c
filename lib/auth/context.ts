import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";
import { registryClock } from "@/lib/registry/clock";
import type { CoreContext } from "@/lib/registry/context";

/**
 * The core's context for a request: the process's database and clock (real time, plus the
 * sandbox's clock offset — lib/registry/operator refreshClockOffset), and who acts.
 */
export function coreContext(actor: Actor): CoreContext {
  return { db: getPrisma(), clock: registryClock, actor };
}
