import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

// One PGlite instance per process and folder (DESIGN.md §7): a globalThis registry survives
// Next.js dev reloads and is shared by the custom server and the Next.js handler.
const registry = ((globalThis as { __rpPglite?: Map<string, PGlite> }).__rpPglite ??= new Map());

/** A throwaway in-memory database started from a dump (tests clone a migrated template). */
export function openPgliteFromDump(dump: Blob): PGlite {
  return new PGlite({ loadDataDir: dump, extensions: { pg_trgm } });
}

export function openPglite(dataDir: string): PGlite {
  const existing = registry.get(dataDir);
  if (existing && !existing.closed) return existing;
  const isMemory = dataDir.startsWith("memory://");
  if (!isMemory) mkdirSync(dataDir, { recursive: true });
  const db = new PGlite({ dataDir: isMemory ? undefined : dataDir, extensions: { pg_trgm } });
  if (!isMemory) registry.set(dataDir, db);
  return db;
}

export async function closePglite(dataDir: string): Promise<void> {
  const db = registry.get(dataDir);
  registry.delete(dataDir);
  if (db && !db.closed) await db.close();
}
