"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { bookPaymentAction, importBankStatementAction } from "@/lib/actions/operator";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { StatementImport } from "@/lib/registry/operator";
import { bookPaymentSchema } from "@/lib/schemas/operator";
import { FormStatus, Select, applyFieldErrors, useMessage } from "./form-kit";

type Values = z.input<typeof bookPaymentSchema>;
const FIELDS = ["method", "payee", "amount", "valueDate", "reference"] as const;

/** Book one FIK payment or bank transfer; a reference booked before shows the existing booking. */
export function BookPaymentForm({ today }: { today: string }) {
  const t = useTranslations("operator.payments");
  const locale = useLocale() as Locale;
  const message = useMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(bookPaymentSchema, undefined, { raw: true }), defaultValues: { method: "FIK", valueDate: today } });
  const method = useWatch({ control, name: "method" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSuccess(null);
    const result = await bookPaymentAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(result.fieldErrors, setError, FIELDS)) setFormError(result.message);
      return;
    }
    const b = result.data;
    const params = { reference: b.reference, amount: formatMoney(b.amount, locale), account: b.account?.name ?? "", balance: formatMoney(b.balance, locale) };
    setSuccess(b.booked ? t("booked", params) : t("alreadyBooked", params));
    router.refresh();
  });
  const field = (name: (typeof FIELDS)[number]) => ({ ...register(name), error: message(errors[name]?.message) });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("method")} {...field("method")}>
          <option value="FIK">{t("methods.FIK")}</option>
          <option value="BANK">{t("methods.BANK")}</option>
        </Select>
        <Input label={method === "BANK" ? t("accountNumber") : t("fikCode")} required inputMode="numeric" {...field("payee")} />
        <Input label={t("amount")} required inputMode="decimal" hint={t("amountHint")} {...field("amount")} />
        <Input label={t("valueDate")} required type="date" {...field("valueDate")} />
        <Input label={t("reference")} required {...field("reference")} />
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("book")}
        </Button>
      </div>
      <FormStatus error={formError} success={success} />
    </form>
  );
}

/** Upload a bank statement (CSV) and see what became of each line. */
export function ImportStatementForm() {
  const t = useTranslations("operator.payments");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<StatementImport | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <div className="flex flex-col gap-4">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setResult(null);
          if (!file) {
            setError(t("chooseFile"));
            return;
          }
          setPending(true);
          const outcome = await importBankStatementAction({ fileName: file.name, content: await file.text() });
          setPending(false);
          if (!outcome.ok) {
            setError(outcome.fieldErrors?.content?.[0] ?? outcome.fieldErrors?.file?.[0] ?? outcome.message);
            return;
          }
          setResult(outcome.data);
          router.refresh();
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-zinc-800">
            {t("statementFile")}
          </label>
          <input
            id={id}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="text-sm"
          />
          <p id={`${id}-hint`} className="text-xs text-muted">
            {t("statementHint")}
          </p>
        </div>
        <div>
          <Button type="submit" disabled={pending}>
            {t("import")}
          </Button>
        </div>
        <FormStatus
          error={error}
          success={result ? t("importSummary", { booked: result.booked, duplicates: result.duplicates, refused: result.refused }) : null}
        />
      </form>
      {result ? (
        <Table caption={t("outcomeCaption")} captionVisible>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("line")}</TableHeaderCell>
              <TableHeaderCell>{t("reference")}</TableHeaderCell>
              <TableHeaderCell>{t("outcome")}</TableHeaderCell>
              <TableHeaderCell>{t("details")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.lines.map((l) => (
              <TableRow key={l.line}>
                <TableCell className="tabular-nums">{l.line}</TableCell>
                <TableCell>{l.reference}</TableCell>
                <TableCell>{t(`outcomes.${l.outcome}`)}</TableCell>
                <TableCell>
                  {"amount" in l ? t("bookedTo", { amount: formatMoney(l.amount, locale), account: l.account }) : l.message}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
