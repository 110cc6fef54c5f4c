// npm run db:migration -- <name>: write the next migration from prisma/schema.prisma.
import path from "node:path";
import { createMigration } from "../lib/db/migrator";

const name = process.argv.slice(2).join(" ").trim();
try {
  const made = await createMigration(name);
  if (!made) console.log("No schema change: no migration written.");
  else console.log(`Wrote ${path.relative(process.cwd(), made.directory)}/migration.sql`);
} catch (error) {
  console.error(`db:migration failed: ${(error as Error).message}`);
  process.exit(1);
}
