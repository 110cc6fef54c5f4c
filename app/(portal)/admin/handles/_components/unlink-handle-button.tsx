"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { unlinkHandleAction } from "@/lib/actions/admin";

/** "Unlink" (R-ACC-5): the handle stays in the registry, out of the portal's reach. */
export function UnlinkHandleButton({ handle }: { handle: string }) {
  const t = useTranslations("admin.handles.unlink");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="danger">{t("open")}</Button>}
      title={t("title", { handle })}
      consequences={[t("description")]}
      confirmLabel={t("confirm")}
      tone="danger"
      onConfirm={() => unlinkHandleAction({ handle })}
      successMessage={t("done", { handle })}
      onSuccess={() => router.push("/admin/handles")}
    />
  );
}
