// RFC 4180 CSV, written by hand because no CSV library is installed: fields containing a comma,
// quote, CR or LF are quoted with inner quotes doubled; lines end with CRLF. Text that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an
// apostrophe (OWASP "CSV injection"); numbers are passed as numbers and never prefixed,
// nor is text that is a plain decimal number such as "-45.00".

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function formatCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
): string {
  return [header, ...rows].map((row) => row.map(formatCsvField).join(",") + "\r\n").join("");
}
