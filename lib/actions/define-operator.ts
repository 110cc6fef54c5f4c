import "server-only";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { CoreContext } from "@/lib/registry/context";
import { type ForgeFixtures, executeAction } from "./define";
import { markActionEntered } from "./request-context";
import type { ActionResult } from "./result";

/**
 * The operator console's server actions (issue 21): `defineAction`'s recipe with the operator as
 * the actor. The actor comes from an operator session on an OPERATOR_ALLOWLIST address
 * (`requireOperatorActor`: a portal user gets 403, anyone else the operator login), and the core
 * refuses every other actor again (`runOperatorOperation`, `requireOperator`). The generated
 * access test (tests/actions/access.test.ts) calls each as every registrar user and expects
 * NOT_AUTHORIZED, and as the operator expects to get past the guards.
 */
export const OPERATOR = "operator" as const;

export type OperatorActionDefinition<S extends z.ZodType, T> = {
  /** Marks an operator action; no registrar meta-role may call it. */
  verb: typeof OPERATOR;
  schema: S;
  run(ctx: CoreContext, input: z.output<S>): Promise<T>;
  revalidate?: (input: z.output<S>) => string[];
  /** An input for the generated access test. */
  forge(f: ForgeFixtures): unknown;
};

export type DefinedOperatorAction<S extends z.ZodType = z.ZodType, T = unknown> = ((
  raw: unknown,
) => Promise<ActionResult<T>>) & { definition: OperatorActionDefinition<S, T> };

export function defineOperatorAction<S extends z.ZodType, T>(
  def: Omit<OperatorActionDefinition<S, T>, "verb">,
): DefinedOperatorAction<S, T> {
  const definition: OperatorActionDefinition<S, T> = { ...def, verb: OPERATOR };
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    markActionEntered();
    const { requireOperatorActor } = await import("@/lib/auth/actor");
    const actor = await requireOperatorActor();
    const { getLocale } = await import("next-intl/server");
    const result = await executeAction(definition, actor, raw, undefined, (await getLocale()) as Locale);
    if (result.ok && def.revalidate) {
      const { revalidatePath } = await import("next/cache");
      for (const path of def.revalidate(def.schema.parse(raw) as z.output<S>)) revalidatePath(path);
    }
    return result;
  };
  return Object.assign(action, { definition });
}
