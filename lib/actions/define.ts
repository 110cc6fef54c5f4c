import "server-only";
import { z } from "zod";
import { translateError, translateFieldMessage } from "@/lib/i18n/errors";
import { type Locale, defaultLocale } from "@/lib/i18n/locales";
import { coreContext } from "@/lib/auth/context";
import type { Actor } from "@/lib/registry/actor";
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
  contact: string; // a registrar-managed Demo contact of type PERSON (handle id), e.g. MN2-DK
  checkoutId?: string; // an open card checkout of Demo's
  demoUserId: string; // a Demo portal user (proxy@demo.test)
  demoServiceUserId: string; // Demo's EPP service user (epp@demo.test)
  handle: string; // a customer handle linked to Demo (JCA1-DK)
  allowlistEntryId: string; // Demo's 127.0.0.1/32 allowlist entry
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
   * "own": the action names no object of another account — it creates something, or changes the
   * actor's own account's setting — so Other Registrar's administrator calling it is allowed, not
   * an access case (the generated test then checks that no row of Demo's changed).
   */
  forgeScope?: "own";
  /**
   * Part of the TOTP enrolment a session may owe when its account requires TOTP: allowed before
   * the enrolment is done (every other action sends such a session to the enrolment first).
   */
  duringEnrolment?: boolean;
  /**
   * Runs in the request after a success, before revalidation — for what only a request can do
   * (e.g. point the session cookie at a replaced session); what it returns is what the client
   * gets. The generated access test calls `run` only.
   */
  finish?: (data: T) => Promise<T>;
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
  def: Pick<ActionDefinition<S, T>, "schema" | "run">,
  actor: Actor,
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
    const actor = await requireActor({ enrolled: !def.duringEnrolment });
    const { getLocale } = await import("next-intl/server");
    let result = await executeAction(def, actor, raw, undefined, (await getLocale()) as Locale);
    if (result.ok && def.finish) result = { ok: true, data: await def.finish(result.data) };
    if (result.ok && def.revalidate) {
      const { revalidatePath } = await import("next/cache");
      for (const path of def.revalidate(def.schema.parse(raw) as z.output<S>)) revalidatePath(path);
    }
    return result;
  };
  return Object.assign(action, { definition: def });
}
