"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptOfferAction, declineOfferAction } from "@/lib/actions/registrant";
import { offerAcceptSchema } from "@/lib/schemas/registrant";

/** Accept the offer with the authorization code from the mail, or decline it (R-REG-6). */
export function OfferForm({ link, domain, until }: { link: string; domain: string; until: string }) {
  const t = useTranslations("registrant.offer");
  const [outcome, setOutcome] = useState<string | null>(null);
  const f = useActionForm(offerAcceptSchema, acceptOfferAction, {
    defaultValues: { link, authorizationCode: "" },
    successMessage: false,
    onSuccess: () => setOutcome(t("accepted", { domain, until })),
  });
  if (outcome) {
    return (
      <Alert tone="success" live>
        {outcome}
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <Form of={f} className="sm:max-w-sm">
        <TextField
          name="authorizationCode"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="one-time-code"
          spellCheck={false}
          required
        />
        <SubmitButton pendingLabel={t("accepting")}>{t("accept")}</SubmitButton>
      </Form>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" className="self-start">
            {t("decline")}
          </Button>
        }
        title={t("declineTitle", { domain })}
        consequences={[t("declineConsequence")]}
        confirmLabel={t("decline")}
        tone="danger"
        successMessage={false}
        onConfirm={() => declineOfferAction({ link })}
        onSuccess={() => setOutcome(t("declined", { domain }))}
      />
    </div>
  );
}
