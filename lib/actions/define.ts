import "server-only";
import { z } from "zod";
import { translateError, translateFieldMessage } from "@/lib/i18n/errors";
import { type Locale, defaultLocale } from "@/lib/i18n/locales";
import { coreContext } from "@/lib/auth/context";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { isRegistryError } from "@/lib/registry/errors";
import type { Verb } from "@/lib/registry/permissions";
import { markActionEntered } from "./request-context";
import type { ActionResult } from "./result";

/** Names of demo objects the access test forges inputs with (tests/actions). */
export type ForgeFixtures = {
  domain: string; // a Demo domain
  suspendedDomain: string;
  messageIds: number[]; // Demo's unread notifications
};

export type ActionDefinition<S extends z.ZodType, T> = {
  verb: Verb;
  schema: S;
  run(ctx: CoreContext, input: z.output<S>): Promise<T>;
  /** Pages to revalidate after a success. */
  revalidate?: (input: z.output<S>) => string[];
  /**
   * Codes besides NOT_AUTHORIZED and NOT_FOUND with which the action refuses Other Registrar's
   * forged input: a token-gated action (redelegation) lets another registrar in with a valid
   * token, so a forged one is TOKEN_INVALID.
   */
  otherRefusedWith?: readonly string[];
  /** An input naming another registrar's objects, for the generated access test. */
  forge(f: ForgeFixtures): unknown;
  /**
   * The action only creates objects in the actor's own account and names none of another's
   * (e.g. "Create contact"): Other Registrar may use it, so the access test does not expect its
   * refusal for Other — only for the Demo users without the verb.
   */
  createsOwnOnly?: true;
};

export type DefinedAction<S extends z.ZodType = z.ZodType, T = unknown> = ((
  raw: unknown,
) => Promise<ActionResult<T>>) & { definition: ActionDefinition<S, T> };

/**
 * The server-action recipe of STYLE.md in one place: parse with the shared zod schema, resolve
 * the actor from the session (never from input), call the core — which checks the permission and
 * the portfolio itself — map RegistryError to a typed result, revalidate.
 */
export async function executeAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  actor: RegistrarActor,
  raw: unknown,
  deps?: Pick<CoreContext, "db" | "clock">,
  locale: Locale = defaultLocale,
): Promise<ActionResult<T>> {
  // zod's own messages in the reader's language; the schemas' own are catalogue keys
  const parsed = def.schema.safeParse(raw, locale === "da" ? { error: z.locales.da().localeError } : undefined);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return {
      ok: false,
      code: "VALIDATION_FAILED",
      message: translateError("VALIDATION_FAILED", undefined, locale),
      fieldErrors: translateFieldErrors(fieldErrors as Record<string, string[] | undefined>, locale),
    };
  }
  try {
    const data = await def.run(deps ? { ...deps, actor } : coreContext(actor), parsed.data);
    return { ok: true, data };
  } catch (error) {
    if (isRegistryError(error)) {
      const message = translateError(error.code, error.details, locale);
      const details = error.details as
        | { fieldErrors?: Record<string, string[]>; field?: unknown }
        | undefined;
      // a refusal that concerns one field lands at that field (details.field, issue 12)
      const fieldErrors = details?.fieldErrors
        ? translateFieldErrors(details.fieldErrors, locale)
        : typeof details?.field === "string"
          ? { [details.field]: [message] }
          : undefined;
      return { ok: false, code: error.code, message, ...(fieldErrors ? { fieldErrors } : {}) };
    }
    console.error("Action failed unexpectedly", error);
    return { ok: false, code: "INTERNAL_ERROR", message: translateError("INTERNAL_ERROR", undefined, locale) };
  }
}

function translateFieldErrors(
  fieldErrors: Record<string, string[] | undefined>,
  locale: Locale,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors)
      .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
      .map(([field, messages]) => [field, messages.map((m) => translateFieldMessage(m, locale))]),
  );
}

export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>): DefinedAction<S, T> {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    // Next decoded the request: from here on a failure is ours, not the client's (server/entry.ts)
    markActionEntered();
    // imported lazily so tests can load the definitions without a request context
    const { requireActor } = await import("@/lib/auth/actor");
    const actor = await requireActor();
    const { getLocale } = await import("next-intl/server");
    const result = await executeAction(def, actor, raw, undefined, (await getLocale()) as Locale);
    if (result.ok && def.revalidate) {
      const { revalidatePath } = await import("next/cache");
      for (const path of def.revalidate(def.schema.parse(raw) as z.output<S>)) revalidatePath(path);
    }
    return result;
  };
  return Object.assign(action, { definition: def });
}
