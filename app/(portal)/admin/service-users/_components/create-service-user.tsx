"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createServiceUserAction } from "@/lib/actions/service-users";
import { type CreateServiceUserInput, SERVICE_VALUES, createServiceUserSchema } from "@/lib/schemas/users";
import { DialogClose, SimpleDialog as Modal } from "@/components/ui/dialog";
import { FormError, MetaRoleChecks, StepUpField, useFieldMessage } from "../../_users-shared/form-bits";
import { CredentialOnce } from "./credential-once";

/** "Create service user": one service, meta-roles but Administrator; the credential shown once. */
export function CreateServiceUser({ stepUp }: { stepUp: boolean }) {
  const t = useTranslations("users");
  const message = useFieldMessage();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<{ email: string; service: string; secret: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const empty = { email: "", name: "", service: "" as never, metaRoles: [], totpCode: "" } satisfies CreateServiceUserInput;
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateServiceUserInput>({
    resolver: zodResolver(createServiceUserSchema),
    defaultValues: empty,
  });
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setIssued(null);
      setFormError(null);
      reset(empty);
    }
  };
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createServiceUserAction(values);
    if (result.ok) {
      setIssued({ email: result.data.user.email, service: result.data.user.service ?? "", secret: result.data.secret });
      return;
    }
    const fields = Object.entries(result.fieldErrors ?? {}).filter(([f]) => f in empty);
    for (const [field, messages] of fields) setError(field as keyof CreateServiceUserInput, { message: messages[0] });
    if (fields.length === 0) setFormError(result.message);
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("serviceUsers.create.button")}</Button>
      {issued ? (
        <Modal
          open={open}
          onOpenChange={close}
          title={t("serviceUsers.credential.title", { email: issued.email })}
          description={t("serviceUsers.credential.body", { service: issued.service })}
        >
          <CredentialOnce secret={issued.secret} />
          <div className="flex justify-end">
            <DialogClose>
              <Button>{t("serviceUsers.credential.close")}</Button>
            </DialogClose>
          </div>
        </Modal>
      ) : (
        <Modal open={open} onOpenChange={close} title={t("serviceUsers.create.title")} description={t("serviceUsers.create.description")}>
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <FormError message={formError} />
            <Input label={t("serviceUsers.create.email")} type="email" autoComplete="off" required error={message(formState.errors.email?.message)} {...register("email")} />
            <Input label={t("serviceUsers.create.name")} autoComplete="off" error={message(formState.errors.name?.message)} {...register("name")} />
            <div className="flex flex-col gap-1">
              <label htmlFor="service-select" className="text-sm font-medium text-zinc-800">
                {t("serviceUsers.create.service")}
              </label>
              <select
                id="service-select"
                required
                aria-invalid={formState.errors.service ? true : undefined}
                aria-describedby={formState.errors.service ? "service-select-error" : undefined}
                className="h-10 rounded-md border border-zinc-300 bg-surface px-3 text-sm"
                {...register("service")}
              >
                <option value="">{t("serviceUsers.create.chooseService")}</option>
                {SERVICE_VALUES.map((s) => (
                  <option key={s} value={s}>
                    {t(`services.${s}`)}
                  </option>
                ))}
              </select>
              {formState.errors.service ? (
                <p id="service-select-error" className="text-xs text-danger">
                  {message(formState.errors.service.message)}
                </p>
              ) : null}
            </div>
            <MetaRoleChecks register={register("metaRoles")} error={message(formState.errors.metaRoles?.message)} exclude={["ADMINISTRATOR"]} />
            {stepUp ? <StepUpField register={register("totpCode")} error={message(formState.errors.totpCode?.message)} /> : null}
            <div className="flex justify-end gap-2">
              <DialogClose>
                <Button variant="secondary">{t("cancel")}</Button>
              </DialogClose>
              <Button type="submit" disabled={formState.isSubmitting}>
                {t("serviceUsers.create.submit")}
              </Button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
