import { seedDemoRegistry } from "@/prisma/seed/demo";
import { adapterFactoryFor } from "./adapters";
import { getPrisma } from "./client";
import { databaseTargetFromEnv, describeTarget, type DatabaseTarget } from "./config";
import { applyMigrations } from "./migrator";

/** Bring the configured database up to date and, when it has no registry yet, seed the demo. */
export async function prepareDatabase(
  target: DatabaseTarget = databaseTargetFromEnv(),
  log: (line: string) => void = console.log,
): Promise<void> {
  const applied = await applyMigrations(adapterFactoryFor(target));
  log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}`
      : `${describeTarget(target)} is up to date`,
  );
  // the demo's operator console has ID controls waiting (issue 21)
  const { seeded } = await seedDemoRegistry(getPrisma(target), new Date(), {
    pendingIdControls: true,
    registrantLinks: true, // issue 16: mail with /r/ links in the sandbox outbox
  });
  log(seeded ? "Seeded the demo registry" : "Demo registry already present: not seeded again");
}
