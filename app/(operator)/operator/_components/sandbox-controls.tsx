"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { resetDemoDataAction, runLifecycleNowAction, setClockOffsetAction } from "@/lib/actions/operator";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { FormStatus, useMessage } from "./form-kit";

export function SandboxControls({ offsetDays }: { offsetDays: number }) {
  const t = useTranslations("operator.sandbox");
  const locale = useLocale() as Locale;
  const message = useMessage();
  const router = useRouter();
  const [days, setDays] = useState(String(offsetDays));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, start] = useTransition();

  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            setError(null);
            setSuccess(null);
            setFieldError(undefined);
            const result = await setClockOffsetAction({ days });
            if (!result.ok) {
              const at = result.fieldErrors?.days?.[0];
              if (at) setFieldError(at);
              else setError(result.message);
              return;
            }
            setSuccess(t("offsetSaved", { days: result.data.clockOffsetSeconds / 86_400 }));
            router.refresh();
          });
        }}
      >
        <Input label={t("offsetDays")} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={message(fieldError)} />
        <Button type="submit" disabled={pending}>
          {t("saveOffset")}
        </Button>
      </form>
      <div className="flex flex-col items-start gap-2">
        <p className="text-sm text-muted">{t("runHint")}</p>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              setError(null);
              setSuccess(null);
              const result = await runLifecycleNowAction({});
              if (!result.ok) {
                setError(result.message);
                return;
              }
              const s = result.data;
              setSuccess(
                t("ran", {
                  at: formatDateTime(new Date(s.at), locale),
                  expired: s.expired,
                  suspended: s.unpaidSuspended,
                  deleted: s.deleted,
                  holds: s.holdsExpired,
                  other: s.other,
                }),
              );
              router.refresh();
            })
          }
        >
          {t("runLifecycle")}
        </Button>
      </div>
      <FormStatus error={error} success={success} />
      <section aria-labelledby="reset-heading" className="flex flex-col items-start gap-2 border-t border-border pt-6">
        <h2 id="reset-heading" className="text-lg font-semibold">
          {t("resetHeading")}
        </h2>
        <p className="text-sm text-muted">{t("resetHint")}</p>
        <ConfirmDialog
          trigger={
            <Button variant="danger" disabled={pending}>
              {t("reset")}
            </Button>
          }
          title={t("resetTitle")}
          description={t("resetDescription")}
          consequences={[t("resetConsequences.data"), t("resetConsequences.logins"), t("resetConsequences.policy")]}
          acknowledgement={t("resetAcknowledge")}
          confirmLabel={t("reset")}
          tone="danger"
          onConfirm={() => resetDemoDataAction({})}
          successMessage={t("resetDone")}
          // the operator's own login went with the data
          onSuccess={() => router.replace("/operator/login")}
        />
      </section>
    </div>
  );
}
