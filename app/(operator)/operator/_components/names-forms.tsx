"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { addWaitingListEntryAction, blockNameAction } from "@/lib/actions/operator";
import { blockNameSchema, waitingListEntrySchema } from "@/lib/schemas/operator";
import { FormStatus, applyFieldErrors, useMessage } from "./form-kit";

type BlockValues = z.input<typeof blockNameSchema>;

export function BlockNameForm() {
  const t = useTranslations("operator.names");
  const message = useMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<BlockValues>({
    resolver: zodResolver(blockNameSchema, undefined, { raw: true }),
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSuccess(null);
    const result = await blockNameAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(result.fieldErrors, setError, ["name", "reason"] as const)) setFormError(result.message);
      return;
    }
    setSuccess(t("blocked", { name: result.data.name }));
    reset({ name: "", reason: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("blockHeading")} className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Input label={t("name")} required {...register("name")} error={message(formState.errors.name?.message)} />
        <Input label={t("reason")} required {...register("reason")} error={message(formState.errors.reason?.message)} />
      </div>
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("block")}
        </Button>
      </div>
      <FormStatus error={formError} success={success} />
    </form>
  );
}

type EntryValues = z.input<typeof waitingListEntrySchema>;
const ENTRY_FIELDS = ["name", "holderName", "holderEmail", "handle"] as const;

export function WaitingListEntryForm() {
  const t = useTranslations("operator.names");
  const message = useMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<EntryValues>({
    resolver: zodResolver(waitingListEntrySchema, undefined, { raw: true }),
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSuccess(null);
    const result = await addWaitingListEntryAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(result.fieldErrors, setError, ENTRY_FIELDS)) setFormError(result.message);
      return;
    }
    setSuccess(t("entryAdded", { name: result.data.name, position: result.data.position }));
    reset({ name: "", holderName: "", holderEmail: "", handle: "" });
    router.refresh();
  });
  const field = (name: (typeof ENTRY_FIELDS)[number]) => ({ ...register(name), error: message(formState.errors[name]?.message) });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("entryHeading")} className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Input label={t("waitingName")} required {...field("name")} />
        <Input label={t("holderName")} required {...field("holderName")} />
        <Input label={t("holderEmail")} required type="email" {...field("holderEmail")} />
        <Input label={t("holderHandle")} hint={t("holderHandleHint")} {...field("handle")} />
      </div>
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("addEntry")}
        </Button>
      </div>
      <FormStatus error={formError} success={success} />
    </form>
  );
}
