import "server-only";
import { createTranslator } from "use-intl/core";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { loadMessages } from "./catalogue";
import type { Locale } from "./locales";

// A core refusal in the reader's language (issue 12). `errors.<CODE>` always exists (the parity
// test checks it); `errorDetails.<CODE>` says the same with the refusal's parameters — names,
// dates, amounts from the RegistryError's details — and is used when every parameter it names
// is there. `errorReasons.<CODE>_<REASON>` is preferred for a code whose details carry a reason.

/** Details whose numbers are amounts in øre. */
const MONEY_KEYS = new Set(["required", "balance", "amount", "price", "fee", "total", "threshold"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function errorParams(details: unknown, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (typeof details !== "object" || details === null) return params;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") params[key] = MONEY_KEYS.has(key) ? formatMoney(value, locale) : value;
    else if (typeof value === "string") params[key] = ISO_DATE.test(value) ? formatDate(value, locale) : value;
    else if (value instanceof Date) params[key] = formatDateTime(value, locale);
    else if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
      params[key] = value.join(", ");
    }
  }
  return params;
}

export function translateError(code: string, details: unknown, locale: Locale): string {
  const messages = loadMessages(locale);
  let failed = false;
  const t = createTranslator({
    locale,
    messages,
    onError: () => {
      failed = true;
    },
    getMessageFallback: () => "",
  });
  const params = errorParams(details, locale);
  const reason = typeof params.reason === "string" ? params.reason : null;
  const candidates = [
    ...(reason ? [`errorReasons.${code}_${reason}`] : []),
    `errorDetails.${code}`,
    `errors.${code}`,
  ];
  for (const key of candidates) {
    if (!t.has(key as never)) continue;
    failed = false;
    const text = t(key as never, params as never) as string;
    if (!failed && text) return text;
  }
  return t.has("errors.INTERNAL_ERROR" as never) ? (t("errors.INTERNAL_ERROR" as never) as string) : code;
}

/** A form field's message: catalogue keys (`namespace.path`) translated, other text as it is. */
export function translateFieldMessage(message: string, locale: Locale): string {
  if (!/^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(message)) return message;
  const t = createTranslator({ locale, messages: loadMessages(locale), onError: () => {}, getMessageFallback: () => message });
  return t.has(message as never) ? (t(message as never) as string) : message;
}
