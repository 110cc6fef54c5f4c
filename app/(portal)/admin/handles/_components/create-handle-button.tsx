"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Form, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAccountHandleAction } from "@/lib/actions/admin";
import { createHandleSchema } from "@/lib/schemas/admin";

/** "Create handle" (R-ACC-5): a new handle with the account's data, linked at once. */
export function CreateHandleButton() {
  const t = useTranslations("admin.handles.create");
  const tc = useTranslations("ui.actions");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const f = useActionForm(createHandleSchema, createAccountHandleAction, {
    successMessage: (created) => t("created", { handle: created.handle }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="secondary">{t("open")}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <Form of={f} className="gap-0">
          <AlertDialogHeader>
            <AlertDialogTitle>{t("title")}</AlertDialogTitle>
            <AlertDialogDescription>{t("description")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter className="mt-4">
            <AlertDialogCancel asChild>
              <Button variant="secondary">{tc("cancel")}</Button>
            </AlertDialogCancel>
            <SubmitButton>{t("confirm")}</SubmitButton>
          </AlertDialogFooter>
        </Form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
