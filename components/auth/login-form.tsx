"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { useEffect, useState } from "react";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { loginSchema, type LoginInput } from "@/lib/schemas/login";

type ServerError = { code: string; message: string; retryAt?: string; reason?: string };

function parseError(error: string): ServerError | null {
  try {
    const parsed = JSON.parse(error) as ServerError;
    if (parsed.code && parsed.message) return parsed;
  } catch {
    // fall through
  }
  return null;
}

/**
 * The login of the portal and of the operator console. Login is next-auth's `signIn`, not a
 * server action; its answer is turned into an ActionResult so useActionForm places it like any
 * refusal: a wrong TOTP code at the code field, everything else in the form's alert.
 */
export function LoginForm({ provider, home }: { provider: "portal" | "operator"; home: string }) {
  const t = useTranslations("login");
  const locale = useLocale() as Locale;
  const router = useRouter();
  /** The login layer's refusal in the reader's language (its English text as the fallback). */
  const failure = (error: ServerError) => {
    const key = error.reason ? `failures.${error.code}_${error.reason}` : `failures.${error.code}`;
    if (!t.has(key)) return error.message;
    const retryAt = error.retryAt ? formatDateTime(new Date(error.retryAt), locale) : "";
    return t(key, { retryAt });
  };
  const [needsCode, setNeedsCode] = useState(false);

  async function logIn(values: LoginInput): Promise<ActionResult<null>> {
    const result = await signIn(provider, { ...values, redirect: false });
    if (result?.ok && !result.error) return { ok: true, data: null };
    const error = parseError(result?.error ?? "") ?? { code: "UNKNOWN", message: t("failed") };
    if (error.code === "TOTP_REQUIRED") {
      setNeedsCode(true); // not an error: the second step (the code field gets focus)
      return { ok: false, code: error.code, message: "" };
    }
    if (error.code === "TOTP_INVALID") {
      return { ok: false, code: error.code, message: "", fieldErrors: { code: [failure(error)] } };
    }
    return { ok: false, code: error.code, message: failure(error) };
  }

  const login = useActionForm(loginSchema, logIn, {
    successMessage: false,
    onSuccess: () => {
      router.replace(home);
      router.refresh();
    },
  });

  const { setFocus } = login.form;
  useEffect(() => {
    if (needsCode) setFocus("code");
  }, [needsCode, setFocus]);

  return (
    <Form of={login}>
      <TextField name="email" label={t("email")} type="email" autoComplete="username" required />
      <TextField
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
      />
      {needsCode ? (
        <TextField
          name="code"
          label={t("code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          hint={t("codeHint")}
          required
        />
      ) : null}
      <SubmitButton className="w-full" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </Form>
  );
}
