import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Locale, locales } from "./locales";

// All UI text lives in messages/<locale>/<namespace>.json: one file per namespace (a page area
// such as `domains` or `billing`), so work on different pages never edits the same file. The
// namespace is the file name; `t = useTranslations("domains")` reads messages/<locale>/domains.json.

export type Messages = Record<string, Record<string, unknown>>;

const MESSAGES_DIR = path.join(process.cwd(), "messages");
const cache = new Map<Locale, Messages>();

/** Every namespace of one language, read once per process. */
export function loadMessages(locale: Locale, dir = MESSAGES_DIR): Messages {
  const hit = dir === MESSAGES_DIR ? cache.get(locale) : undefined;
  if (hit) return hit;
  const messages: Messages = {};
  for (const file of readdirSync(path.join(dir, locale)).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -".json".length)] = JSON.parse(
      readFileSync(path.join(dir, locale, file), "utf8"),
    ) as Record<string, unknown>;
  }
  if (dir === MESSAGES_DIR && process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}

export const allLocales = locales;
