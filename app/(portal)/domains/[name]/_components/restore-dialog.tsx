"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { restoreDomainAction } from "@/lib/actions/domains";
import { formatDate, formatDeadline, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { RestorePreview } from "@/lib/registry/domains";

// Issue 15 item 3: "Restore" — the price (a year plus the restore fee) and the new expiry date,
// from the core's preview (previewRestore), before the user confirms.

export function RestoreDialog({ preview }: { preview: RestorePreview }) {
  const t = useTranslations("domainOps");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const money = (ore: number) => formatMoney(ore, locale);
  const p = preview;
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="justify-start">
          {t("open.restore")}
        </Button>
      }
      title={t("restore.title", { name: p.uLabel })}
      description={t("restore.description")}
      facts={[
        { term: t("facts.currentExpiry"), value: formatDate(p.exDate, locale) },
        {
          term: t("facts.price"),
          value: t("restore.priceValue", {
            total: money(p.price),
            year: money(p.yearPrice),
            fee: money(p.restoreFee),
          }),
        },
        { term: t("facts.newExpiry"), value: formatDate(p.newExDate, locale) },
        ...(p.restorableUntil
          ? [{ term: t("facts.restorableUntil"), value: formatDeadline(p.restorableUntil, locale) }]
          : []),
        ...(p.balance
          ? [
              { term: t("facts.balance"), value: money(p.balance.balance) },
              { term: t("facts.balanceAfter"), value: money(p.balance.balanceAfter) },
            ]
          : []),
      ]}
      consequences={[t("restore.active")]}
      confirmLabel={t("restore.submit")}
      onConfirm={() => restoreDomainAction({ name: p.name })}
      successMessage={(data) =>
        t("restore.done", {
          name: p.uLabel,
          date: data?.domain.exDate ? formatDate(data.domain.exDate, locale) : "",
        })
      }
      onSuccess={() => router.refresh()}
    >
      {p.balance && p.balance.balanceAfter < 0 ? (
        <Alert tone="warning">{t("restore.overdraw", { after: money(p.balance.balanceAfter) })}</Alert>
      ) : null}
    </ConfirmDialog>
  );
}
