"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { reactivateRegistrarAction, suspendRegistrarAction } from "@/lib/actions/operator";
import { FormStatus } from "./form-kit";

/** Suspend (with a reason, stating what it does) or reactivate a registrar. */
export function RegistrarStateControl({ accountId, name, suspended }: { accountId: string; name: string; suspended: boolean }) {
  const t = useTranslations("operator.registrar");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, start] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }>) =>
    start(async () => {
      setError(null);
      setFieldError(undefined);
      const result = await fn();
      if (!result.ok) {
        const reasonError = result.fieldErrors?.reason?.[0];
        if (reasonError) setFieldError(reasonError);
        else setError(result.message ?? null);
        return;
      }
      setReason("");
      router.refresh();
    });

  if (suspended) {
    return (
      <div className="flex flex-col items-end gap-2">
        <Button disabled={pending} onClick={() => run(() => reactivateRegistrarAction({ accountId }))}>
          {t("reactivate")}
        </Button>
        <FormStatus error={error} />
      </div>
    );
  }
  return (
    <form
      className="flex max-w-md flex-col gap-2 rounded-lg border border-border bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => suspendRegistrarAction({ accountId, reason }));
      }}
    >
      <p className="text-sm text-muted">{t("suspendConsequence", { name })}</p>
      <Input label={t("suspendReason")} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("suspend")}
      </Button>
      <FormStatus error={error} />
    </form>
  );
}
