import { Prisma, type PrismaClient } from "@/lib/db/client";

/**
 * Tables a refused operation may legitimately write, so "a refusal changes nothing" leaves them
 * out (everything else in the schema is compared):
 * - `AuditEvent`: every refusal is audited after the rollback (outcome REFUSED, its code);
 * - `RateLimitEvent`: a failed token use or a wrong waiting-list authorization code (R-TOK-2)
 *   is counted after the rollback, so the limit holds across refusals;
 * - `LoginAttempt`: a refused login is recorded, which is how the login lock counts.
 */
export const REFUSAL_MAY_WRITE = ["AuditEvent", "RateLimitEvent", "LoginAttempt"] as const;

/**
 * Every table of the Prisma schema (models map to tables of the same name: the schema has no
 * `@@map`), derived from the generated client so a new model is covered without editing a list.
 * `tests/registry/snapshot-tables.test.ts` checks this against the migrated database.
 */
export const SCHEMA_TABLES: readonly string[] = Object.values(Prisma.ModelName);

/** The tables a refusal must leave exactly as they were: the schema minus REFUSAL_MAY_WRITE. */
export const REFUSAL_TABLES: readonly string[] = SCHEMA_TABLES.filter(
  (t) => !(REFUSAL_MAY_WRITE as readonly string[]).includes(t),
);

/**
 * Every row of the named tables (default: all but the migrations bookkeeping), as comparable
 * JSON: for asserting that an operation changed nothing, or that a second run left the same rows.
 */
export async function snapshotTables(
  prisma: PrismaClient,
  tables?: readonly string[],
): Promise<Record<string, string[]>> {
  const names = tables ? [...new Set(tables)] : await databaseTables(prisma);
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    out[name] = rows
      .map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))
      .sort();
  }
  return out;
}

/** The tables of the current schema in the database itself, without the migrations bookkeeping. */
export async function databaseTables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
  );
  return rows.map((r) => r.tablename);
}
