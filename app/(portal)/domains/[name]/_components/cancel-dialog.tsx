"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cancelDomainAction } from "@/lib/actions/domains";
import { formatDate, formatDeadline, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { CancelPreview } from "@/lib/registry/domains";

// Issue 15 item 4: "Cancel domain" — what happens (suspended at once, restorable until a date,
// then deleted) and what blocks it (name servers under the domain that other domains use, each
// named with the account's own domains using it), from the core's preview (previewCancel).

export function CancelDialog({ preview, now }: { preview: CancelPreview; now: Date }) {
  const t = useTranslations("domainOps");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const p = preview;
  const blocked = p.blockers.length > 0;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const deadline = formatDeadline(p.deleteAt, locale);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="justify-start">
          {t("open.cancel")}
        </Button>
      }
      tone="danger"
      title={t("cancel.title", { name: p.uLabel })}
      description={t("cancel.description")}
      facts={[
        { term: t("facts.suspendedFrom"), value: t("facts.now", { date: formatDate(now, locale) }) },
        { term: t("facts.restorableUntil"), value: deadline },
        { term: t("facts.restorePrice"), value: formatMoney(p.restorePrice, locale) },
        { term: t("facts.deletedOn"), value: formatDate(p.deleteAt, locale) },
      ]}
      consequences={[
        t("cancel.outOfZone"),
        t("cancel.restorable", { deadline, price: formatMoney(p.restorePrice, locale) }),
        t("cancel.deleted", { date: formatDate(p.deleteAt, locale) }),
      ]}
      confirmLabel={t("cancel.submit")}
      confirmDisabled={blocked}
      onConfirm={() => cancelDomainAction({ name: p.name })}
      successMessage={(data) =>
        t("cancel.done", {
          name: p.uLabel,
          deadline: data?.deleteAt ? formatDeadline(new Date(data.deleteAt), locale) : deadline,
        })
      }
      onSuccess={() => router.refresh()}
    >
      {blocked ? (
        <Alert tone="danger" title={t("cancel.blockedTitle", { name: p.uLabel })}>
          <p>{t("cancel.blockedBody")}</p>
          <ul className="mt-1 list-disc pl-5">
            {p.blockers.map((b) => (
              <li key={b.host}>
                {t("cancel.blocker", {
                  host: b.host,
                  domains: list.format([
                    ...b.ownDomains,
                    ...(b.otherDomains > 0 ? [t("cancel.blockerOthers", { count: b.otherDomains })] : []),
                  ]),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </ConfirmDialog>
  );
}
