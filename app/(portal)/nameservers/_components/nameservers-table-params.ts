import { parseAsString } from "nuqs/server";
import { defineTable } from "@/components/ui/data-table/table-params";

// The name-server list's URL state: /nameservers?q=demo&dir=desc&after=ns1.example.dk
export const nameServersTable = defineTable({
  sort: ["host"],
  defaultSort: "host",
  filters: { q: parseAsString.withDefault("") },
});
