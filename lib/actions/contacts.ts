"use server";

import { createContact, updateContact } from "@/lib/registry/contacts";
import { createContactSchema, updateContactSchema } from "@/lib/schemas/contacts";
import { defineAction } from "./define";

// R-CON-1: "Create contact" and "Edit contact" (Proxy). The core issues the handle id, checks the
// fields again, and refuses identity changes of a registrant's handle.

/** What the forms need back: the handle id to go to. */
const handleOf = (c: { handle: string }) => ({ handle: c.handle });

const optional = (v: string | undefined) => v || null;

export const createContactAction = defineAction({
  verb: "contact.create",
  schema: createContactSchema,
  run: async (ctx, input) =>
    handleOf(
      await createContact(ctx, {
        ...input,
        organisation: optional(input.organisation),
        street2: optional(input.street2),
        street3: optional(input.street3),
        cvr: optional(input.cvr),
        ean: optional(input.ean),
      }),
    ),
  revalidate: () => ["/contacts"],
  forge: () => ({
    type: "PERSON",
    name: "Forged Contact",
    street1: "Vestergade 1",
    postalCode: "5000",
    city: "Odense C",
    countryCode: "DK",
    email: "forged@example.test",
    phone: "+45 70 00 00 00",
  }),
  forgeScope: "own",
});

export const updateContactAction = defineAction({
  verb: "contact.update",
  schema: updateContactSchema,
  run: async (ctx, { previousCvr: _previous, ...input }) =>
    handleOf(
      await updateContact(ctx, {
        ...input,
        organisation: optional(input.organisation),
        street2: optional(input.street2),
        street3: optional(input.street3),
        cvr: optional(input.cvr),
        ean: optional(input.ean),
      }),
    ),
  revalidate: (input) => ["/contacts", `/contacts/${input.handle.toUpperCase()}`],
  forge: (f) => ({
    handle: f.contact,
    type: "PERSON",
    name: "Mette Nielsen",
    street1: "Vestergade 2",
    postalCode: "5000",
    city: "Odense C",
    countryCode: "DK",
    email: "mette@nielsen.test",
    phone: "+45 70 00 00 00",
  }),
});
