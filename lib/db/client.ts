import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { adapterFactoryFor } from "./adapters";
import { databaseTargetFromEnv, type DatabaseTarget } from "./config";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export type { PrismaClient } from "./generated/client";
/** A Prisma client inside `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0] extends infer T
  ? T extends (...args: never[]) => unknown
    ? never
    : T
  : never;
/** Either the root client or a transaction client: what read helpers accept. */
export type Db = PrismaClient | Tx;

export function createPrismaClient(
  factory: SqlMigrationAwareDriverAdapterFactory,
): PrismaClient {
  return new PrismaClient({ adapter: factory });
}

const holder = globalThis as { __rpPrisma?: { key: string; client: PrismaClient } };

/**
 * The process-wide client for the configured database. Never called at module load, so
 * `next build` never opens the database (DESIGN.md §7).
 */
export function getPrisma(target: DatabaseTarget = databaseTargetFromEnv()): PrismaClient {
  const key = target.kind === "postgres" ? target.url : target.dataDir;
  if (holder.__rpPrisma?.key === key) return holder.__rpPrisma.client;
  const client = createPrismaClient(adapterFactoryFor(target));
  holder.__rpPrisma = { key, client };
  return client;
}
