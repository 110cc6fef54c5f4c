import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { defineTable } from "@/components/ui/data-table/table-params";

// The audit log's URL state: newest first (the event id), keyset pages, the filters. The same
// filters (without the table's own sort, size and cursors) make the CSV export's query.
export const auditFilters = {
  actor: parseAsString,
  operation: parseAsString,
  objectType: parseAsString,
  object: parseAsString,
  outcome: parseAsStringLiteral(["SUCCESS", "REFUSED"] as const),
  from: parseAsString,
  to: parseAsString,
};

export const auditTable = defineTable({
  sort: ["at"],
  defaultSort: "at",
  defaultDir: "desc",
  defaultSize: 50,
  filters: auditFilters,
});
