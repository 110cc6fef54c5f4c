"use client";

import { CopyIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, Form, RadioGroupField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  issueRedelegationTokenAction,
  redelegateDomainAction,
  retractRedelegationTokenAction,
} from "@/lib/actions/nameservers";
import { formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { issueRedelegationTokenSchema, redelegateSchema } from "@/lib/schemas/nameservers";
import { HostRows } from "./host-rows";

// R-TOK-1/2/4 pages: issue a redelegation token (shown once, with a copy button), retract one,
// and redelegate with a token received from another registrar.

export function IssueTokenForm({ roles, stepUp }: { roles: ("NSA" | "PXY")[]; stepUp: boolean }) {
  const t = useTranslations("nameservers.tokens");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [issued, setIssued] = useState<{ token: string; domain: string; expiresAt: string } | null>(null);
  const f = useActionForm(issueRedelegationTokenSchema, issueRedelegationTokenAction, {
    defaultValues: { name: "", role: roles[0], totpCode: "" },
    successMessage: false,
    onSuccess: (data) => {
      setIssued({ token: data.token, domain: data.domain, expiresAt: new Date(data.expiresAt).toISOString() });
      router.refresh();
    },
    resetOnSuccess: true,
  });
  return (
    <div className="flex flex-col gap-4">
      <Form of={f} className="max-w-xl" aria-label={t("issueTitle")}>
        <TextField name="name" label={t("domain")} required autoComplete="off" />
        {roles.length > 1 ? (
          <RadioGroupField
            name="role"
            label={t("kind")}
            options={roles.map((r) => ({ value: r, label: t(r === "NSA" ? "kindNSA" : "kindPXY") }))}
          />
        ) : null}
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
        <div>
          <SubmitButton>{t("issue")}</SubmitButton>
        </div>
      </Form>
      {issued ? <IssuedToken {...issued} expires={formatDeadline(new Date(issued.expiresAt), locale)} /> : null}
    </div>
  );
}

function IssuedToken({ token, domain, expires }: { token: string; domain: string; expires: string }) {
  const t = useTranslations("nameservers.tokens");
  return (
    <Alert tone="success" live title={t("issuedTitle", { name: domain })}>
      <p>{t("issuedOnce")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="issued-token" className="sr-only">
          {t("tokenLabel")}
        </label>
        <input
          id="issued-token"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 grow rounded-md border border-zinc-300 bg-surface px-2 font-mono text-sm text-zinc-900"
        />
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            toast.success(t("copied"));
          }}
        >
          <CopyIcon aria-hidden="true" className="size-4" />
          {t("copy")}
        </Button>
      </div>
      <p className="mt-1">{t("expires", { date: expires })}</p>
    </Alert>
  );
}

export function RetractToken({ id, domain }: { id: string; domain: string }) {
  const t = useTranslations("nameservers.tokens");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={t("retractLabel", { name: domain })}>
          {t("retract")}
        </Button>
      }
      title={t("retractConfirm", { name: domain })}
      consequences={[t("retractConsequence")]}
      confirmLabel={t("retract")}
      tone="danger"
      successMessage={t("retracted", { name: domain })}
      onConfirm={() => retractRedelegationTokenAction({ tokenId: id })}
      onSuccess={() => router.refresh()}
    />
  );
}

export function RedelegateForm() {
  const t = useTranslations("nameservers.redelegate");
  const [needsConfirm, setNeedsConfirm] = useState(false);
  const f = useActionForm(redelegateSchema, redelegateDomainAction, {
    defaultValues: { name: "", token: "", nameServers: [{ host: "" }, { host: "" }], confirmDsRemoval: false },
    successMessage: (data) => t("done", { name: data.name, hosts: data.nameServers.join(", ") }),
    onSuccess: () => setNeedsConfirm(false),
    resetOnSuccess: true,
  });
  // the core asks for the DS confirmation only when it is needed: then the checkbox appears
  if (!needsConfirm && f.result && !f.result.ok && f.result.code === "CONFIRMATION_REQUIRED") setNeedsConfirm(true);
  return (
    <Form of={f} className="max-w-xl">
      <TextField name="name" label={t("domain")} required autoComplete="off" />
      <TextField name="token" label={t("token")} hint={t("tokenHint")} required autoComplete="off" spellCheck={false} className="font-mono" />
      <HostRows legend={t("nameServers")} />
      {needsConfirm ? <CheckboxField name="confirmDsRemoval" label={t("confirmDs")} hint={t("confirmDsHint")} /> : null}
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </Form>
  );
}
