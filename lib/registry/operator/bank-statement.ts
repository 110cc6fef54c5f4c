import { type Booking, bookBankPayment } from "@/lib/registry/billing";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requireOperator } from "@/lib/registry/permissions";
import { isRegistryDate } from "@/lib/registry/rules";

// Bank-statement import (issue 21, R-PAY-2): a CSV file from the registry's bank, one payment a
// line, each booked through bookBankPayment — so exactly once per bank reference — in its own
// transaction: one bad line never undoes the others. Every line gets an outcome.
//
// The file: UTF-8 (a BOM is ignored), a header line, comma or semicolon separated (taken from the
// header), fields quoted RFC 4180-style when needed. Columns, by header name in any order, case
// and surrounding spaces ignored:
//   date            payment date: YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY (not in the future)
//   reference       the bank's reference of the payment (unique per payment)
//   amount          DKK, decimal comma or point, optional thousands separators: 1234.50, 1.234,50
//   fik_code        the registrar's FIK code — for a FIK payment
//   account_number  the registrar's account number — for a bank transfer
// Exactly one of fik_code and account_number per line. Other columns are ignored.

export const STATEMENT_COLUMNS = ["date", "reference", "amount", "fik_code", "account_number"] as const;
export const MAX_STATEMENT_LINES = 1_000;

export type StatementLine = {
  line: number; // 1-based line number in the file (the header is line 1)
  date: string;
  reference: string;
  amount: number; // øre
  fikCode: string | null;
  accountNumber: string | null;
};

export type StatementLineOutcome =
  | { line: number; reference: string; outcome: "BOOKED" | "DUPLICATE"; amount: number; account: string; paymentId: string }
  | {
      line: number;
      reference: string;
      outcome: "CONFLICT" | "UNKNOWN_ACCOUNT" | "INVALID";
      code: string;
      message: string;
    };

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsvRecords(text: string, delimiter: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === "\n") line += 1;
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line += 1;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

/** DKK text to øre: "1234.50", "1234,5", "1.234,50", "1,234.50", "450". Null when not an amount. */
export function parseDkkAmount(raw: string): number | null {
  const text = raw.replace(/\s|kr\.?|DKK/gi, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastSep = Math.max(text.lastIndexOf(","), text.lastIndexOf("."));
  let whole = text;
  let fraction = "";
  if (lastSep >= 0 && text.length - lastSep - 1 <= 2 && text.length - lastSep - 1 >= 1) {
    whole = text.slice(0, lastSep);
    fraction = text.slice(lastSep + 1);
  }
  // what remains are thousands separators: groups of three digits
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return null;
  const øre = Number(whole.replace(/[.,]/g, "")) * 100 + Number(fraction.padEnd(2, "0") || "0");
  return Number.isSafeInteger(øre) ? øre : null;
}

/** YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY to a registry date; null when not a real date. */
export function parseStatementDate(raw: string): string | null {
  const text = raw.trim();
  const dmy = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : text;
  return isRegistryDate(iso) ? iso : null;
}

type Parsed = { lines: StatementLine[]; invalid: StatementLineOutcome[] };

/** The statement's lines, and the lines that could not be read (each with why). */
export function parseBankStatement(text: string): Parsed {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const [header, ...rows] = parseCsvRecords(text, delimiter);
  const names = (header?.fields ?? []).map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const missing = ["date", "reference", "amount"].filter((c) => !names.includes(c));
  if (!header || missing.length > 0 || (!names.includes("fik_code") && !names.includes("account_number"))) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `The statement needs a header line with the columns ${STATEMENT_COLUMNS.join(", ")}` +
        (missing.length ? ` (missing: ${missing.join(", ")})` : ""),
      { field: "file" },
    );
  }
  if (rows.length === 0 || rows.length > MAX_STATEMENT_LINES) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `A statement has 1 to ${MAX_STATEMENT_LINES} payment lines (this one has ${rows.length})`,
      { field: "file" },
    );
  }
  const col = (fields: string[], name: string) => {
    const i = names.indexOf(name);
    return i >= 0 ? (fields[i] ?? "").trim() : "";
  };
  const lines: StatementLine[] = [];
  const invalid: StatementLineOutcome[] = [];
  for (const { line, fields } of rows) {
    const reference = col(fields, "reference");
    const bad = (message: string) =>
      invalid.push({ line, reference, outcome: "INVALID", code: "VALIDATION_FAILED", message });
    const date = parseStatementDate(col(fields, "date"));
    const amount = parseDkkAmount(col(fields, "amount"));
    const fikCode = col(fields, "fik_code") || null;
    const accountNumber = col(fields, "account_number") || null;
    if (!reference) bad("The line has no reference");
    else if (!date) bad(`"${col(fields, "date")}" is not a date`);
    else if (amount === null || amount <= 0) bad(`"${col(fields, "amount")}" is not an amount in DKK`);
    else if ((fikCode === null) === (accountNumber === null))
      bad("Give either a FIK code or an account number");
    else lines.push({ line, date, reference, amount, fikCode, accountNumber });
  }
  return { lines, invalid };
}

