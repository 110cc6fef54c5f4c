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
import { unlinkHandleAction } from "@/lib/actions/admin";
import { handleRefSchema } from "@/lib/schemas/admin";

/** "Unlink" (R-ACC-5): the handle stays in the registry, out of the portal's reach. */
export function UnlinkHandleButton({ handle }: { handle: string }) {
  const t = useTranslations("admin.handles.unlink");
  const tc = useTranslations("ui.actions");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const f = useActionForm(handleRefSchema, unlinkHandleAction, {
    defaultValues: { handle },
    successMessage: () => t("done", { handle }),
    onSuccess: () => {
      setOpen(false);
      router.push("/admin/handles");
    },
  });
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="danger">{t("open")}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <Form of={f} className="gap-0">
          <AlertDialogHeader>
            <AlertDialogTitle>{t("title", { handle })}</AlertDialogTitle>
            <AlertDialogDescription>{t("description")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter className="mt-4">
            <AlertDialogCancel asChild>
              <Button variant="secondary">{tc("cancel")}</Button>
            </AlertDialogCancel>
            <SubmitButton variant="danger">{t("confirm")}</SubmitButton>
          </AlertDialogFooter>
        </Form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
