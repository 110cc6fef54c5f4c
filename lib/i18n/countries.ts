import countries from "i18n-iso-countries";
import da from "i18n-iso-countries/langs/da.json";
import en from "i18n-iso-countries/langs/en.json";
import type { Locale } from "./locales";

// R-CON-1: countries are ISO 3166-1 alpha-2 codes, shown by their Danish or English names
// (i18n-iso-countries). Registered here, so the module works in the browser too, where the
// package registers no language by itself.
countries.registerLocale(da);
countries.registerLocale(en);

/** The country's name in the language, or the code when it has none. */
export function countryName(code: string, locale: Locale): string {
  return countries.getName(code, locale, { select: "official" }) ?? code;
}

/** Every country as an option, sorted by its name in the language; Denmark first. */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const names = countries.getNames(locale, { select: "official" });
  const collator = new Intl.Collator(locale);
  const options = Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const dk = options.findIndex((o) => o.value === "DK");
  if (dk > 0) options.unshift(...options.splice(dk, 1));
  return options;
}
