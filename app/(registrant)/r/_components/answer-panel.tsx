"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  acceptRegistrantChangeAction,
  acceptTermsAction,
  declineRegistrantChangeAction,
  declineTermsAction,
} from "@/lib/actions/registrant";
import type { ActionResult } from "@/lib/actions/result";

type Kind = "terms" | "change";

/**
 * "Accept" and "Decline" on a terms page (issue 16): a method-2 registration or a change of
 * registrant. Accepting is the page's purpose, so it is one click; declining ends the request
 * and is confirmed first. The outcome replaces the buttons.
 */
export function AnswerPanel({ kind, token, domain }: { kind: Kind; token: string; domain: string }) {
  const t = useTranslations("registrant");
  const [outcome, setOutcome] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ns = kind === "terms" ? "terms" : "change";

  if (outcome) {
    return (
      <Alert tone="success" live>
        {outcome}
      </Alert>
    );
  }

  async function accept() {
    setPending(true);
    setRefusal(null);
    try {
      if (kind === "terms") {
        const result = await acceptTermsAction({ token });
        if (result.ok) setOutcome(t("terms.accepted", { domain }));
        else setRefusal(result.message);
      } else {
        const result = await acceptRegistrantChangeAction({ token });
        if (!result.ok) setRefusal(result.message);
        else if (result.data.state === "ID_CONTROL_REQUESTED") setOutcome(t("change.acceptedIdControl", { domain }));
        else if (result.data.state === "ID_CONTROL_REJECTED") setOutcome(t("change.acceptedRejected"));
        else setOutcome(t("change.accepted", { domain }));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {refusal ? (
        <Alert tone="danger" live>
          {refusal}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={accept} disabled={pending} aria-busy={pending || undefined}>
          {pending ? t("terms.accepting") : t("terms.accept")}
        </Button>
        <ConfirmDialog
          trigger={<Button variant="secondary" disabled={pending}>{t("terms.decline")}</Button>}
          title={t(`${ns}.declineTitle`, { domain })}
          consequences={[t(`${ns}.declineConsequence`, { domain })]}
          confirmLabel={t("terms.decline")}
          tone="danger"
          successMessage={false}
          onConfirm={async (): Promise<ActionResult<unknown>> =>
            kind === "terms" ? declineTermsAction({ token }) : declineRegistrantChangeAction({ token })
          }
          onSuccess={() => setOutcome(t(`${ns}.declined`, { domain }))}
        />
      </div>
    </div>
  );
}