export type StatementImport = {
  lines: StatementLineOutcome[];
  booked: number;
  duplicates: number;
  refused: number;
};

/**
 * Operator: book every line of a bank statement once, and say what became of each: BOOKED,
 * DUPLICATE (booked before with this account and amount: nothing credited), CONFLICT (the
 * reference was booked with another account or amount), UNKNOWN_ACCOUNT, INVALID.
 */
export async function importBankStatement(
  ctx: CoreContext,
  input: { fileName?: string; content: string },
): Promise<StatementImport> {
  if (ctx.actor.kind !== "operator") {
    // the runner's guard refuses and audits it
    await runOperatorOperation(ctx, { name: "billing.importStatement", objectType: "BankStatement" }, async () => {});
  }
  requireOperator(ctx.actor);
  let parsed: Parsed;
  try {
    parsed = parseBankStatement(input.content);
  } catch (error) {
    await runOperatorOperation(
      ctx,
      { name: "billing.importStatement", objectType: "BankStatement", objectLabel: input.fileName ?? null },
      async () => {
        throw error;
      },
    );
    throw error;
  }
  const outcomes: StatementLineOutcome[] = [...parsed.invalid];
  for (const l of parsed.lines) {
    try {
      const booking: Booking = await bookBankPayment(
        ctx,
        l.fikCode
          ? { method: "FIK", fikCode: l.fikCode, reference: l.reference, amount: l.amount, valueDate: l.date }
          : { method: "BANK", accountNumber: l.accountNumber!, reference: l.reference, amount: l.amount, valueDate: l.date },
      );
      outcomes.push({
        line: l.line,
        reference: l.reference,
        outcome: booking.booked ? "BOOKED" : "DUPLICATE",
        amount: booking.amount,
        account: booking.account?.name ?? "",
        paymentId: booking.paymentId,
      });
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      outcomes.push({
        line: l.line,
        reference: l.reference,
        outcome: isRegistryError(error, "CONFLICT")
          ? "CONFLICT"
          : isRegistryError(error, "NOT_FOUND")
            ? "UNKNOWN_ACCOUNT"
            : "INVALID",
        code: error.code,
        message: error.message,
      });
    }
  }
  outcomes.sort((a, b) => a.line - b.line);
  const result: StatementImport = {
    lines: outcomes,
    booked: outcomes.filter((o) => o.outcome === "BOOKED").length,
    duplicates: outcomes.filter((o) => o.outcome === "DUPLICATE").length,
    refused: outcomes.filter((o) => o.outcome !== "BOOKED" && o.outcome !== "DUPLICATE").length,
  };
  // one event for the file; every booked or refused line has its own
  await runOperatorOperation(
    ctx,
    { name: "billing.importStatement", objectType: "BankStatement", objectLabel: input.fileName ?? null },
    async ({ audit }) => {
      audit.after = { lines: outcomes.length, booked: result.booked, duplicates: result.duplicates, refused: result.refused };
    },
  );
  return result;
}
