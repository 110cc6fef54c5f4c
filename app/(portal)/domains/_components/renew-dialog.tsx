"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactElement } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DescriptionList } from "@/components/ui/description-list";
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Form, RadioGroupField, SelectField, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { quoteRenewalAction } from "@/lib/actions/domain-ops";
import { renewDomainAction } from "@/lib/actions/domains";
import { formatDate, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { RenewalQuote } from "@/lib/registry/domains";
import { renewDomainSchema } from "@/lib/schemas/domains";

// Issue 15 item 2: "Renew" on the domain's page and in the list's rows. Before confirming it
// shows the current expiry date (sent as curExpDate), the period in years or months, the price
// and the new expiry date — asked from the core for each period chosen (quoteRenewal: the
// renewal's own checks and price), so a period the renewal would refuse is refused at the field
// before anything is sent.

/** Until the first quote names the policy's periods: what the schema accepts. */
const FALLBACK_PERIODS = {
  years: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
};

export type RenewDialogProps = {
  /** The A-label. */
  name: string;
  uLabel: string;
  /** The expiry date the user sees (YYYY-MM-DD), sent as curExpDate. */
  exDate: string;
  /** The button that opens the dialog; default a secondary "Renew". */
  trigger?: ReactElement;
};

export function RenewDialog({ name, uLabel, exDate, trigger }: RenewDialogProps) {
  const t = useTranslations("domainOps");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="secondary" className="justify-start">
            {t("open.renew")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        {open ? (
          <RenewForm name={name} uLabel={uLabel} exDate={exDate} onDone={() => setOpen(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function RenewForm({
  name,
  uLabel,
  exDate,
  onDone,
}: Omit<RenewDialogProps, "trigger"> & { onDone: () => void }) {
  const t = useTranslations("domainOps");
  const tu = useTranslations("ui.actions");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const money = (ore: number) => formatMoney(ore, locale);
  const date = (d: string) => formatDate(d, locale);

  const f = useActionForm(renewDomainSchema, renewDomainAction, {
    defaultValues: { name, curExpDate: exDate, periodUnit: "y", periodValue: "1" },
    successMessage: (data) =>
      t("renew.done", { name: uLabel, date: data.domain.exDate ? date(data.domain.exDate) : "" }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const { form, setFormError } = f;
  const unit = form.watch("periodUnit") as "y" | "m";
  const value = String(form.watch("periodValue"));

  const [quote, setQuote] = useState<RenewalQuote | null>(null);
  const [periods, setPeriods] = useState(FALLBACK_PERIODS);
  // the choice the last answer was for: until it matches the current one, the quote is pending
  const key = `${unit}:${value}`;
  const [answered, setAnswered] = useState<string | null>(null);
  const quoting = answered !== key;
  const asked = useRef(0);

  // a new unit starts at its shortest period
  const previousUnit = useRef(unit);
  useEffect(() => {
    if (previousUnit.current === unit) return;
    previousUnit.current = unit;
    const first = (unit === "y" ? periods.years : periods.months)[0] ?? 1;
    form.setValue("periodValue", String(first));
  }, [unit, periods, form]);

  useEffect(() => {
    const id = ++asked.current;
    void quoteRenewalAction({ name, curExpDate: exDate, periodUnit: unit, periodValue: value }).then(
      (result) => {
        if (id !== asked.current) return; // a later choice answered first
        setAnswered(`${unit}:${value}`);
        if (result.ok) {
          setQuote(result.data);
          setPeriods(result.data.periods);
          form.clearErrors("periodValue");
          setFormError(null);
          return;
        }
        setQuote(null);
        const atField = result.fieldErrors?.periodValue?.[0];
        if (atField) {
          form.setError("periodValue", { type: "server", message: atField });
          setFormError(null);
        } else {
          setFormError([result.message]);
        }
      },
      () => {
        if (id === asked.current) setAnswered(`${unit}:${value}`);
      },
    );
  }, [name, exDate, unit, value, form, setFormError]);

  const unitOptions = [
    { value: "y", label: t("renew.years") },
    ...(periods.months.length > 0 || unit === "m" ? [{ value: "m", label: t("renew.months") }] : []),
  ];
  const valueOptions = (unit === "y" ? periods.years : periods.months).map((n) => ({
    value: String(n),
    label: t(unit === "y" ? "renew.yearsOption" : "renew.monthsOption", { count: n }),
  }));
  const pendingText = t("facts.pending");
  const shown = quote && !quoting ? quote : null;
  const facts = [
    { term: t("facts.currentExpiry"), value: date(exDate) },
    {
      term: t("facts.price"),
      value: quoting ? pendingText : shown ? money(shown.price) : t("facts.none"),
    },
    {
      term: t("facts.newExpiry"),
      value: quoting ? pendingText : shown ? date(shown.newExDate) : t("facts.none"),
    },
    ...(shown?.balance
      ? [
          { term: t("facts.balance"), value: money(shown.balance.balance) },
          { term: t("facts.balanceAfter"), value: money(shown.balance.balanceAfter) },
        ]
      : []),
  ];

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("renew.title", { name: uLabel })}</DialogTitle>
        <DialogDescription>{t("renew.description")}</DialogDescription>
      </DialogHeader>
      <Form of={f} className="gap-0 [&>[role=alert]]:mx-6 [&>[role=alert]]:mt-4">
        <DialogBody>
          <RadioGroupField
            name="periodUnit"
            label={t("renew.unit")}
            options={unitOptions}
            orientation="horizontal"
          />
          <SelectField name="periodValue" label={t("renew.period")} options={valueOptions} required />
          <div aria-live="polite" aria-busy={quoting || undefined}>
            <DescriptionList items={facts} columns={1} className="rounded-md bg-zinc-50 p-4" />
          </div>
          {shown?.balance && shown.balance.balanceAfter < 0 ? (
            <Alert tone="warning">
              {t("renew.overdraw", {
                price: money(shown.price),
                after: money(shown.balance.balanceAfter),
              })}
            </Alert>
          ) : null}
        </DialogBody>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{tu("cancel")}</Button>
          </DialogClose>
          <SubmitButton pendingLabel={t("renew.pending")} disabled={quoting || !quote}>
            {t("renew.submit")}
          </SubmitButton>
        </DialogFooter>
      </Form>
    </>
  );
}
