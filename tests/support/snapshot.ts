import type { PrismaClient } from "@/lib/db/client";

/**
 * Every row of the named tables (default: all but the migrations bookkeeping), as comparable
 * JSON: for asserting that an operation changed nothing, or that a second run left the same rows.
 */
export async function snapshotTables(
  prisma: PrismaClient,
  tables?: string[],
): Promise<Record<string, string[]>> {
  const names =
    tables ??
    (
      await prisma.$queryRawUnsafe<{ tablename: string }[]>(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
      )
    ).map((r) => r.tablename);
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).sort();
  }
  return out;
}
