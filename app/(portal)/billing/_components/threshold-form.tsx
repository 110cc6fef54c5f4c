"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { setLowBalanceThresholdAction } from "@/lib/actions/billing";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { lowBalanceThresholdSchema } from "@/lib/schemas/billing";

/** "Low-balance alert at" (billing.setLowBalanceThreshold): kroner in, whole øre stored. */
export function ThresholdForm({ initial }: { initial: string }) {
  const t = useTranslations("billing.threshold");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const f = useActionForm(lowBalanceThresholdSchema, setLowBalanceThresholdAction, {
    defaultValues: { threshold: initial },
    successMessage: (data) => t("saved", { amount: formatMoney(data.lowBalanceThreshold, locale) }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Form of={f} className="sm:max-w-sm">
      <TextField
        name="threshold"
        label={t("label")}
        hint={t("help")}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <div>
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </Form>
  );
}
