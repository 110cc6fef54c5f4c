"use client";

import { useTranslations } from "next-intl";
import { Form, RadioGroupField, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateAccountDefaultsAction } from "@/lib/actions/admin";
import { accountSettingsSchema, managementModels, renewalPolicies } from "@/lib/schemas/admin";

type Defaults = {
  defaultManagementModel: (typeof managementModels)[number];
  defaultRenewalPolicy: (typeof renewalPolicies)[number];
};

/** R-ACC-6: the defaults apply to new registrations and transfers in, never to existing domains. */
export function DefaultsForm(defaults: Defaults) {
  const t = useTranslations("admin.settings");
  const tm = useTranslations("admin.models");
  const tr = useTranslations("admin.renewal");
  const f = useActionForm(accountSettingsSchema, updateAccountDefaultsAction, {
    defaultValues: defaults,
    successMessage: t("saved"),
  });
  return (
    <Form of={f}>
      <p className="text-sm text-muted">{t("defaultsHint")}</p>
      <RadioGroupField
        name="defaultManagementModel"
        label={t("managementModel")}
        options={managementModels.map((m) => ({ value: m, label: tm(m) }))}
      />
      <RadioGroupField
        name="defaultRenewalPolicy"
        label={t("renewalPolicy")}
        options={renewalPolicies.map((r) => ({ value: r, label: tr(r) }))}
      />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </Form>
  );
}
