"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
    <div className="flex max-w-md flex-col items-end gap-2">
      <ConfirmDialog
        trigger={
          <Button variant="danger" disabled={pending}>
            {t("suspend")}
          </Button>
        }
        title={t("suspendTitle", { name })}
        description={t("suspendConsequence", { name })}
        confirmLabel={t("suspend")}
        tone="danger"
        onConfirm={async () => {
          setFieldError(undefined);
          const result = await suspendRegistrarAction({ accountId, reason });
          if (!result.ok) setFieldError(result.fieldErrors?.reason?.[0]);
          return result;
        }}
        successMessage={t("suspended", { name })}
        onSuccess={() => {
          setReason("");
          router.refresh();
        }}
      >
        <Input label={t("suspendReason")} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError} />
      </ConfirmDialog>
    </div>
  );
}
