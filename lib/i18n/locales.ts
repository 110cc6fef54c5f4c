// The portal's two languages (issue 12): the .dk registry's Danish and English. English is the
// default where nothing says otherwise (no cookie, no stored preference).

export const locales = ["en", "da"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** The cookie that remembers the language before login (and for the operator console). */
export const LOCALE_COOKIE = "rp-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl: Danish as in Denmark; English with day-month-year order and DKK. */
export const intlLocale: Record<Locale, string> = { en: "en-GB", da: "da-DK" };
