"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setLowBalanceThresholdAction } from "@/lib/actions/billing";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { lowBalanceThresholdSchema, parseKroner } from "@/lib/schemas/billing";
import { useFieldMessage } from "./use-field-message";

type Values = z.input<typeof lowBalanceThresholdSchema>;

/** "Low-balance alert at" (billing.setLowBalanceThreshold): kroner in, whole øre stored. */
export function ThresholdForm({ initial }: { initial: string }) {
  const t = useTranslations("billing.threshold");
  const message = useFieldMessage();
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(lowBalanceThresholdSchema) as never,
    defaultValues: { threshold: initial },
  });
  const submit = form.handleSubmit(() =>
    startTransition(async () => {
      setStatus(null);
      const result = await setLowBalanceThresholdAction(form.getValues());
      if (result.ok) {
        setStatus(
          t("saved", { amount: formatMoney(parseKroner(form.getValues().threshold) ?? 0, locale) }),
        );
        router.refresh();
      } else {
        form.setError("threshold", {
          message: result.fieldErrors?.threshold?.[0] ?? result.message,
        });
      }
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:max-w-sm">
      <Input
        label={t("label")}
        hint={t("help")}
        inputMode="decimal"
        autoComplete="off"
        error={message(form.formState.errors.threshold?.message)}
        {...form.register("threshold")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <p role="status" className="text-sm text-green-800">
          {status}
        </p>
      </div>
    </form>
  );
}
