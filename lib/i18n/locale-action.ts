"use server";

import { cookies } from "next/headers";
import { getPortalSession } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { setOwnLocale } from "@/lib/registry/accounts";
import { LOCALE_COOKIE, isLocale } from "./locales";

/**
 * The header's language switch (issue 12). Not a registry verb, so not made with defineAction:
 * anyone may choose a language, signed in or not. The choice goes into a cookie (before login,
 * and kept after logout) and, for a signed-in portal user, onto the user through the core.
 */
export async function setLocaleAction(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const session = await getPortalSession();
  if (session) await setOwnLocale(coreContext(session.actor), locale);
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  return { ok: true };
}
