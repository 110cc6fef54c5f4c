"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createRegistrarAction } from "@/lib/actions/operator";
import type { CreatedRegistrar } from "@/lib/registry/operator";
import { createRegistrarSchema } from "@/lib/schemas/operator";
import { FormStatus, Textarea, applyFieldErrors, useMessage } from "./form-kit";

type Values = z.input<typeof createRegistrarSchema>;
const FIELDS = [
  "name",
  "cvr",
  "street",
  "postalCode",
  "city",
  "countryCode",
  "email",
  "phone",
  "fikCode",
  "accountNumber",
  "adminName",
  "adminEmail",
  "allowlist",
] as const;

/** "Create registrar": the account, its first Administrator and its initial IP allowlist. */
export function CreateRegistrarForm() {
  const t = useTranslations("operator.registrarNew");
  const message = useMessage();
  const [created, setCreated] = useState<CreatedRegistrar | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(createRegistrarSchema, undefined, { raw: true }), defaultValues: { countryCode: "DK" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createRegistrarAction(values);
    if (result.ok) {
      setCreated(result.data);
      return;
    }
    if (!applyFieldErrors(result.fieldErrors, setError, FIELDS)) setFormError(result.message);
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

  const field = (name: (typeof FIELDS)[number]) => ({ ...register(name), error: message(errors[name]?.message) });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <FormStatus error={formError} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("account")}</legend>
        <Input label={t("name")} required autoComplete="organization" {...field("name")} />
        <Input label={t("cvr")} required inputMode="numeric" {...field("cvr")} />
        <Input label={t("street")} required autoComplete="street-address" {...field("street")} />
        <Input label={t("postalCode")} required autoComplete="postal-code" {...field("postalCode")} />
        <Input label={t("city")} required autoComplete="address-level2" {...field("city")} />
        <Input label={t("countryCode")} required {...field("countryCode")} />
        <Input label={t("email")} required type="email" {...field("email")} />
        <Input label={t("phone")} type="tel" {...field("phone")} />
        <Input label={t("fikCode")} required inputMode="numeric" {...field("fikCode")} />
        <Input label={t("accountNumber")} inputMode="numeric" hint={t("accountNumberHint")} {...field("accountNumber")} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("administrator")}</legend>
        <Input label={t("adminName")} required {...field("adminName")} />
        <Input label={t("adminEmail")} required type="email" {...field("adminEmail")} />
      </fieldset>
      <Textarea label={t("allowlist")} required hint={t("allowlistHint")} {...field("allowlist")} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
