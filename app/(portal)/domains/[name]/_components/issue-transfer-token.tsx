"use client";

import { CopyIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { inputClassName } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { issueTransferTokenAction } from "@/lib/actions/domain-transfer";
import { formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { issueTransferTokenSchema } from "@/lib/schemas/domain-transfer";

// R-TOK-1/2 on the domain's page: "Issue transfer token" (Proxy). The token lives only in this
// component's state: shown once with a copy button and its expiry, gone after a reload. A user
// with TOTP confirms with a fresh authentication code (DESIGN.md §5).

type Issued = { token: string; expiresAt: string };

export function IssueTransferToken({ name, uLabel, stepUp }: { name: string; uLabel: string; stepUp: boolean }) {
  const t = useTranslations("domainTransfer.issue");
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setIssued(null); // never shown again once closed
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" className="justify-start">
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{issued ? t("issuedTitle", { name: uLabel }) : t("title", { name: uLabel })}</DialogTitle>
          {issued ? null : <DialogDescription>{t("description")}</DialogDescription>}
        </DialogHeader>
        {issued ? (
          <IssuedToken {...issued} onDone={() => setOpen(false)} />
        ) : (
          <IssueForm name={name} stepUp={stepUp} onIssued={setIssued} onCancel={() => setOpen(false)} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function IssueForm({
  name,
  stepUp,
  onIssued,
  onCancel,
}: {
  name: string;
  stepUp: boolean;
  onIssued: (issued: Issued) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("domainTransfer.issue");
  const f = useActionForm(issueTransferTokenSchema, issueTransferTokenAction, {
    defaultValues: { name, totpCode: "" },
    successMessage: false,
    onSuccess: (data) => onIssued({ token: data.token, expiresAt: data.expiresAt }),
  });
  return (
    <Form of={f} className="gap-0 [&>[role=alert]]:mx-6" aria-label={t("title", { name })}>
      <DialogBody className="pt-0">
        <ul className="list-disc pl-5 text-zinc-800">
          <li>{t("validity")}</li>
          <li>{t("supersedes")}</li>
        </ul>
        {stepUp ? (
          <TextField
            name="totpCode"
            label={t("totpCode")}
            hint={t("totpHint")}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
        ) : null}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <SubmitButton className="self-auto" pendingLabel={t("issuing")}>
          {t("submit")}
        </SubmitButton>
      </DialogFooter>
    </Form>
  );
}

function IssuedToken({ token, expiresAt, onDone }: Issued & { onDone: () => void }) {
  const t = useTranslations("domainTransfer.issue");
  const locale = useLocale() as Locale;
  return (
    <>
      <DialogBody className="pt-0">
        <Alert tone="warning">{t("once")}</Alert>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="issued-transfer-token" className="text-sm font-medium text-zinc-800">
            {t("tokenLabel")}
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="issued-transfer-token"
              readOnly
              value={token}
              onFocus={(e) => e.currentTarget.select()}
              className={inputClassName(false, "h-10 min-w-0 grow font-mono text-sm")}
            />
            <Button
              variant="secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(token);
                  toast.success(t("copied"));
                } catch {
                  toast.error(t("copyFailed"));
                }
              }}
            >
              <CopyIcon aria-hidden="true" className="size-4" />
              {t("copy")}
            </Button>
          </div>
        </div>
        <p>{t("expires", { deadline: formatDeadline(new Date(expiresAt), locale) })}</p>
      </DialogBody>
      <DialogFooter>
        <Button onClick={onDone}>{t("done")}</Button>
      </DialogFooter>
    </>
  );
}
