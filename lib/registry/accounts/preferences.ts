import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runOwnUserOperation } from "./self-service";

/** The portal's languages; the core stores the choice and nothing else depends on it. */
export const USER_LOCALES = ["en", "da"] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

/**
 * A portal user's own language (issue 12): stored on the user, so it follows the user to
 * another browser and survives logging out. Audited like every change a user makes to itself.
 */
export async function setOwnLocale(ctx: CoreContext, locale: UserLocale): Promise<{ locale: UserLocale }> {
  if (!(USER_LOCALES as readonly string[]).includes(locale)) {
    throw new RegistryError("VALIDATION_FAILED", `Unknown language ${String(locale)}`, { field: "locale" });
  }
  return runOwnUserOperation(
    ctx,
    { name: "user.setLocale", objectType: "User" },
    async ({ tx, actor, audit }) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } });
      await tx.user.update({ where: { id: actor.userId }, data: { locale } });
      audit.objectId = actor.userId;
      audit.objectLabel = actor.label;
      audit.before = { locale: before.locale };
      audit.after = { locale };
      return { locale };
    },
  );
}
