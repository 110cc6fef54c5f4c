// The ledger's CSV (R-PAY-3) is written by the core's one CSV writer (lib/registry/csv.ts,
// csv-stringify with the formula-injection guard); re-exported here for billing's callers.
export { type CsvValue, formatCsv, formatCsvField } from "@/lib/registry/csv";
