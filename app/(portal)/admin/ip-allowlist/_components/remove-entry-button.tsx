"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { removeAllowlistEntryAction } from "@/lib/actions/admin";

/**
 * "Remove" (R-ACC-7): always confirmed; removing the entry holding your own address needs an
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
  const router = useRouter();
  const [code, setCode] = useState("");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={t("label", { network })}>
          {t("open")}
        </Button>
      }
      onOpenChange={(open) => {
        if (open) setCode("");
      }}
      title={t("title", { network })}
      description={t("description", { network })}
      consequences={ownAddress ? [t("ownAddress", { address: ownAddress, network })] : undefined}
      acknowledgement={ownAddress ? t("ownAddressConfirm") : undefined}
      confirmLabel={t("confirm")}
      tone="danger"
      onConfirm={() =>
        removeAllowlistEntryAction({ id, confirm: ownAddress ? true : undefined, totpCode: stepUp ? code : undefined })
      }
      successMessage={t("removed", { network })}
      onSuccess={() => router.refresh()}
    >
      {stepUp ? (
        <Input
          label={ta("totpCode")}
          hint={ta("totpHint")}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
        />
      ) : null}
    </ConfirmDialog>
  );
}
