// Deep on purpose: rules/dates.ts is browser-safe, while the rules index also carries
// node:crypto, node:net and node:url, which a client component using this module cannot bundle.
import { REGISTRY_TIME_ZONE, addDays, type RegistryDate } from "@/lib/registry/rules/dates";
import { type Locale, intlLocale } from "@/lib/i18n/locales";

// The one place that turns money, registry dates and instants into text for people (issue 12).
// Danish: 24.11.2026, 1.234,50 kr. — English: 24 Nov 2026, DKK 1,234.50. Instants are shown in
// the registry's time zone, whatever the server's or the browser's is.

const money = new Map<Locale, Intl.NumberFormat>();
const dates = new Map<Locale, Intl.DateTimeFormat>();
const dateTimes = new Map<Locale, Intl.DateTimeFormat>();

function cached<T>(map: Map<Locale, T>, locale: Locale, make: () => T): T {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make()));
  return value;
}

/** Integer øre as Danish kroner: `1.234,50 kr.` / `DKK 1,234.50`. */
export function formatMoney(ore: number, locale: Locale): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount must be whole øre, got ${ore}`);
  const format = cached(money, locale, () =>
    new Intl.NumberFormat(intlLocale[locale], { style: "currency", currency: "DKK" }),
  );
  return format.format(ore / 100);
}

const dateOptions: Record<Locale, Intl.DateTimeFormatOptions> = {
  da: { day: "2-digit", month: "2-digit", year: "numeric" },
  en: { day: "numeric", month: "short", year: "numeric" },
};

/** A registry date (`YYYY-MM-DD`, a Copenhagen calendar date) or an instant's Copenhagen date. */
export function formatDate(value: RegistryDate | Date, locale: Locale): string {
  const format = cached(dates, locale, () =>
    new Intl.DateTimeFormat(intlLocale[locale], {
      ...dateOptions[locale],
      timeZone: REGISTRY_TIME_ZONE,
    }),
  );
  // a RegistryDate is formatted as noon UTC of that day: 11:00 or 13:00 in Copenhagen, same day
  return format.format(typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value);
}

/** An instant, in Copenhagen time, to the minute: `24 Nov 2026, 11:31` / `24.11.2026 11.31`. */
export function formatDateTime(value: Date, locale: Locale): string {
  const format = cached(dateTimes, locale, () =>
    new Intl.DateTimeFormat(intlLocale[locale], {
      ...dateOptions[locale],
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: REGISTRY_TIME_ZONE,
    }),
  );
  return format.format(value);
}

/**
 * A deadline the registry enforces as "refused from this instant on", shown as the last moment
 * something is still possible: restore refused from 9 Dec 2026 00:00 reads "until 8 Dec 2026,
 * 23:59" — never as the first moment it is not.
 */
export function formatDeadline(refusedFrom: Date, locale: Locale): string {
  return formatDateTime(new Date(refusedFrom.getTime() - 60_000), locale);
}

/** The last day something is possible when it is refused from 00:00 on `refusedFromDate`. */
export function formatLastDay(refusedFromDate: RegistryDate, locale: Locale): string {
  return formatDate(addDays(refusedFromDate, -1), locale);
}
