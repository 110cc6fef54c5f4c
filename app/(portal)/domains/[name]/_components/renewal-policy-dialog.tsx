"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
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
import { Form, RadioGroupField, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { setRenewalPolicyAction } from "@/lib/actions/domains";
import { formatDate, formatLastDay, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { RenewalPolicyPreview } from "@/lib/registry/domains";
import { setRenewalPolicySchema } from "@/lib/schemas/domains";

// Issue 15 item 5: "Renewal policy" — auto-renew or auto-expire, with the date it takes effect
// (the expiry date) and what each does then, from the core's preview (previewRenewalPolicy).

type Choice = "AUTO_RENEW" | "AUTO_EXPIRE";

export function RenewalPolicyDialog({ preview }: { preview: RenewalPolicyPreview }) {
  const t = useTranslations("domainOps");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" className="justify-start">
          {t("open.renewalPolicy")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        {open ? <PolicyForm preview={preview} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function PolicyForm({ preview: p, onDone }: { preview: RenewalPolicyPreview; onDone: () => void }) {
  const t = useTranslations("domainOps");
  const tu = useTranslations("ui.actions");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const date = (d: string) => formatDate(d, locale);

  // choosing the policy the domain already has changes nothing: said at the field, not sent
  const save = async (input: { name: string; renewalPolicy: Choice }): Promise<ActionResult<unknown>> =>
    input.renewalPolicy === p.current
      ? {
          ok: false,
          code: "VALIDATION_FAILED",
          message: "",
          fieldErrors: { renewalPolicy: ["domainOps.policy.unchanged"] },
        }
      : setRenewalPolicyAction(input);

  const f = useActionForm(setRenewalPolicySchema, save, {
    defaultValues: { name: p.name, renewalPolicy: p.current },
    successMessage: (_data, values) =>
      t(values.renewalPolicy === "AUTO_RENEW" ? "policy.doneRenew" : "policy.doneExpire", {
        name: p.uLabel,
        date: date(p.takesEffectOn),
      }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });

  const renewHint = p.autoRenew.invoicedTo
    ? t("policy.renewInvoicedHint", {
        date: date(p.takesEffectOn),
        newExDate: date(p.autoRenew.newExDate),
        price: formatMoney(p.autoRenew.price, locale),
        payer: p.autoRenew.invoicedTo,
      })
    : t("policy.renewHint", {
        date: date(p.takesEffectOn),
        newExDate: date(p.autoRenew.newExDate),
        price: formatMoney(p.autoRenew.price, locale),
      });
  const expireHint = t("policy.expireHint", {
    date: date(p.takesEffectOn),
    lastDay: formatLastDay(p.autoExpire.deletedOn, locale),
  });

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("policy.title", { name: p.uLabel })}</DialogTitle>
        <DialogDescription>{t("policy.description")}</DialogDescription>
      </DialogHeader>
      <Form of={f} className="gap-0 [&>[role=alert]]:mx-6 [&>[role=alert]]:mt-4">
        <DialogBody>
          <DescriptionList
            columns={1}
            className="rounded-md bg-zinc-50 p-4"
            items={[
              { term: t("facts.currentPolicy"), value: t(`policy.${p.current}`) },
              {
                term: t("facts.takesEffectOn"),
                value: t("facts.takesEffectOnValue", { date: date(p.takesEffectOn) }),
              },
            ]}
          />
          <RadioGroupField
            name="renewalPolicy"
            label={t("policy.field")}
            required
            options={[
              { value: "AUTO_RENEW", label: t("policy.AUTO_RENEW"), hint: renewHint },
              { value: "AUTO_EXPIRE", label: t("policy.AUTO_EXPIRE"), hint: expireHint },
            ]}
          />
        </DialogBody>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{tu("cancel")}</Button>
          </DialogClose>
          <SubmitButton pendingLabel={t("policy.pending")}>{t("policy.submit")}</SubmitButton>
        </DialogFooter>
      </Form>
    </>
  );
}
