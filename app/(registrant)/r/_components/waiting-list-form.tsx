"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { joinWaitingListAction } from "@/lib/actions/registrant";
import { waitingListJoinSchema } from "@/lib/schemas/registrant";

/** Domain name, name, email and an optional handle (R-REG-6). */
export function WaitingListForm() {
  const t = useTranslations("registrant.waitingList");
  const [joined, setJoined] = useState<string | null>(null);
  const f = useActionForm(waitingListJoinSchema, joinWaitingListAction, {
    defaultValues: { name: "", holderName: "", holderEmail: "", handle: "" },
    successMessage: false,
    resetOnSuccess: true,
    onSuccess: (data) => setJoined(t("joined", { domain: data.name, position: data.position })),
  });
  return (
    <div className="flex flex-col gap-4">
      {joined ? (
        <Alert tone="success" live>
          {joined}
        </Alert>
      ) : null}
      <Form of={f} className="sm:max-w-md">
        <TextField name="name" label={t("name")} hint={t("nameHint")} autoComplete="off" spellCheck={false} required />
        <TextField name="holderName" label={t("holderName")} autoComplete="name" required />
        <TextField
          name="holderEmail"
          label={t("holderEmail")}
          hint={t("holderEmailHint")}
          type="email"
          autoComplete="email"
          required
        />
        <TextField name="handle" label={t("handle")} hint={t("handleHint")} autoComplete="off" spellCheck={false} />
        <SubmitButton pendingLabel={t("joining")}>{t("join")}</SubmitButton>
      </Form>
    </div>
  );
}
