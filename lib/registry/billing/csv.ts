import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";

// CSV exports (R-PAY-3 ledger, the domain list) with csv-stringify: RFC 4180 — CRLF line ends,
// fields quoted when they contain a comma, quote, CR or LF, inner quotes doubled — with a UTF-8
// byte-order mark for the streamed files, so spreadsheets read æ, ø and å. Text a spreadsheet would
// run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe (OWASP "CSV
// injection"); numbers are passed as numbers and never prefixed, nor is text that is a plain
// decimal number such as "-45.00".

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The formula guard alone (csv-stringify does the quoting). */
export function guardCsvText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

const options = {
  record_delimiter: "windows" as const,
  cast: { string: guardCsvText, number: (n: number) => String(n) },
};

/** One field as it appears in the file (quoting and formula guard). */
export function formatCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  return stringifySync([[value]], { ...options, record_delimiter: "" }).replace(/\r?\n$/, "");
}

/** A whole file in memory: header and rows, CRLF after every line (no byte-order mark). */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
): string {
  return stringifySync([[...header], ...rows.map((r) => [...r])], options);
}

/**
 * A streamed file: the header, then the rows as the generator yields them (read page by page by
 * the caller), as a web ReadableStream for a route handler's Response. With a byte-order mark.
 */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvValue[]>,
): ReadableStream<Uint8Array> {
  const stringifier = stringify({ ...options, bom: true });
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield [...row];
    })(),
  );
  source.on("error", (error) => stringifier.destroy(error));
  return Readable.toWeb(source.pipe(stringifier)) as ReadableStream<Uint8Array>;
}
