"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createUserAction } from "@/lib/actions/users";
import { type CreateUserInput, createUserSchema } from "@/lib/schemas/users";
import { DialogClose, SimpleDialog as Modal } from "@/components/ui/dialog";
import { FormError, MetaRoleChecks, ShownOnce, StepUpField, useFieldMessage } from "../../_users-shared/form-bits";

/**
 * "Create user": email, name, meta-roles, an initial password or none — then a generated one is
 * shown once in this dialog. The dialog's state lives here, so the page's re-render after the
 * action does not lose the password before it was passed on.
 */
export function CreateUser({ stepUp }: { stepUp: boolean }) {
  const t = useTranslations("users");
  const message = useFieldMessage();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ email: string; password?: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const empty: CreateUserInput = { email: "", name: "", metaRoles: [], password: "", totpCode: "" };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput>({ resolver: zodResolver(createUserSchema), defaultValues: empty });

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setFormError(null);
      reset(empty);
    }
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createUserAction(values);
    if (result.ok) {
      setCreated({ email: result.data.email, password: result.data.generatedPassword });
      return;
    }
    const fields = Object.entries(result.fieldErrors ?? {}).filter(([f]) => f in empty);
    for (const [field, messages] of fields) setError(field as keyof CreateUserInput, { message: messages[0] });
    if (fields.length === 0) setFormError(result.message);
  });

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("create.button")}</Button>
      {created ? (
        <Modal
          open={open}
          onOpenChange={close}
          title={created.password ? t("generated.title", { email: created.email }) : t("create.done", { email: created.email })}
          description={created.password ? t("generated.body") : undefined}
        >
          {created.password ? <ShownOnce label={t("generated.label")} value={created.password} /> : null}
          <div className="flex justify-end">
            <DialogClose>
              <Button>{created.password ? t("generated.close") : t("close")}</Button>
            </DialogClose>
          </div>
        </Modal>
      ) : (
        <Modal open={open} onOpenChange={close} title={t("create.title")} description={t("create.description")}>
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <FormError message={formError} />
            <Input label={t("create.email")} type="email" autoComplete="off" required error={message(errors.email?.message)} {...register("email")} />
            <Input label={t("create.name")} autoComplete="off" error={message(errors.name?.message)} {...register("name")} />
            <MetaRoleChecks register={register("metaRoles")} error={message(errors.metaRoles?.message)} />
            <Input
              label={t("create.password")}
              type="password"
              autoComplete="new-password"
              hint={t("create.passwordHint")}
              error={message(errors.password?.message)}
              {...register("password")}
            />
            {stepUp ? <StepUpField register={register("totpCode")} error={message(errors.totpCode?.message)} /> : null}
            <div className="flex justify-end gap-2">
              <DialogClose>
                <Button variant="secondary">{t("cancel")}</Button>
              </DialogClose>
              <Button type="submit" disabled={isSubmitting}>
                {t("create.submit")}
              </Button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
