import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import countries from "i18n-iso-countries";

// R-CON-1: the fields of a contact (an end-user handle) as the .dk EPP contact extension has
// them. Pure and browser-safe: the zod schemas of the forms (lib/schemas/contacts.ts) and the core
// (lib/registry/contacts/) check with the same functions, so the form and the core never disagree.

export const CONTACT_TYPES = ["COMPANY", "PERSON", "PUBLIC_ORGANIZATION", "ASSOCIATION"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** The same address rule as users' emails (accounts/account-guards.ts `normaliseEmail`). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX = 254;

export function normaliseEmailAddress(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL_PATTERN.test(email) && email.length <= EMAIL_MAX ? email : null;
}

/** ISO 3166-1 alpha-2, upper case, or null when it is no assigned country code. */
export function normaliseCountryCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code) ? code : null;
}

/**
 * A phone number in E.164 (`+4512345678`), or null. A number without a country prefix is read in
 * the contact's country. Decision: a number is accepted when it is *possible* for its country
 * (the right length for the numbering plan), not only when it lies in a range the metadata knows
 * as assigned — that check lags behind numbering plans and refuses test numbers such as
 * +45 12 34 56 78.
 */
export function normalisePhone(input: string, country?: string | null): string | null {
  const text = input.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(text)) return null;
  // "+45.12345678" is the EPP notation older handles are stored in
  const parsed = parsePhoneNumberFromString(
    text.replace(/^(\+\d{1,3})\./, "$1 "),
    country && countries.isValid(country) ? (country.toUpperCase() as CountryCode) : undefined,
  );
  return parsed?.isPossible() ? parsed.number : null;
}

/** The digits of a CVR number as typed ("DK 2531 3763" → "25313763"); not yet checked. */
export function cleanCvr(input: string): string {
  return input.replace(/\s+/g, "").replace(/^DK/i, "");
}

/** CVR: 8 digits, not starting with 0, whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...cvr].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return sum % 11 === 0;
}

export function cleanEan(input: string): string {
  return input.replace(/\s+/g, "");
}

/** EAN-13 (GLN): 13 digits whose last is the GS1 check digit (weights 1,3,1,3,… from the left). */
export function isValidEan(ean: string): boolean {
  if (!/^\d{13}$/.test(ean)) return false;
  const digits = [...ean].map(Number);
  const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/**
 * Which number a type carries (R-CON-1). Decisions: a company in Denmark must give its CVR (a
 * foreign one may); an association or public organisation may give one; a person never. Only a
 * public organisation has an EAN, and it must.
 */
export function numbersForType(type: ContactType, countryCode: string | null) {
  return {
    cvr:
      type === "COMPANY"
        ? countryCode === "DK"
          ? ("required" as const)
          : ("optional" as const)
        : type === "PERSON"
          ? ("none" as const)
          : ("optional" as const),
    ean: type === "PUBLIC_ORGANIZATION" ? ("required" as const) : ("none" as const),
  };
}
