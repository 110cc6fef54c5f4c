"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setPolicyAction } from "@/lib/actions/operator";
import { type PolicyFormInput, policyFormFields } from "@/lib/schemas/operator";
import { FormStatus, Select, applyFieldErrors, useMessage } from "./form-kit";

type Field = Exclude<keyof PolicyFormInput, "managementModels" | "orderConfirmationRequired">;

const SECTIONS: { key: string; fields: Field[] }[] = [
  { key: "registration", fields: ["registrationPeriodYears", "holdDays", "termsMaxAgeDays"] },
  { key: "renewal", fields: ["renewalPeriodYears", "renewalPeriodMonths", "windowMonths", "lifespanCapYears", "redemptionDays", "invoiceDueDays"] },
  { key: "prices", fields: ["perYearDkk", "restoreFeeDkk", "registrantChangeDkk", "transferDkk", "lowBalanceThresholdDkk"] },
  { key: "tokens", fields: ["tokenLifetimeDays", "maxFailuresPerHour", "offerLifetimeDays", "rotationOverlapHours"] },
  { key: "registrantChange", fields: ["termsRequestDays", "idControlRequestDays", "orderConfirmationMaxFutureHours", "orderConfirmationMaxAgeDays"] },
];

/**
 * The typed policy as a form (issue 21): fees in DKK, lists as "1, 2, 3", validated by the
 * core's own policy schema (lib/schemas/operator.ts setPolicySchema). Presets fill it with one of
 * the two shipped rule sets; saving adds a version in force from "Effective from" (empty: now).
 */
export function PolicyForm({ current, presets }: { current: PolicyFormInput; presets: Record<string, PolicyFormInput> }) {
  const t = useTranslations("operator.policy");
  const message = useMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [preset, setPreset] = useState("");
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PolicyFormInput>({ resolver: zodResolver(policyFormFields, undefined, { raw: true }), defaultValues: current });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSuccess(null);
    // datetime-local is the operator's wall-clock time: send the instant it names
    const effectiveFrom = values.effectiveFrom ? new Date(values.effectiveFrom).toISOString() : "";
    const result = await setPolicyAction({ ...values, effectiveFrom });
    if (!result.ok) {
      const fields = [...SECTIONS.flatMap((s) => s.fields), "effectiveFrom", "managementModels"] as const;
      if (!applyFieldErrors(result.fieldErrors, setError, fields)) setFormError(result.message);
      return;
    }
    setSuccess(t("saved", { version: result.data.version, changes: result.data.diff.length }));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-3">
        <Select label={t("preset")} value={preset} onChange={(e) => setPreset(e.target.value)}>
          <option value="">{t("presetChoose")}</option>
          {Object.keys(presets).map((key) => (
            <option key={key} value={key}>
              {t(`presets.${key}`)}
            </option>
          ))}
        </Select>
        <Button
          variant="secondary"
          disabled={!preset}
          onClick={() => {
            const values = presets[preset];
            if (values) reset(values);
          }}
        >
          {t("applyPreset")}
        </Button>
      </div>
      {SECTIONS.map((section) => (
        <fieldset key={section.key} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="mb-2 text-lg font-semibold">{t(`sections.${section.key}`)}</legend>
          {section.fields.map((name) => (
            <Input
              key={name}
              label={t(`fields.${name}`)}
              hint={t.has(`hints.${name}`) ? t(`hints.${name}`) : undefined}
              {...register(name)}
              error={message(errors[name]?.message)}
            />
          ))}
          {section.key === "registration" ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="text-sm font-medium text-zinc-800">{t("fields.managementModels")}</legend>
              {(["registrar", "registrant"] as const).map((m) => (
                <label key={m} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={m} {...register("managementModels")} />
                  {t(`managementModels.${m}`)}
                </label>
              ))}
              {errors.managementModels?.message ? (
                <p className="text-xs text-danger">{message(errors.managementModels.message)}</p>
              ) : null}
            </fieldset>
          ) : null}
          {section.key === "registrantChange" ? (
            <label className="flex items-center gap-2 self-end text-sm">
              <input type="checkbox" {...register("orderConfirmationRequired")} />
              {t("fields.orderConfirmationRequired")}
            </label>
          ) : null}
        </fieldset>
      ))}
      <Input
        label={t("fields.effectiveFrom")}
        type="datetime-local"
        hint={t("hints.effectiveFrom")}
        {...register("effectiveFrom")}
        error={message(errors.effectiveFrom?.message)}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("save")}
        </Button>
      </div>
      <FormStatus error={formError} success={success} />
    </form>
  );
}
