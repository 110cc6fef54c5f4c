import { Readable } from "node:stream";
import { stringify, type Options } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";

// The core's CSV writer (the ledger's export, R-PAY-3, and the domain list's, issue 14; other
// folders import it through billing's index): RFC 4180 with csv-stringify — fields containing a
// comma, quote, CR or LF are quoted with inner quotes doubled; lines end with CRLF. Text that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an
// apostrophe (OWASP "CSV injection"); numbers are passed as numbers and never prefixed, nor is
// text that is a plain decimal number such as "-45.00" (csv-stringify's own `escape_formulas`
// would prefix that one, so the guard is a cast).

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The formula-injection guard on one text field. */
export function guardCsvText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

const baseOptions: Options = {
  record_delimiter: "windows",
  // a lone CR or LF inside a field is quoted too, not only the CRLF record delimiter
  quoted_match: /[\r\n]/,
  cast: { string: guardCsvText },
};

export function formatCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  return stringifySync([[value]], baseOptions).replace(/\r\n$/, "");
}

export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
): string {
  return stringifySync([[...header], ...rows.map((row) => [...row])], baseOptions);
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One record as csv-stringify writes it with the options above (a test holds the two equal):
 * numbers as they print, null and undefined empty, text through the formula guard, quoted when it
 * holds a comma, quote, CR or LF (inner quotes doubled), CRLF at the end. Hand-written for the
 * streamed exports: csv-stringify's sync API allocates about 4 KB of short-lived objects per
 * row, and at 100,000 rows the scavenges that causes promote the in-flight batch into the old
 * space, where it stays until a major GC (issue 22: the export's RSS grew 117 MB each time).
 */
export function csvRecord(row: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    if (i > 0) line += ",";
    if (value === null || value === undefined) continue;
    if (typeof value === "number") {
      line += String(value);
      continue;
    }
    const text = guardCsvText(value);
    line += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return line + "\r\n";
}

/**
 * A streamed CSV document: the header, then each batch of rows as it arrives (the caller reads
 * batches from the database one after another, so memory holds one batch at a time). Each batch
 * is one chunk of text. With `bom`, the text starts with U+FEFF so that spreadsheet programs read
 * it as UTF-8 (æ, ø, å).
 */
export async function* streamCsv(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
  options: { bom?: boolean } = {},
): AsyncGenerator<string> {
  let head = (options.bom ? "\uFEFF" : "") + csvRecord(header);
  for await (const batch of batches) {
    const text = csvBatch(batch);
    // The batch is out of reach from here on: the generator waits at `yield` while the chunk is
    // written to a slow client, and rows held over that wait are promoted to the old space.
    if (!text) continue;
    yield head + text;
    head = "";
  }
  if (head) yield head;
}

function csvBatch(batch: readonly (readonly CsvValue[])[]): string {
  const lines = new Array<string>(batch.length);
  for (let i = 0; i < batch.length; i++) lines[i] = csvRecord(batch[i]!);
  return lines.join("");
}

/**
 * A streamed file as a web ReadableStream for a route handler's Response: the header, then the
 * rows as the generator yields them (read page by page by the caller), with a byte-order mark.
 */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvValue[]>,
): ReadableStream<Uint8Array> {
  const stringifier = stringify({ ...baseOptions, bom: true });
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield [...row];
    })(),
  );
  source.on("error", (error) => stringifier.destroy(error));
  return Readable.toWeb(source.pipe(stringifier)) as ReadableStream<Uint8Array>;
}
