import type { Prisma } from "@/lib/db/client";
import type { ContactType } from "@/lib/registry/rules";

// What pages and actions see of a contact (R-CON-1): the .dk EPP contact fields under the names the
// forms use, never the row itself.

export type ContactView = {
  handle: string;
  type: ContactType;
  name: string;
  organisation: string | null;
  street1: string;
  street2: string | null;
  street3: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
  email: string;
  /** E.164 for contacts made here; older handles may hold the EPP notation `+45.33000000`. */
  phone: string | null;
  cvr: string | null;
  ean: string | null;
  managementModel: "REGISTRAR" | "REGISTRANT";
  /** Registrant-managed handles belong to their registrant: the registrar cannot edit them. */
  readOnly: boolean;
  /** The account's own registrar handle (edited with the account's data, not here). */
  isRegistrarHandle: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const contactSelect = {
  id: true,
  handle: true,
  type: true,
  name: true,
  organisation: true,
  street: true,
  street2: true,
  street3: true,
  postalCode: true,
  city: true,
  countryCode: true,
  email: true,
  phone: true,
  vatNumber: true,
  ean: true,
  managementModel: true,
  createdAt: true,
  updatedAt: true,
  registrarOf: { select: { id: true } },
} satisfies Prisma.HandleSelect;

export type ContactRow = Prisma.HandleGetPayload<{ select: typeof contactSelect }>;

export function toContactView(row: ContactRow): ContactView {
  const isRegistrarHandle = row.registrarOf !== null;
  return {
    handle: row.handle,
    type: row.type,
    name: row.name,
    organisation: row.organisation,
    street1: row.street,
    street2: row.street2,
    street3: row.street3,
    postalCode: row.postalCode,
    city: row.city,
    countryCode: row.countryCode,
    email: row.email,
    phone: row.phone,
    cvr: row.vatNumber,
    ean: row.ean,
    managementModel: row.managementModel,
    readOnly: row.managementModel === "REGISTRANT" || isRegistrarHandle,
    isRegistrarHandle,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
