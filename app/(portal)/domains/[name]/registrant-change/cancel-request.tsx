"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cancelRegistrantChangeAction } from "@/lib/actions/domain-transfer";

/** "Cancel request": the pending change of registrant ends, nothing is billed. */
export function CancelRegistrantChange({ name, uLabel, to }: { name: string; uLabel: string; to: string }) {
  const t = useTranslations("domainTransfer.request");
  const router = useRouter();
  return (
    <div>
      <ConfirmDialog
        trigger={<Button variant="danger">{t("cancel")}</Button>}
        title={t("cancelTitle", { name: uLabel })}
        consequences={[t("cancelConsequence", { handle: to }), t("cancelNoFee")]}
        confirmLabel={t("cancel")}
        tone="danger"
        successMessage={t("cancelled", { name: uLabel })}
        onConfirm={() => cancelRegistrantChangeAction({ name })}
        onSuccess={() => router.refresh()}
      />
    </div>
  );
}
