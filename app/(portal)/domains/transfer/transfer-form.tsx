"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { transferDomainAction } from "@/lib/actions/domain-transfer";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { transferDomainSchema } from "@/lib/schemas/domain-transfer";

/** "Domain name" and "Token", then "Transfer": on success the domain's page in this portfolio. */
export function TransferForm() {
  const t = useTranslations("domainTransfer.transfer");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const f = useActionForm(transferDomainSchema, transferDomainAction, {
    defaultValues: { name: "", token: "" },
    successMessage: (data) => t("done", { name: data.name, fee: formatMoney(data.charged, locale) }),
    onSuccess: (data) => router.push(`/domains/${data.name}`),
  });
  return (
    <Form of={f} aria-label={t("title")}>
      <TextField name="name" label={t("name")} required autoComplete="off" />
      <TextField
        name="token"
        label={t("token")}
        hint={t("tokenHint")}
        required
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </Form>
  );
}
