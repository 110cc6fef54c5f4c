"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { createAccountHandleAction } from "@/lib/actions/admin";

/** "Create handle" (R-ACC-5): a new handle with the account's data, linked at once. */
export function CreateHandleButton() {
  const t = useTranslations("admin.handles.create");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("open")}</Button>}
      title={t("title")}
      description={t("description")}
      confirmLabel={t("confirm")}
      onConfirm={() => createAccountHandleAction({})}
      successMessage={(created) => t("created", { handle: created?.handle ?? "" })}
      onSuccess={() => router.refresh()}
    />
  );
}
