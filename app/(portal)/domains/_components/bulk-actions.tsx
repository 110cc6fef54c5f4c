"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import {
  type BulkPreviewResult,
  previewBulkRenewAction,
  previewBulkRenewalPolicyAction,
  startBulkRenewAction,
  startBulkRenewalPolicyAction,
} from "@/lib/actions/bulk";
import { formatDate, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

// Issue 15 item 6: the list selection's bulk actions. "Renew selected" (Payer) and "Set renewal
// policy" (Proxy) open a preview — per domain what happens and its price, or why not, and the
// total against the balance — made by the core's own checks; confirming stores the job under the
// preview's idempotency key and opens its result page.

export type BulkAllowed = { renew: boolean; setRenewalPolicy: boolean };

type Kind = "renew" | "policy";
type Policy = "AUTO_RENEW" | "AUTO_EXPIRE";

export function BulkActions({
  names,
  allowed,
  clear,
}: {
  /** The selected domains' names. */
  names: string[];
  allowed: BulkAllowed;
  clear: () => void;
}) {
  const t = useTranslations("domainBulk");
  const [open, setOpen] = useState<Kind | null>(null);
  return (
    <>
      {allowed.renew ? (
        <Button size="sm" variant="primary" onClick={() => setOpen("renew")}>
          {t("renewSelected")}
        </Button>
      ) : null}
      {allowed.setRenewalPolicy ? (
        <Button size="sm" variant="secondary" onClick={() => setOpen("policy")}>
          {t("setRenewalPolicy")}
        </Button>
      ) : null}
      {open ? (
        <BulkPreviewDialog kind={open} names={names} onClose={() => setOpen(null)} clear={clear} />
      ) : null}
    </>
  );
}

function BulkPreviewDialog({
  kind,
  names,
  onClose,
  clear,
}: {
  kind: Kind;
  names: string[];
  onClose: () => void;
  clear: () => void;
}) {
  const t = useTranslations("domainBulk");
  const td = useTranslations("domains");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const controlId = useId();
  const [years, setYears] = useState(1);
  const [policy, setPolicy] = useState<Policy>("AUTO_EXPIRE");
  const [preview, setPreview] = useState<BulkPreviewResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // the preview asked for (its parameters) and the one received: loading until they match
  const asked = kind === "renew" ? `y${years}` : policy;
  const [received, setReceived] = useState<string | null>(null);
  const loading = received !== asked;
  const request = useRef(0);
  // the parent makes a new array on every render: ask again only when the selection changes
  const namesKey = names.join(",");
  const domains = useMemo(() => namesKey.split(","), [namesKey]);

  useEffect(() => {
    const mine = ++request.current;
    const run =
      kind === "renew"
        ? previewBulkRenewAction({ domains, periodYears: years })
        : previewBulkRenewalPolicyAction({ domains, renewalPolicy: policy });
    void run.then((result) => {
      if (mine !== request.current) return; // a newer preview was asked for
      if (result.ok) {
        setPreview(result.data);
        setFailure(null);
      } else {
        setPreview(null);
        setFailure(result.message);
      }
      setReceived(asked);
    });
  }, [kind, domains, years, policy, asked]);

  const policyLabel = (p: string) => td(`renewal.${p as Policy}`);
  const count = names.length;
  const possible = preview?.possible ?? 0;
  const facts =
    kind === "renew" && preview && !loading
      ? [
          { term: t("preview.total"), value: formatMoney(preview.total, locale) },
          { term: t("preview.balance"), value: formatMoney(preview.balance, locale) },
          { term: t("preview.balanceAfter"), value: formatMoney(preview.balanceAfter, locale) },
        ]
      : undefined;

  return (
    <ConfirmDialog
      open
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
      size="lg"
      title={kind === "renew" ? t("preview.renewTitle", { count }) : t("preview.policyTitle", { count })}
      description={t("preview.description")}
      facts={facts}
      confirmLabel={
        kind === "renew"
          ? t("preview.confirmRenew", { count: possible })
          : t("preview.confirmPolicy", { count: possible })
      }
      confirmDisabled={loading || !preview || possible === 0}
      successMessage={false}
      onConfirm={() => {
        if (!preview) return Promise.resolve();
        const idempotencyKey = preview.idempotencyKey;
        return kind === "renew"
          ? startBulkRenewAction({
              domains: names,
              periodYears: years,
              idempotencyKey,
              curExpDates: Object.fromEntries(
                preview.items.filter((i) => i.exDate).map((i) => [i.aLabel, i.exDate!]),
              ),
            })
          : startBulkRenewalPolicyAction({ domains: names, renewalPolicy: policy, idempotencyKey });
      }}
      onSuccess={(data) => {
        clear();
        const jobId = (data as { jobId?: string } | undefined)?.jobId;
        if (jobId) router.push(`/domains/bulk/${jobId}`);
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={controlId} className="text-sm font-medium text-zinc-800">
          {kind === "renew" ? t("preview.period") : t("preview.policy")}
        </label>
        {kind === "renew" ? (
          <Select
            id={controlId}
            value={String(years)}
            onValueChange={(v) => setYears(Number(v))}
            options={(preview?.periodYears ?? [1]).map((y) => ({
              value: String(y),
              label: t("preview.years", { count: y }),
            }))}
            className="w-40"
          />
        ) : (
          <Select
            id={controlId}
            value={policy}
            onValueChange={(v) => setPolicy(v as Policy)}
            options={(["AUTO_RENEW", "AUTO_EXPIRE"] as const).map((p) => ({ value: p, label: policyLabel(p) }))}
            className="w-56"
          />
        )}
      </div>

      {loading ? (
        <p role="status" className="text-sm text-muted">
          {t("preview.loading")}
        </p>
      ) : null}
      {failure ? (
        <Alert tone="danger" live>
          {t("preview.failed", { message: failure })}
        </Alert>
      ) : null}

      {preview && !loading ? (
        <>
          <p role="status" className="text-sm text-zinc-800">
            {t("preview.counts", { possible: preview.possible, skipped: preview.skipped })}
          </p>
          <div className="max-h-72 overflow-y-auto rounded-md border border-border">
            <Table caption={t("preview.caption")}>
              <TableHead>
                <tr>
                  <TableHeaderCell>{t("preview.domain")}</TableHeaderCell>
                  <TableHeaderCell>{t("preview.outcome")}</TableHeaderCell>
                  {kind === "renew" ? (
                    <TableHeaderCell className="text-right">{t("preview.price")}</TableHeaderCell>
                  ) : null}
                </tr>
              </TableHead>
              <TableBody>
                {preview.items.map((item) => (
                  <TableRow key={item.domainId}>
                    <TableCell className="font-medium">{item.uLabel}</TableCell>
                    <TableCell className={item.possible ? undefined : "text-red-800"}>
                      {item.possible
                        ? kind === "renew"
                          ? t("preview.renews", {
                              from: item.exDate ? formatDate(item.exDate, locale) : "—",
                              to: item.newExDate ? formatDate(item.newExDate, locale) : "—",
                            })
                          : t("preview.becomes", { policy: policyLabel(policy) })
                        : item.reason?.code === "UNCHANGED"
                          ? t("preview.unchanged", { policy: policyLabel(policy) })
                          : t("preview.skipped", { reason: item.reasonText ?? item.reason?.message ?? "" })}
                    </TableCell>
                    {kind === "renew" ? (
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {item.possible && item.price !== null ? formatMoney(item.price, locale) : "—"}
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {kind === "renew" && preview.balanceAfter < 0 && possible > 0 ? (
            <Alert tone="warning">{t("preview.overdraw")}</Alert>
          ) : null}
          {possible === 0 ? <Alert tone="info">{t("preview.nonePossible")}</Alert> : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
