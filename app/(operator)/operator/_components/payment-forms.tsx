"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Form, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { bookPaymentAction, importBankStatementAction } from "@/lib/actions/operator";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { StatementImport } from "@/lib/registry/operator";
import { bookPaymentSchema } from "@/lib/schemas/operator";
import { FormStatus } from "./form-kit";

/** Book one FIK payment or bank transfer; a reference booked before shows the existing booking. */
export function BookPaymentForm({ today }: { today: string }) {
  const t = useTranslations("operator.payments");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [success, setSuccess] = useState<string | null>(null);
  const f = useActionForm(bookPaymentSchema, bookPaymentAction, {
    defaultValues: { method: "FIK", valueDate: today, payee: "", amount: "", reference: "" },
    successMessage: false,
    onSuccess: (b) => {
      const params = {
        reference: b.reference,
        amount: formatMoney(b.amount, locale),
        account: b.account?.name ?? "",
        balance: formatMoney(b.balance, locale),
      };
      setSuccess(b.booked ? t("booked", params) : t("alreadyBooked", params));
      router.refresh();
    },
  });
  const method = useWatch({ control: f.form.control, name: "method" });
  return (
    <Form of={f} onChange={() => setSuccess(null)}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="method"
          label={t("method")}
          options={[
            { value: "FIK", label: t("methods.FIK") },
            { value: "BANK", label: t("methods.BANK") },
          ]}
        />
        <TextField name="payee" label={method === "BANK" ? t("accountNumber") : t("fikCode")} required inputMode="numeric" />
        <TextField name="amount" label={t("amount")} required inputMode="decimal" hint={t("amountHint")} />
        <TextField name="valueDate" label={t("valueDate")} required type="date" />
        <TextField name="reference" label={t("reference")} required />
      </div>
      <div>
        <SubmitButton>{t("book")}</SubmitButton>
      </div>
      <FormStatus success={success} />
    </Form>
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
