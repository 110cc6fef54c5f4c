"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { changeOwnPasswordAction } from "@/lib/actions/security";
import { type ChangePasswordInput, changePasswordSchema } from "@/lib/schemas/security";
import { PasswordStrengthMeter } from "../../_components/password-strength";

export function PasswordForm({ userId, userInputs }: { userId: string; userInputs: string[] }) {
  const t = useTranslations("security.password");
  const tv = useTranslations();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { userId, currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const newPassword = useWatch({ control, name: "newPassword" }) ?? "";
  const message = (m?: string) => (m && tv.has(m as never) ? tv(m as never) : m);

  const onSubmit = handleSubmit(async (values) => {
    setDone(null);
    setFormError(null);
    const result = await changeOwnPasswordAction(values);
    if (result.ok) {
      reset({ userId, currentPassword: "", newPassword: "", confirmPassword: "" });
      setDone(t("done", { count: result.data.otherSessionsEnded }));
      router.refresh();
      return;
    }
    const fields = Object.entries(result.fieldErrors ?? {});
    for (const [field, messages] of fields) {
      if (field in values) setError(field as keyof ChangePasswordInput, { message: messages[0] });
    }
    if (fields.length === 0) setFormError(result.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {done ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
          {done}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="rounded-md border border-danger bg-red-50 p-3 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <input type="hidden" {...register("userId")} />
      <Input
        label={t("current")}
        type="password"
        autoComplete="current-password"
        required
        error={message(errors.currentPassword?.message)}
        {...register("currentPassword")}
      />
      <Input
        label={t("new")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("newHint")}
        error={message(errors.newPassword?.message)}
        {...register("newPassword")}
      />
      <PasswordStrengthMeter id="new-password-strength" password={newPassword} userInputs={userInputs} />
      <Input
        label={t("confirm")}
        type="password"
        autoComplete="new-password"
        required
        error={message(errors.confirmPassword?.message)}
        {...register("confirmPassword")}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
