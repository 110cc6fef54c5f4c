"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { HostRows } from "@/app/(portal)/nameservers/_components/host-rows";
import { buttonClassName } from "@/components/ui/button";
import {
  DateTimeField,
  Form,
  RadioGroupField,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { registerDomainAction } from "@/lib/actions/domain-register";
import type { RegistrationOptions } from "@/lib/registry/domains";
import { type RegisterDomainFormInput, registerDomainSchema } from "@/lib/schemas/domain-register";
import { AvailabilityStatus } from "./availability-status";
import { HandleField } from "./handle-field";
import { PriceSummary } from "./price-summary";

// Issue 15 "Register" (R-REG-1): the fields in R-REG-1's order and with its labels. A refusal
// lands at its field with everything typed kept (useActionForm); created → the domain's page with
// a confirmation, held (method 2) → the held page.

export function RegisterDomainForm({ options, now }: { options: RegistrationOptions; now: string }) {
  const t = useTranslations("domainRegister");
  const tDomains = useTranslations("domains");
  const router = useRouter();
  const locale = useLocale();
  const allowed = options.managementModels;
  const defaultModel = allowed.includes(options.defaultManagementModel)
    ? options.defaultManagementModel
    : (allowed[0] ?? "registrar");
  const f = useActionForm(registerDomainSchema, registerDomainAction, {
    defaultValues: {
      reference: "",
      name: "",
      authorizationCode: "",
      periodYears: String(options.periodYears[0] ?? 1),
      managementModel: defaultModel,
      renewalPolicy: options.defaultRenewalPolicy,
      poNumber: "",
      accountCode: "",
      registrant: "",
      proxy: "",
      payer: "",
      nameServers: [{ host: "" }, { host: "" }],
      termsMethod: "stated",
      termsAcceptedAt: now,
    } satisfies RegisterDomainFormInput,
    successMessage: (data) => (data.status === "ACTIVE" ? t("registered", { name: data.uLabel }) : ""),
    onSuccess: (data) => {
      router.push(
        data.status === "HELD"
          ? `/domains/new/held/${encodeURIComponent(data.name)}`
          : `/domains/${encodeURIComponent(data.name)}`,
      );
    },
  });
  const control = f.form.control;
  const model = useWatch({ control, name: "managementModel" }) as "registrar" | "registrant";
  const termsMethod = useWatch({ control, name: "termsMethod" });
  const registrarManaged = model === "registrar";

  // the handles belong to one management model: another model empties them (R-REG-3)
  const onModelChange = () => {
    for (const field of ["registrant", "proxy", "payer"] as const) f.form.setValue(field, "");
  };

  return (
    <Form of={f} className="max-w-3xl" aria-label={t("title")}>
      <TextField name="reference" label={t("fields.reference")} hint={t("fields.referenceHint")} autoComplete="off" />
      <div className="flex flex-col gap-1">
        <TextField
          name="name"
          label={t("fields.name")}
          hint={t("fields.nameHint")}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <AvailabilityStatus control={control} />
      </div>
      <TextField
        name="authorizationCode"
        label={t("fields.authorizationCode")}
        hint={t("fields.authorizationCodeHint")}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        name="periodYears"
        label={t("fields.periodYears")}
        required
        options={options.periodYears.map((years) => ({
          value: String(years),
          label: t("fields.period", { count: years }),
        }))}
      />
      <div onChange={onModelChange}>
        <RadioGroupField
          name="managementModel"
          label={t("fields.managementModel")}
          required
          options={[
            {
              value: "registrar",
              label: t("fields.registrarManaged"),
              hint: allowed.includes("registrar") ? t("fields.registrarManagedHint") : t("fields.notAllowed"),
              disabled: !allowed.includes("registrar"),
            },
            {
              value: "registrant",
              label: t("fields.registrantManaged"),
              hint: allowed.includes("registrant") ? t("fields.registrantManagedHint") : t("fields.notAllowed"),
              disabled: !allowed.includes("registrant"),
            },
          ]}
        />
      </div>
      <RadioGroupField
        name="renewalPolicy"
        label={t("fields.renewalPolicy")}
        hint={t("fields.renewalHint", { policy: tDomains(`renewal.${options.defaultRenewalPolicy}`) })}
        required
        orientation="horizontal"
        options={[
          { value: "AUTO_RENEW", label: tDomains("renewal.AUTO_RENEW") },
          { value: "AUTO_EXPIRE", label: tDomains("renewal.AUTO_EXPIRE") },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="poNumber" label={t("fields.poNumber")} autoComplete="off" />
        <TextField name="accountCode" label={t("fields.accountCode")} autoComplete="off" />
      </div>
      <HandleField
        key={`registrant-${model}`}
        name="registrant"
        label={t("fields.registrant")}
        hint={registrarManaged ? t("fields.registrantHintRegistrar") : t("fields.registrantHintRegistrant")}
        managementModel={model}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {(["proxy", "payer"] as const).map((role) => (
          <HandleField
            key={`${role}-${model}`}
            name={role}
            label={t(`fields.${role}`)}
            hint={registrarManaged ? t("fields.contactHintRegistrar") : t("fields.contactHintRegistrant")}
            managementModel={model}
            disabled={registrarManaged}
          />
        ))}
      </div>
      <HostRows legend={t("fields.nameServers")} />
      <RadioGroupField
        name="termsMethod"
        label={t("fields.terms")}
        required
        options={[
          {
            value: "stated",
            label: t("fields.termsStated"),
            hint: t("fields.termsStatedHint", { days: options.termsMaxAgeDays }),
          },
          {
            value: "email",
            label: t("fields.termsEmail"),
            hint: t("fields.termsEmailHint", { days: options.holdDays }),
          },
        ]}
      />
      {termsMethod === "stated" ? (
        <DateTimeField name="termsAcceptedAt" label={t("fields.termsAcceptedAt")} required />
      ) : null}
      <PriceSummary control={control} options={options} locale={locale} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
        <Link href="/domains" className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
