"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import {
  cancelInvoiceAction,
  decideIdControlAction,
  markInvoicePaidAction,
  unblockNameAction,
} from "@/lib/actions/operator";
import { FormStatus, useMessage } from "./form-kit";

type Result = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** A row's decision: a reason and one or two buttons, each stating what it does. */
function useDecision() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const run = (fn: () => Promise<Result>, onDone?: () => void) =>
    start(async () => {
      setError(null);
      setReasonError(undefined);
      const result = await fn();
      if (!result.ok) {
        const atReason = result.fieldErrors?.reason?.[0];
        if (atReason) setReasonError(atReason);
        else setError(result.message);
        return;
      }
      onDone?.();
      router.refresh();
    });
  return { pending, error, reasonError, run };
}

/** R-CHG-3: approve or reject a pending ID control, with a reason (required to reject). */
export function IdControlDecision({ requestId, domain }: { requestId: string; domain: string }) {
  const t = useTranslations("operator.idControl");
  const message = useMessage();
  const [reason, setReason] = useState("");
  const { pending, error, reasonError, run } = useDecision();
  const decide = (decision: "passed" | "rejected") =>
    run(() => decideIdControlAction({ requestId, decision, reason: reason || undefined }));
  return (
    <form aria-label={t("decideFor", { domain })} className="flex flex-col gap-2" onSubmit={(e) => e.preventDefault()}>
      <Input label={t("reason")} value={reason} onChange={(e) => setReason(e.target.value)} error={message(reasonError)} />
      <div className="flex gap-2">
        <Button size="sm" disabled={pending} onClick={() => decide("passed")}>
          {t("approve")}
        </Button>
        <Button size="sm" variant="danger" disabled={pending} onClick={() => decide("rejected")}>
          {t("reject")}
        </Button>
      </div>
      <FormStatus error={error} />
    </form>
  );
}

/** R-REN-2: mark an open invoice paid, or cancel it with a reason — each confirmed first. */
export function InvoiceDecision({ number, domain, amount }: { number: number; domain: string; amount: string }) {
  const t = useTranslations("operator.invoices");
  const message = useMessage();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const facts = [
    { term: t("domain"), value: domain },
    { term: t("amount"), value: amount },
  ];
  return (
    <div role="group" aria-label={t("decideFor", { number })} className="flex flex-wrap gap-2">
      <ConfirmDialog
        trigger={<Button size="sm">{t("markPaid")}</Button>}
        title={t("markPaidTitle", { number })}
        description={t("markPaidConsequence", { domain })}
        facts={facts}
        confirmLabel={t("markPaid")}
        onConfirm={() => markInvoicePaidAction({ number })}
        successMessage={t("markedPaid", { number })}
        onSuccess={() => router.refresh()}
      />
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="danger">
            {t("cancel")}
          </Button>
        }
        title={t("cancelTitle", { number })}
        description={t("cancelConsequence", { domain })}
        facts={facts}
        confirmLabel={t("cancel")}
        tone="danger"
        onConfirm={async () => {
          setReasonError(undefined);
          const result = await cancelInvoiceAction({ number, reason });
          if (!result.ok) setReasonError(result.fieldErrors?.reason?.[0]);
          return result;
        }}
        successMessage={t("cancelled", { number })}
        onSuccess={() => {
          setReason("");
          router.refresh();
        }}
      >
        <Input label={t("cancelReason")} value={reason} onChange={(e) => setReason(e.target.value)} error={message(reasonError)} />
      </ConfirmDialog>
    </div>
  );
}

/** Remove a blocked name, with a reason. */
export function UnblockName({ name }: { name: string }) {
  const t = useTranslations("operator.names");
  const message = useMessage();
  const [reason, setReason] = useState("");
  const { pending, error, reasonError, run } = useDecision();
  return (
    <form
      aria-label={t("unblockFor", { name })}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => unblockNameAction({ name, reason }), () => setReason(""));
      }}
    >
      <Input label={t("removeReason")} value={reason} onChange={(e) => setReason(e.target.value)} error={message(reasonError)} />
      <Button size="sm" type="submit" variant="secondary" disabled={pending}>
        {t("remove")}
      </Button>
      <FormStatus error={error} />
    </form>
  );
}
