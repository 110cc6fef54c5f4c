import { RegistryError } from "@/lib/registry/errors";
import {
  CONTACT_TYPES,
  type ContactType,
  cleanCvr,
  cleanEan,
  isValidCvr,
  isValidEan,
  normaliseCountryCode,
  normaliseEmailAddress,
  normalisePhone,
  numbersForType,
} from "@/lib/registry/rules";

// The core's own check of a contact's fields (R-CON-1). The forms and actions check the same with
// lib/schemas/contacts.ts, but the core never trusts its caller: an EPP server will call it too.

/** A contact's fields as the forms name them. */
export type ContactFieldsInput = {
  type: ContactType;
  name: string;
  organisation?: string | null;
  street1: string;
  street2?: string | null;
  street3?: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
  email: string;
  phone: string;
  cvr?: string | null;
  ean?: string | null;
};

/** The same, checked and normalised, as the Handle columns hold them. */
export type ContactColumns = {
  type: ContactType;
  name: string;
  organisation: string | null;
  street: string;
  street2: string | null;
  street3: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
  email: string;
  phone: string;
  vatNumber: string | null;
  ean: string | null;
};

/** Field lengths: those of the .dk EPP contact (RFC 5733 postal info). */
export const CONTACT_LIMITS = {
  name: 255,
  organisation: 255,
  street: 255,
  postalCode: 16,
  city: 255,
} as const;

function invalid(field: string, message: string): RegistryError {
  return new RegistryError("VALIDATION_FAILED", message, { field });
}

const LABELS: Record<string, string> = {
  name: "name",
  organisation: "organisation",
  street1: "street (line 1)",
  street2: "street (line 2)",
  street3: "street (line 3)",
  postalCode: "postal code",
  city: "city",
};

function text(
  value: string | null | undefined,
  field: string,
  max: number,
  required: boolean,
): string | null {
  const trimmed = (value ?? "").trim().replace(/\s+/g, " ");
  const label = LABELS[field] ?? field;
  if (!trimmed) {
    if (required) throw invalid(field, `Enter the ${label}`);
    return null;
  }
  if (trimmed.length > max) throw invalid(field, `The ${label} has at most ${max} characters`);
  return trimmed;
}

/**
 * `stored`: the handle's numbers before an update. Decision: a CVR or EAN number that is not
 * changed is not checked again — older handles hold numbers written before these checks existed
 * (e.g. a VAT number `DK11223344`), and an edit of their address must not fail on it.
 */
export function parseContactFields(
  input: ContactFieldsInput,
  stored: { vatNumber: string | null; ean: string | null } = { vatNumber: null, ean: null },
): ContactColumns {
  if (!CONTACT_TYPES.includes(input.type))
    throw invalid("type", `Unknown contact type ${String(input.type)}`);
  const countryCode = normaliseCountryCode(input.countryCode ?? "");
  if (!countryCode)
    throw invalid("countryCode", `${input.countryCode} is not an ISO 3166-1 country code`);
  const email = normaliseEmailAddress(input.email ?? "");
  if (!email) throw invalid("email", `"${input.email}" is not an email address`);
  const phone = normalisePhone(input.phone ?? "", countryCode);
  if (!phone) throw invalid("phone", `"${input.phone}" is not a phone number`);
  const numbers = numbersForType(input.type, countryCode);
  const cvr = input.cvr ? cleanCvr(input.cvr) : "";
  if (cvr && numbers.cvr === "none")
    throw invalid("cvr", "Only companies, associations and public organisations have a CVR number");
  if (!cvr && numbers.cvr === "required")
    throw invalid("cvr", "A Danish company needs its CVR number");
  const cvrKept = Boolean(cvr) && stored.vatNumber !== null && cvr === cleanCvr(stored.vatNumber);
  if (cvr && !cvrKept && !isValidCvr(cvr))
    throw invalid("cvr", `${input.cvr} is not a valid CVR number`);
  const ean = input.ean ? cleanEan(input.ean) : "";
  if (ean && numbers.ean === "none")
    throw invalid("ean", "Only public organisations have an EAN number");
  if (!ean && numbers.ean === "required")
    throw invalid("ean", "A public organisation needs its EAN number");
  const eanKept = Boolean(ean) && stored.ean !== null && ean === cleanEan(stored.ean);
  if (ean && !eanKept && !isValidEan(ean))
    throw invalid("ean", `${input.ean} is not a valid EAN number`);
  return {
    type: input.type,
    name: text(input.name, "name", CONTACT_LIMITS.name, true)!,
    organisation: text(input.organisation, "organisation", CONTACT_LIMITS.organisation, false),
    street: text(input.street1, "street1", CONTACT_LIMITS.street, true)!,
    street2: text(input.street2, "street2", CONTACT_LIMITS.street, false),
    street3: text(input.street3, "street3", CONTACT_LIMITS.street, false),
    postalCode: text(input.postalCode, "postalCode", CONTACT_LIMITS.postalCode, true)!,
    city: text(input.city, "city", CONTACT_LIMITS.city, true)!,
    countryCode,
    email,
    phone,
    vatNumber: cvrKept ? stored.vatNumber : cvr || null,
    ean: eanKept ? stored.ean : ean || null,
  };
}
