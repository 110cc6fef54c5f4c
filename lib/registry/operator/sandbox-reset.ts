import { invalidateAllowlists } from "@/lib/net/allowlist";
import { demoPasswordHashes, registrantLinkRequests, seedDemoInto } from "@/prisma/seed/demo";
import { clockOffset, setClockOffset } from "@/lib/registry/clock";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runOperatorOperation } from "@/lib/registry/operation";
import { SANDBOX_ID, isSandbox } from "@/lib/registry/sandbox-clock";

// Issue 21: "a reset of the demo data" in the sandbox. Every table of the registry is emptied and
// the demo registry seeded again — as `npm start` seeds a new database — in one transaction, so a
// failed reset leaves the sandbox as it was. Everyone is logged out (the users are new rows), the
// clock offset is back to 0, the policy back to the shipped one. Only the migrations' bookkeeping
// stays. The reset itself is the first audit event of the new registry.

/** The migrator's own table: never emptied. */
const KEPT_TABLES = new Set(["_prisma_migrations"]);

export type SandboxResetSummary = { at: Date; tablesEmptied: number; domains: number; users: number };

export async function resetSandboxDemoData(ctx: CoreContext): Promise<SandboxResetSummary> {
  // the demo's dates are relative to real time: the offset is gone after the reset
  const at = new Date(ctx.clock.now().getTime() - clockOffset().ms);
  // hashed before the transaction (Argon2id is slow); a refused reset hashes nothing
  const hashes = ctx.actor.kind === "operator" && isSandbox() ? await demoPasswordHashes() : [];
  const summary = await runOperatorOperation(
    { ...ctx, clock: { now: () => at } },
    { name: "sandbox.resetDemoData", objectType: "SandboxSetting", objectLabel: SANDBOX_ID },
    async ({ tx, audit }) => {
      if (!isSandbox()) {
        throw new RegistryError("SANDBOX_ONLY", "The sandbox controls exist only in the sandbox registry");
      }
      const tables = await tx.$queryRaw<{ name: string }[]>`
        SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
      const emptied = tables.map((t) => t.name).filter((name) => !KEPT_TABLES.has(name));
      await tx.$executeRawUnsafe(
        `TRUNCATE ${emptied.map((name) => `"${name.replaceAll('"', '""')}"`).join(", ")} RESTART IDENTITY CASCADE`,
      );
      // what `npm start` seeds (lib/db/prepare.ts)
      await seedDemoInto(tx, at, hashes, { pendingIdControls: true, registrantLinks: true });
      const domains = await tx.domain.count();
      const users = await tx.user.count();
      Object.assign(audit, { objectId: SANDBOX_ID, after: { tablesEmptied: emptied.length, domains, users } });
      return { at, tablesEmptied: emptied.length, domains, users };
    },
  );
  setClockOffset(0); // this process at once; others read the emptied setting within 2 s
  invalidateAllowlists();
  // the demo's held registrations and pending change, through the core, so their mail with the
  // /r/ links is in the outbox again (issue 16) — after the reset, as on a first start
  await registrantLinkRequests(ctx.db as Parameters<typeof registrantLinkRequests>[0], at);
  return summary;
}
