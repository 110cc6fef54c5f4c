"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPasswordAction } from "@/lib/actions/security";
import { changePasswordSchema } from "@/lib/schemas/security";
import { PasswordStrengthMeter } from "../../_components/password-strength";

/** "Change password": the current one, the new one twice with a live strength meter. */
export function PasswordForm({ userId, userInputs }: { userId: string; userInputs: string[] }) {
  const t = useTranslations("security.password");
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const defaultValues = { userId, currentPassword: "", newPassword: "", confirmPassword: "" };
  const f = useActionForm(changePasswordSchema, changeOwnPasswordAction, {
    defaultValues,
    resetOnSuccess: true,
    successMessage: false,
    onSuccess: (data) => {
      setDone(t("done", { count: data.otherSessionsEnded }));
      router.refresh();
    },
  });
  const newPassword = useWatch({ control: f.form.control, name: "newPassword" }) ?? "";
  return (
    <Form of={f} className="max-w-md" onChange={() => setDone(null)}>
      {done ? (
        <Alert tone="success" role="status">
          {done}
        </Alert>
      ) : null}
      <input type="hidden" {...f.form.register("userId")} />
      <TextField name="currentPassword" label={t("current")} type="password" autoComplete="current-password" required />
      <TextField name="newPassword" label={t("new")} hint={t("newHint")} type="password" autoComplete="new-password" required />
      <PasswordStrengthMeter id="new-password-strength" password={newPassword} userInputs={userInputs} />
      <TextField name="confirmPassword" label={t("confirm")} type="password" autoComplete="new-password" required />
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </Form>
  );
}
