"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { revokeSessionsAction } from "@/lib/actions/users";
import { DialogClose, SimpleDialog as Modal } from "@/components/ui/dialog";
import { FormError } from "../../_users-shared/form-bits";

/** The Administrator ends any session of the account; that browser is out at its next click. */
export function EndAccountSession({
  sessionId,
  email,
  label,
  stepUp,
}: {
  sessionId: string;
  email: string;
  label: string;
  stepUp: boolean;
}) {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await revokeSessionsAction({ sessionId, totpCode: code });
    setPending(false);
    if (result.ok) setOpen(false);
    else setError(result.fieldErrors?.totpCode?.[0] ?? result.message);
  };
  return (
    <>
      <Button variant="secondary" size="sm" aria-label={label} onClick={() => setOpen(true)}>
        {t("sessions.end")}
      </Button>
      <Modal open={open} onOpenChange={setOpen} title={t("sessions.endTitle", { email })} description={t("sessions.endBody")}>
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
            <Button type="submit" variant="danger" disabled={pending}>
              {t("sessions.end")}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
