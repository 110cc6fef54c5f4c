"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setTotpRequiredAction } from "@/lib/actions/users";
import { FormError } from "../../_users-shared/form-bits";

/**
 * "Require two-factor authentication" (account setting): users without TOTP enrol at their next
 * login, before anything else. Turning it off weakens every login: a TOTP-enrolled Administrator
 * gives a code.
 */
export function RequireTwoFactor({ required, stepUp }: { required: boolean; stepUp: boolean }) {
  const t = useTranslations("users.requireTwoFactor");
  const ts = useTranslations("users.stepUp");
  const [checked, setChecked] = useState(required);
  const [code, setCode] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const needsCode = stepUp && required && !checked;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setStatus(null);
    setError(null);
    setCodeError(undefined);
    const result = await setTotpRequiredAction({ required: checked, totpCode: needsCode ? code : "" });
    setPending(false);
    if (result.ok) {
      setStatus(result.data.totpRequired ? t("on") : t("off"));
      setCode("");
    } else if (result.fieldErrors?.totpCode) setCodeError(result.fieldErrors.totpCode[0]);
    else setError(result.message);
  };

  return (
    <section aria-labelledby="require-2fa-title" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <h2 id="require-2fa-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <form onSubmit={save} noValidate className="flex flex-col gap-3">
        <FormError message={error} />
        {status ? (
          <Alert tone="success" role="status">
            {status}
          </Alert>
        ) : null}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4"
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
            aria-describedby="require-2fa-description"
          />
          <span className="font-medium">{t("label")}</span>
        </label>
        <p id="require-2fa-description" className="max-w-prose text-sm text-zinc-700">
          {t("description")}
        </p>
        {needsCode ? (
          <div className="max-w-xs">
            <Input
              label={ts("label")}
              hint={t("stepUpHint")}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={codeError}
            />
          </div>
        ) : null}
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
