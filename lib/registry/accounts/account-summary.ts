import type { CoreContext } from "@/lib/registry/context";
import { isRegistrarActor } from "@/lib/registry/actor";
import { RegistryError } from "@/lib/registry/errors";

// What the portal shell shows of the signed-in registrar's own account (every registrar user may
// see it, whatever their roles). Pages never query the database themselves (ARCHITECTURE.md).

export type AccountSummary = { name: string };

export async function getAccountSummary(ctx: CoreContext): Promise<AccountSummary> {
  const actor = ctx.actor;
  if (!isRegistrarActor(actor)) {
    throw new RegistryError("NOT_AUTHORIZED", "Only registrar users have an account summary");
  }
  return ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { name: true },
  });
}
