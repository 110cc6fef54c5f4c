"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogBody,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { CheckboxField, Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { removeAllowlistEntryAction } from "@/lib/actions/admin";
import { removeAllowlistEntrySchema } from "@/lib/schemas/admin";

/**
 * "Remove" (R-ACC-7): always confirmed; removing the entry holding your own address asks for an
 * explicit acknowledgement; a TOTP-enrolled Administrator gives a code. The core refuses the last
 * entry, and the refusal shows in the dialog.
 */
export function RemoveEntryButton({
  id,
  network,
  ownAddress,
  stepUp,
}: {
  id: string;
  network: string;
  ownAddress: string | null;
  stepUp: boolean;
}) {
  const t = useTranslations("admin.allowlist.remove");
  const ta = useTranslations("admin.allowlist.add");
  const tc = useTranslations("ui.actions");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const f = useActionForm(removeAllowlistEntrySchema, removeAllowlistEntryAction, {
    defaultValues: { id, confirm: false, totpCode: "" },
    successMessage: () => t("removed", { network }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          f.form.reset();
          f.setFormError(null);
        }
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t("label", { network })}>
          {t("open")}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <Form of={f} className="gap-0">
          <AlertDialogHeader>
            <AlertDialogTitle>{t("title", { network })}</AlertDialogTitle>
            <AlertDialogDescription>{t("description", { network })}</AlertDialogDescription>
          </AlertDialogHeader>
          {ownAddress || stepUp ? (
            <AlertDialogBody>
              {ownAddress ? (
                <>
                  <Alert tone="warning">{t("ownAddress", { address: ownAddress, network })}</Alert>
                  <CheckboxField name="confirm" label={t("ownAddressConfirm")} required />
                </>
              ) : null}
              {stepUp ? (
                <TextField
                  name="totpCode"
                  label={ta("totpCode")}
                  hint={ta("totpHint")}
                  required
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                />
              ) : null}
            </AlertDialogBody>
          ) : null}
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
