import { defineTable } from "@/components/ui/data-table/table-params";

// /domains/tokens' URL state: the open tokens sorted by expiry (soonest first by default).
export const tokensTable = defineTable({ sort: ["expires"], defaultSort: "expires" });
