import { z } from "zod";
// Deep on purpose: the forms run these schemas in the browser, and rules/contact-fields.ts is
// browser-safe while the rules index also carries node: built-ins (as lib/format.ts does).
import {
  CONTACT_TYPES,
  EMAIL_MAX,
  EMAIL_PATTERN,
  cleanCvr,
  cleanEan,
  isValidCvr,
  isValidEan,
  normaliseCountryCode,
  normalisePhone,
  numbersForType,
} from "@/lib/registry/rules/contact-fields";

// R-CON-1: one schema for the "Create contact" and "Edit contact" forms and their server actions.
// Messages are keys of messages/<locale>/contacts.json (`contacts.validation.…`). The core checks
// the same again with the same rules (lib/registry/contacts/contact-fields.ts).

export { CONTACT_TYPES };
export type { ContactType } from "@/lib/registry/rules/contact-fields";

const required = (max: number, key: string) =>
  z
    .string()
    .trim()
    .min(1, `contacts.validation.${key}Required`)
    .max(max, "contacts.validation.tooLong");
const optional = (max: number) =>
  z.string().trim().max(max, "contacts.validation.tooLong").optional();

/** Users' email rule (accounts: trimmed, lower-cased, one @ and a dot after it, ≤ 254). */
export const contactEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "contacts.validation.emailRequired")
  .max(EMAIL_MAX, "contacts.validation.tooLong")
  .regex(EMAIL_PATTERN, "contacts.validation.email");

const contactFields = {
  type: z.enum(CONTACT_TYPES, { message: "contacts.validation.type" }),
  name: required(255, "name"),
  organisation: optional(255),
  street1: required(255, "street1"),
  street2: optional(255),
  street3: optional(255),
  postalCode: required(16, "postalCode"),
  city: required(255, "city"),
  countryCode: z
    .string()
    .trim()
    .min(1, "contacts.validation.countryRequired")
    .refine((c) => normaliseCountryCode(c) !== null, "contacts.validation.country"),
  email: contactEmail,
  phone: z
    .string()
    .trim()
    .min(1, "contacts.validation.phoneRequired")
    .max(40, "contacts.validation.phone"),
  cvr: optional(20),
  ean: optional(20),
};

type Fields = {
  type: (typeof CONTACT_TYPES)[number];
  countryCode: string;
  phone: string;
  cvr?: string | undefined;
  ean?: string | undefined;
  previousCvr?: string | undefined;
};

/** The rules across fields: the phone read in the contact's country, the numbers by type. */
function checkAcross(value: Fields, ctx: z.RefinementCtx) {
  const country = normaliseCountryCode(value.countryCode);
  if (normalisePhone(value.phone, country) === null) {
    ctx.addIssue({ code: "custom", path: ["phone"], message: "contacts.validation.phone" });
  }
  const numbers = numbersForType(value.type, country);
  const cvr = cleanCvr(value.cvr ?? "");
  const keptCvr =
    value.previousCvr !== undefined && cvr !== "" && cvr === cleanCvr(value.previousCvr);
  if (cvr && numbers.cvr === "none") {
    ctx.addIssue({ code: "custom", path: ["cvr"], message: "contacts.validation.cvrNotForType" });
  } else if (!cvr && numbers.cvr === "required") {
    ctx.addIssue({ code: "custom", path: ["cvr"], message: "contacts.validation.cvrRequired" });
  } else if (cvr && !keptCvr && !isValidCvr(cvr)) {
    ctx.addIssue({ code: "custom", path: ["cvr"], message: "contacts.validation.cvr" });
  }
  const ean = cleanEan(value.ean ?? "");
  if (ean && numbers.ean === "none") {
    ctx.addIssue({ code: "custom", path: ["ean"], message: "contacts.validation.eanNotForType" });
  } else if (!ean && numbers.ean === "required") {
    ctx.addIssue({ code: "custom", path: ["ean"], message: "contacts.validation.eanRequired" });
  } else if (ean && !isValidEan(ean)) {
    ctx.addIssue({ code: "custom", path: ["ean"], message: "contacts.validation.ean" });
  }
}

/** Normalised as stored: country upper case, phone in E.164, numbers without spaces. */
function normalise<T extends Fields>(value: T) {
  const country = normaliseCountryCode(value.countryCode) ?? value.countryCode;
  return {
    ...value,
    countryCode: country,
    phone: normalisePhone(value.phone, country) ?? value.phone,
    cvr: value.cvr ? cleanCvr(value.cvr) : undefined,
    ean: value.ean ? cleanEan(value.ean) : undefined,
  };
}

export const createContactSchema = z
  .object(contactFields)
  .superRefine(checkAcross)
  .transform(normalise);

export const updateContactSchema = z
  .object({
    ...contactFields,
    handle: z.string().trim().min(1).max(64),
    /** The CVR number the form was loaded with: an unchanged one is not checked again (the core decides). */
    previousCvr: z.string().max(20).optional(),
  })
  .superRefine(checkAcross)
  .transform(normalise);

export type CreateContactInput = z.input<typeof createContactSchema>;
export type UpdateContactFormInput = z.input<typeof updateContactSchema>;

/** The list's URL state: search, type filter, the keyset cursor. */
export const listContactsSchema = z.object({
  search: z.string().trim().max(100).optional(),
  type: z.enum(CONTACT_TYPES).optional().catch(undefined),
  cursor: z.string().max(1000).optional(),
});

export const contactHandleSchema = z.object({ handle: z.string().trim().min(1).max(64) });
