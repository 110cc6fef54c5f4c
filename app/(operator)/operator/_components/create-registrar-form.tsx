"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Form, SubmitButton, TextField, TextareaField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createRegistrarAction } from "@/lib/actions/operator";
import type { CreatedRegistrar } from "@/lib/registry/operator";
import { createRegistrarSchema } from "@/lib/schemas/operator";

/** "Create registrar": the account, its first Administrator and its initial IP allowlist. */
export function CreateRegistrarForm() {
  const t = useTranslations("operator.registrarNew");
  const [created, setCreated] = useState<CreatedRegistrar | null>(null);
  const f = useActionForm(createRegistrarSchema, createRegistrarAction, {
    defaultValues: { countryCode: "DK" },
    successMessage: false,
    onSuccess: (data) => setCreated(data),
  });

  if (created) {
    return (
      <div role="status" className="flex flex-col gap-3 rounded-lg border border-green-700 bg-green-50 p-4 text-sm">
        <h2 className="text-lg font-semibold">{t("createdHeading", { name: created.name })}</h2>
        <p>{t("createdText", { handle: created.handle, email: created.admin.email })}</p>
        <p className="font-medium">{t("passwordOnce")}</p>
        <p>
          <span>{t("initialPassword")}: </span>
          <code data-testid="initial-password" className="rounded bg-white px-2 py-1 font-mono text-base">
            {created.initialPassword}
          </code>
        </p>
        <p>
          <Link href={`/operator/registrars/${created.id}`}>{t("open", { name: created.name })}</Link>
        </p>
      </div>
    );
  }

  return (
    <Form of={f} className="gap-6">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("account")}</legend>
        <TextField name="name" label={t("name")} required autoComplete="organization" />
        <TextField name="cvr" label={t("cvr")} required inputMode="numeric" />
        <TextField name="street" label={t("street")} required autoComplete="street-address" />
        <TextField name="postalCode" label={t("postalCode")} required autoComplete="postal-code" />
        <TextField name="city" label={t("city")} required autoComplete="address-level2" />
        <TextField name="countryCode" label={t("countryCode")} required />
        <TextField name="email" label={t("email")} required type="email" />
        <TextField name="phone" label={t("phone")} type="tel" />
        <TextField name="fikCode" label={t("fikCode")} required inputMode="numeric" />
        <TextField name="accountNumber" label={t("accountNumber")} inputMode="numeric" hint={t("accountNumberHint")} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("administrator")}</legend>
        <TextField name="adminName" label={t("adminName")} required />
        <TextField name="adminEmail" label={t("adminEmail")} required type="email" />
      </fieldset>
      <TextareaField name="allowlist" label={t("allowlist")} required hint={t("allowlistHint")} />
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </Form>
  );
}
