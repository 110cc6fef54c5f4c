"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { addWaitingListEntryAction, blockNameAction } from "@/lib/actions/operator";
import { blockNameSchema, waitingListEntrySchema } from "@/lib/schemas/operator";
import { FormStatus } from "./form-kit";

export function BlockNameForm() {
  const t = useTranslations("operator.names");
  const router = useRouter();
  const [success, setSuccess] = useState<string | null>(null);
  const f = useActionForm(blockNameSchema, blockNameAction, {
    defaultValues: { name: "", reason: "" },
    successMessage: false,
    resetOnSuccess: true,
    onSuccess: (data) => {
      setSuccess(t("blocked", { name: data.name }));
      router.refresh();
    },
  });
  return (
    <Form of={f} aria-label={t("blockHeading")} onChange={() => setSuccess(null)}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t("name")} required />
        <TextField name="reason" label={t("reason")} required />
      </div>
      <div>
        <SubmitButton>{t("block")}</SubmitButton>
      </div>
      <FormStatus success={success} />
    </Form>
  );
}

export function WaitingListEntryForm() {
  const t = useTranslations("operator.names");
  const router = useRouter();
  const [success, setSuccess] = useState<string | null>(null);
  const f = useActionForm(waitingListEntrySchema, addWaitingListEntryAction, {
    defaultValues: { name: "", holderName: "", holderEmail: "", handle: "" },
    successMessage: false,
    resetOnSuccess: true,
    onSuccess: (data) => {
      setSuccess(t("entryAdded", { name: data.name, position: data.position }));
      router.refresh();
    },
  });
  return (
    <Form of={f} aria-label={t("entryHeading")} onChange={() => setSuccess(null)}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t("waitingName")} required />
        <TextField name="holderName" label={t("holderName")} required />
        <TextField name="holderEmail" label={t("holderEmail")} required type="email" />
        <TextField name="handle" label={t("holderHandle")} hint={t("holderHandleHint")} />
      </div>
      <div>
        <SubmitButton>{t("addEntry")}</SubmitButton>
      </div>
      <FormStatus success={success} />
    </Form>
  );
}
