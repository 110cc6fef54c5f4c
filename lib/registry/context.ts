import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";
import type { Clock } from "@/lib/registry/clock";

/**
 * What every core operation receives besides its input (DESIGN.md §2): the database, the injected
 * clock, and who acts. Pages, server actions, the EPP server and the lifecycle worker build one.
 */
export type CoreContext = { db: PrismaClient; clock: Clock; actor: Actor };
