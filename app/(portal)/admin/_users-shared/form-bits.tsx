"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { META_ROLE_VALUES } from "@/lib/schemas/users";

/** A form-level refusal (e.g. LAST_ADMINISTRATOR), announced. */
export function FormError({ message }: { message: string | null }) {
  return <FormAlert messages={message ? [message] : null} />;
}

/** Translates a catalogue key (client-side zod messages); other text as it is. */
export function useFieldMessage() {
  const t = useTranslations();
  return (m?: string) => (m && t.has(m as never) ? t(m as never) : m);
}

/** The step-up code of a TOTP-enrolled Administrator (risky changes, DESIGN.md §5). */
export function StepUpField({ register, error }: { register: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("users.stepUp");
  return (
    <Input label={t("label")} hint={t("hint")} inputMode="numeric" autoComplete="one-time-code" required error={error} {...register} />
  );
}

/** The meta-role checkboxes; `exclude` leaves out roles (service users: Administrator). */
export function MetaRoleChecks({
  register,
  error,
  exclude = [],
}: {
  register: UseFormRegisterReturn;
  error?: string;
  exclude?: string[];
}) {
  const t = useTranslations("users");
  const errorId = `${register.name}-error`;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-zinc-800">{t("create.metaRoles")}</legend>
      {META_ROLE_VALUES.filter((r) => !exclude.includes(r)).map((role) => (
        <label key={role} className="flex items-center gap-2 text-sm">
          <input type="checkbox" value={role} className="size-4" {...register} />
          {t(`roles.${role}`)}
        </label>
      ))}
      {error ? (
        <p id={errorId} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A secret shown once (generated password, service credential) in a read-only, labelled field. */
export function ShownOnce({ label, value }: { label: string; value: string }) {
  return <Input label={label} readOnly value={value} className="font-mono" onFocus={(e) => e.currentTarget.select()} />;
}
