import "server-only";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/catalogue";
import { errorParams, translateError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Why a bulk job skipped or refused a domain, in the reader's language: the domain page's own
 * short reason (`domains.detail.reasons.<CODE>_<REASON>`) when there is one, else the core
 * refusal's message (`translateError`).
 */
export function bulkReasonText(
  reason: { code: string; details?: Readonly<Record<string, unknown>> | null },
  locale: Locale,
): string {
  const params = errorParams(reason.details ?? undefined, locale);
  if (typeof params.reason === "string") {
    const key = `domains.detail.reasons.${reason.code}_${params.reason}`;
    const t = createTranslator({ locale, messages: loadMessages(locale), onError: () => {}, getMessageFallback: () => "" });
    if (t.has(key as never)) {
      const text = t(key as never, params as never) as string;
      if (text) return text;
    }
  }
  return translateError(reason.code, reason.details ?? undefined, locale);
}
