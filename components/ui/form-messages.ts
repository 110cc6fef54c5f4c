import type { ActionResult } from "@/lib/actions/result";

// Pure rules of the form layer (no React): which messages are catalogue keys, and where a server
// action's refusal goes. Tested in tests/ui/form-messages.test.ts.

/** `namespace.path` — e.g. `contacts.validation.cvr`, `errors.NOT_FOUND`: no spaces, ≥ 2 segments. */
const KEY = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+$/;

export function looksLikeCatalogueKey(message: string): boolean {
  return KEY.test(message);
}

/** The part of next-intl's `useTranslations()` (no namespace) that the rule needs. */
export type MessageLookup = { has(key: string): boolean; translate(key: string): string };

/**
 * A message a user sees: a catalogue key is translated (zod messages such as
 * `contacts.validation.cvr`), anything else — text the server already translated, zod's own
 * localized defaults — is shown as it is. A key-like text missing from the catalogue stays as it
 * is too (a visible bug, never a crash).
 */
export function translateMessage(message: string, lookup: MessageLookup): string {
  if (!looksLikeCatalogueKey(message)) return message;
  return lookup.has(message) ? lookup.translate(message) : message;
}

export type FieldErrorPlacement = {
  /** One message per form field, in the server's order (the first gets focus). */
  fields: Array<{ name: string; message: string }>;
  /** The form-level message: the refusal's message, plus errors about fields this form lacks. */
  formMessages: string[];
};

/**
 * Where a failed ActionResult's messages go: a field error whose name the form has lands at that
 * field (its first message); errors about fields the form does not show join the form-level
 * message, so nothing the server said is lost.
 */
export function placeActionErrors(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  hasField: (name: string) => boolean,
): FieldErrorPlacement {
  const fields: FieldErrorPlacement["fields"] = [];
  const orphans: string[] = [];
  for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages?.find((m) => m.trim() !== "");
    if (!message) continue;
    if (hasField(name)) fields.push({ name, message });
    else orphans.push(message);
  }
  // a refusal about one field (the core's `field`) is said there, not twice
  const atFields = new Set(fields.map((f) => f.message));
  const formMessages = [result.message, ...orphans].filter(
    (m, i, all) => m && m.trim() !== "" && all.indexOf(m) === i && !atFields.has(m),
  );
  return { fields, formMessages };
}
