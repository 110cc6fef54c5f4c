"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { rotateServiceCredentialAction } from "@/lib/actions/service-users";
import { DialogClose, SimpleDialog as Modal } from "@/components/ui/dialog";
import { FormError } from "../../_users-shared/form-bits";
import { CredentialOnce } from "./credential-once";

/** "Rotate credential": a new one shown once; the old one works until the overlap ends (R-ACC-4). */
export function RotateCredential({
  userId,
  email,
  service,
  overlapHours,
  stepUp,
}: {
  userId: string;
  email: string;
  service: string;
  overlapHours: number;
  stepUp: boolean;
}) {
  const t = useTranslations("users");
  const locale = useLocale() as Locale;
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [issued, setIssued] = useState<{ secret: string; until: Date } | null>(null);
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setIssued(null);
      setCode("");
      setError(null);
    }
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await rotateServiceCredentialAction({ userId, totpCode: code });
    setPending(false);
    if (result.ok) setIssued({ secret: result.data.secret, until: new Date(result.data.previousValidUntil) });
    else setError(result.fieldErrors?.totpCode?.[0] ?? result.message);
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`${t("serviceUsers.rotate.button")}: ${email}`}>
        {t("serviceUsers.rotate.button")}
      </Button>
      {issued ? (
        <Modal
          open={open}
          onOpenChange={close}
          title={t("serviceUsers.credential.title", { email })}
          description={t("serviceUsers.credential.body", { service })}
        >
          <CredentialOnce secret={issued.secret} />
          <p role="status" className="text-sm">
            {t("serviceUsers.credential.previousUntil", { until: formatDateTime(issued.until, locale) })}
          </p>
          <div className="flex justify-end">
            <DialogClose>
              <Button>{t("serviceUsers.credential.close")}</Button>
            </DialogClose>
          </div>
        </Modal>
      ) : (
        <Modal
          open={open}
          onOpenChange={close}
          title={t("serviceUsers.rotate.title", { email })}
          description={t("serviceUsers.rotate.body", { hours: overlapHours, service })}
        >
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <FormError message={error} />
            {stepUp ? (
              <Input
                label={t("stepUp.label")}
                hint={t("stepUp.hint")}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            ) : null}
            <div className="flex justify-end gap-2">
              <DialogClose>
                <Button variant="secondary">{t("cancel")}</Button>
              </DialogClose>
              <Button type="submit" disabled={pending}>
                {t("serviceUsers.rotate.confirm")}
              </Button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
