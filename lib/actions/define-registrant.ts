import "server-only";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { CoreContext } from "@/lib/registry/context";
import { type ForgeFixtures, executeAction } from "./define";
import { markActionEntered } from "./request-context";
import type { ActionResult } from "./result";

/**
 * The registrants' server actions (issue 16, the /r/ pages): `defineAction`'s recipe with the
 * registrant as the actor — no login; the link's secret in the input is its only authority, and
 * the core refuses every other actor (`runRegistrantOperation`). Each call counts against the
 * client address's limit (`checkRegistrantRate`), and while the address is limited the action is
 * RATE_LIMITED with "try again in N minutes". The generated access test calls each as every
 * registrar user (NOT_AUTHORIZED) and as a registrant (past the guards).
 */
export const REGISTRANT = "registrant" as const;

export type RegistrantActionDefinition<S extends z.ZodType, T> = {
  verb: typeof REGISTRANT;
  schema: S;
  run(ctx: CoreContext, input: z.output<S>): Promise<T>;
  forge(f: ForgeFixtures): unknown;
};

export type DefinedRegistrantAction<S extends z.ZodType = z.ZodType, T = unknown> = ((
  raw: unknown,
) => Promise<ActionResult<T>>) & { definition: RegistrantActionDefinition<S, T> };

export function defineRegistrantAction<S extends z.ZodType, T>(
  def: Omit<RegistrantActionDefinition<S, T>, "verb">,
): DefinedRegistrantAction<S, T> {
  const definition: RegistrantActionDefinition<S, T> = { ...def, verb: REGISTRANT };
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    markActionEntered();
    const [{ clientIp }, { coreContext }, { getLocale, getTranslations }, registrants] =
      await Promise.all([
        import("@/lib/auth/actor"),
        import("@/lib/auth/context"),
        import("next-intl/server"),
        import("@/lib/registry/registrants"),
      ]);
    const ip = await clientIp();
    const ctx = coreContext({ kind: "registrant", ip, label: `registrant@${ip}` });
    const rate = await registrants.checkRegistrantRate(ctx);
    if (rate.limited) {
      const t = await getTranslations("registrant");
      return { ok: false, code: "RATE_LIMITED", message: t("limited.message", { minutes: rate.minutes }) };
    }
    await registrants.recordRegistrantAttempt(ctx);
    return executeAction(definition, ctx.actor, raw, undefined, (await getLocale()) as Locale);
  };
  return Object.assign(action, { definition });
}
