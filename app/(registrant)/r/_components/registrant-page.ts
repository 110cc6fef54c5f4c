import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { clientIp } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import type { CoreContext } from "@/lib/registry/context";
import { isRegistryError } from "@/lib/registry/errors";
import { checkRegistrantRate, recordRegistrantAttempt } from "@/lib/registry/registrants";

/** The registrant as the actor of a /r/ page: no login, its client address for the limit. */
export async function registrantContext(): Promise<CoreContext> {
  const ip = await clientIp();
  return coreContext({ kind: "registrant", ip, label: `registrant@${ip}` });
}

/** Minutes until the address may try again, or null when it is not limited. */
export async function limitedMinutes(ctx: CoreContext): Promise<number | null> {
  const rate = await checkRegistrantRate(ctx);
  return rate.limited ? rate.minutes : null;
}

const LINK_REFUSALS = ["TOKEN_INVALID", "TOKEN_EXPIRED", "TOKEN_ALREADY_USED"] as const;

/**
 * What a link names, or the "not valid" page (404) for a link that is unknown, answered or
 * expired — the same page for all three, so it tells nobody which; each such visit counts
 * against the address's limit.
 */
export async function loadByLink<T>(ctx: CoreContext, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (LINK_REFUSALS.some((code) => isRegistryError(error, code))) {
      await recordRegistrantAttempt(ctx);
      notFound();
    }
    throw error;
  }
}

/** A /r/ page's title: its own, or "Too many attempts" while the address is limited. */
export async function registrantTitle(key: string): Promise<Metadata> {
  const { getTranslations } = await import("next-intl/server");
  const t = await getTranslations("registrant");
  const limited = (await limitedMinutes(await registrantContext())) !== null;
  return {
    title: { absolute: limited ? t("limited.metaTitle") : t(key as "registry") },
    description: t("registry"),
  };
}
