import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getPortalSession } from "@/lib/auth/actor";
import { loadMessages } from "./catalogue";
import { LOCALE_COOKIE, defaultLocale, isLocale, type Locale } from "./locales";

/**
 * The language of a request (issue 12): the signed-in user's stored choice, else the
 * `rp-locale` cookie (set by the language switch, also before login, and kept after logout),
 * else the browser's Accept-Language (registrants following a mail link), else English.
 */
export async function resolveLocale(): Promise<Locale> {
  const session = await getPortalSession();
  if (isLocale(session?.locale)) return session.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return preferredLocale((await headers()).get("accept-language"));
}

/** The first of the browser's languages we speak, by its order of preference. */
export function preferredLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { base: tag.split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((l) => l.base).find(isLocale) ?? defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: "Europe/Copenhagen" };
});
