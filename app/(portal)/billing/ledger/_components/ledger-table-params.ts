import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { defineTable } from "@/components/ui/data-table/table-params";
import { LEDGER_OPERATION_VALUES } from "@/lib/schemas/billing";

// R-PAY-3: the ledger's URL state — filters (date range, operation, domain) and keyset pages;
// always newest first.
export const ledgerTable = defineTable({
  sort: ["date"],
  defaultSort: "date",
  defaultDir: "desc",
  defaultSize: 50,
  filters: {
    from: parseAsString.withDefault(""),
    to: parseAsString.withDefault(""),
    operation: parseAsStringLiteral(LEDGER_OPERATION_VALUES),
    domain: parseAsString.withDefault(""),
  },
});
