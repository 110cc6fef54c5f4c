import { formatDate, formatDeadline, formatLastDay, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { NotificationParam, NotificationView } from "@/lib/registry/messages";

// Issue 12: a registry message in the reader's language — the type's label and text from the
// `messages` catalogue, its data as ICU parameters formatted by lib/format.ts. Unknown types and
// rows without the data fall back to the stored text under a generic label.

type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

function formatParam(p: NotificationParam, locale: Locale): string | number {
  switch (p.kind) {
    case "text":
      return p.value;
    case "number":
      return p.value;
    case "money":
      return formatMoney(p.value, locale);
    case "date":
      return formatDate(p.value, locale);
    case "lastDay":
      return formatLastDay(p.value, locale);
    case "deadline":
      return formatDeadline(p.value, locale);
    case "list":
      return p.value.join(", ");
  }
}

export function renderNotification(
  view: NotificationView,
  t: Translate,
  locale: Locale,
): { label: string; text: string } {
  const known = view.known && t.has(`text.${view.type}`);
  const label = t.has(`types.${view.type}`) ? t(`types.${view.type}`) : t("types.other");
  if (!known) return { label, text: view.fallback };
  const values = Object.fromEntries(
    Object.entries(view.params).map(([k, p]) => [k, formatParam(p, locale)]),
  );
  return { label, text: t(`text.${view.type}`, values) };
}
