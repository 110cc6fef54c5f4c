// npm run db:migrate: apply pending migrations to DATABASE_URL, or the embedded PGlite in DATA_DIR.
import { adapterFactoryFor } from "../lib/db/adapters";
import { databaseTargetFromEnv, describeTarget } from "../lib/db/config";
import { applyMigrations } from "../lib/db/migrator";

const target = databaseTargetFromEnv();
try {
  const applied = await applyMigrations(
    adapterFactoryFor(target),
    process.env.MIGRATIONS_DIR || undefined, // tests point this at a scratch copy
  );
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}: ${applied.join(", ")}`
      : `${describeTarget(target)} is up to date.`,
  );
  process.exit(0);
} catch (error) {
  console.error(`db:migrate failed on ${describeTarget(target)}:\n${(error as Error).message}`);
  process.exit(1);
}
