import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { defineTable } from "@/components/ui/data-table/table-params";
import { CONTACT_TYPES } from "@/lib/schemas/contacts";

// The contacts list's URL state (R-CON-1): search, type filter, sort and keyset page.
export const contactsFilters = {
  q: parseAsString.withDefault(""),
  type: parseAsStringLiteral(CONTACT_TYPES),
};

export const contactsTable = defineTable({
  sort: ["name", "handle"],
  defaultSort: "name",
  filters: contactsFilters,
});
