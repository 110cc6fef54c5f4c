"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MoreHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import {
  deleteUserAction,
  disableUserAction,
  enableUserAction,
  resetUserPasswordAction,
  revokeSessionsAction,
  updateUserRolesAction,
} from "@/lib/actions/users";
import { resetPasswordSchema, updateUserRolesSchema, userActionSchema } from "@/lib/schemas/users";
import { DialogClose, SimpleDialog as Modal } from "@/components/ui/dialog";
import { FormError, MetaRoleChecks, ShownOnce, StepUpField, useFieldMessage } from "../../_users-shared/form-bits";

export type UserRow = {
  id: string;
  email: string;
  metaRoles: string[];
  disabled: boolean;
  lastAdministrator: boolean;
};

type Kind = "roles" | "reset" | "disable" | "enable" | "delete" | "sessions";


type Result = { ok: true; data: unknown } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** The row's "Actions for <email>" menu and the dialog of the chosen action. */
export function UserActions({ user, stepUp, kind = "portal" }: { user: UserRow; stepUp: boolean; kind?: "portal" | "service" }) {
  const t = useTranslations("users");
  const [open, setOpen] = useState<Kind | null>(null);
  const items: Kind[] =
    kind === "portal"
      ? ["roles", "reset", user.disabled ? "enable" : "disable", "sessions", "delete"]
      : [user.disabled ? "enable" : "disable", "delete"];
  const label: Record<Kind, string> = {
    roles: t("editRoles.button"),
    reset: t("resetPassword.button"),
    disable: t("disable.button"),
    enable: t("enable.button"),
    delete: t("delete.button"),
    sessions: t("endSessions.button"),
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm" aria-label={t("actionsFor", { email: user.email })}>
            <MoreHorizontal aria-hidden className="size-4" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {items.map((k) => (
            <DropdownMenuItem key={k} variant={k === "delete" ? "danger" : "default"} onSelect={() => setOpen(k)}>
              {label[k]}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {open === "roles" ? <RolesDialog user={user} stepUp={stepUp} onClose={() => setOpen(null)} /> : null}
      {open === "reset" ? <ResetDialog user={user} stepUp={stepUp} onClose={() => setOpen(null)} /> : null}
      {open && ["disable", "enable", "delete", "sessions"].includes(open) ? (
        <ConfirmUserDialog kind={open as "disable" | "enable" | "delete" | "sessions"} user={user} stepUp={stepUp} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}

/** The refusal as the page explains it: the last Administrator gets the reason spelt out. */
function useRefusal(user: UserRow) {
  const t = useTranslations("users");
  return (result: Extract<Result, { ok: false }>) =>
    result.code === "LAST_ADMINISTRATOR" ? `${result.message} ${t("lastAdministrator", { email: user.email })}` : result.message;
}

function RolesDialog({ user, stepUp, onClose }: { user: UserRow; stepUp: boolean; onClose: () => void }) {
  const t = useTranslations("users");
  const message = useFieldMessage();
  const refusal = useRefusal(user);
  const [formError, setFormError] = useState<string | null>(null);
  type Values = z.input<typeof updateUserRolesSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(updateUserRolesSchema),
    defaultValues: { userId: user.id, metaRoles: user.metaRoles as Values["metaRoles"], totpCode: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = (await updateUserRolesAction(values)) as Result;
    if (result.ok) return onClose();
    if (result.fieldErrors?.totpCode) setError("totpCode", { message: result.fieldErrors.totpCode[0] });
    else if (result.fieldErrors?.metaRoles) setError("metaRoles", { message: result.fieldErrors.metaRoles[0] });
    else setFormError(refusal(result));
  });
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={t("editRoles.title", { email: user.email })} description={t("editRoles.description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <MetaRoleChecks register={register("metaRoles")} error={message(formState.errors.metaRoles?.message)} />
        {stepUp ? <StepUpField register={register("totpCode")} error={message(formState.errors.totpCode?.message)} /> : null}
        <div className="flex justify-end gap-2">
          <DialogClose>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button type="submit" disabled={formState.isSubmitting}>
            {t("editRoles.submit")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function ResetDialog({ user, stepUp, onClose }: { user: UserRow; stepUp: boolean; onClose: () => void }) {
  const t = useTranslations("users");
  const message = useFieldMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  type Values = z.input<typeof resetPasswordSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { userId: user.id, password: "", totpCode: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = (await resetUserPasswordAction(values)) as Result;
    if (result.ok) {
      const data = result.data as { generatedPassword?: string };
      if (data.generatedPassword) setGenerated(data.generatedPassword);
      else onClose();
      return;
    }
    if (result.fieldErrors?.password) setError("password", { message: result.fieldErrors.password[0] });
    else if (result.fieldErrors?.totpCode) setError("totpCode", { message: result.fieldErrors.totpCode[0] });
    else setFormError(result.message);
  });
  if (generated) {
    return (
      <Modal open onOpenChange={(o) => !o && onClose()} title={t("generated.title", { email: user.email })} description={t("generated.body")}>
        <p role="status" className="text-sm">
          {t("resetPassword.done", { email: user.email })}
        </p>
        <ShownOnce label={t("generated.label")} value={generated} />
        <div className="flex justify-end">
          <DialogClose>
            <Button>{t("generated.close")}</Button>
          </DialogClose>
        </div>
      </Modal>
    );
  }
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={t("resetPassword.title", { email: user.email })} description={t("resetPassword.description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <Input
          label={t("resetPassword.password")}
          type="password"
          autoComplete="new-password"
          hint={t("resetPassword.passwordHint")}
          error={message(formState.errors.password?.message)}
          {...register("password")}
        />
        {stepUp ? <StepUpField register={register("totpCode")} error={message(formState.errors.totpCode?.message)} /> : null}
        <div className="flex justify-end gap-2">
          <DialogClose>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button type="submit" disabled={formState.isSubmitting}>
            {t("resetPassword.submit")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Disable, enable, delete, end sessions: a confirmation that names the consequences. */
function ConfirmUserDialog({
  kind,
  user,
  stepUp,
  onClose,
}: {
  kind: "disable" | "enable" | "delete" | "sessions";
  user: UserRow;
  stepUp: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("users");
  const message = useFieldMessage();
  const refusal = useRefusal(user);
  const [formError, setFormError] = useState<string | null>(null);
  type Values = z.input<typeof userActionSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(userActionSchema),
    defaultValues: { userId: user.id, totpCode: "" },
  });
  const key = kind === "sessions" ? "endSessions" : kind;
  const run = { disable: disableUserAction, enable: enableUserAction, delete: deleteUserAction, sessions: revokeSessionsAction }[kind];
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = (await run(values as never)) as Result;
    if (result.ok) return onClose();
    if (result.fieldErrors?.totpCode) setError("totpCode", { message: result.fieldErrors.totpCode[0] });
    else setFormError(refusal(result));
  });
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={t(`${key}.title`, { email: user.email })} description={t(`${key}.body`)}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        {stepUp ? <StepUpField register={register("totpCode")} error={message(formState.errors.totpCode?.message)} /> : null}
        <div className="flex justify-end gap-2">
          <DialogClose>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button type="submit" variant={kind === "enable" ? "primary" : "danger"} disabled={formState.isSubmitting}>
            {t(`${key}.confirm`)}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
