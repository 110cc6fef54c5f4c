"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  confirmTotpEnrolmentAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
} from "@/lib/actions/security";
import { confirmTotpSchema, disableTotpSchema, regenerateRecoveryCodesSchema } from "@/lib/schemas/security";
import { RecoveryCodes } from "./recovery-codes";

export type TwoFactorPanelProps = {
  userId: string;
  email: string;
  totpEnabled: boolean;
  statusText: string;
  recoveryCodesLeft: number;
  accountRequiresTotp: boolean;
  enrolmentPending: boolean;
  /** Present when TOTP is off: a fresh secret (not stored until confirmed) and its QR code. */
  enrolment: { secret: string; qrDataUrl: string } | null;
};

/**
 * The two-factor page's interactive part. Recovery codes live in this component's state, so a
 * server re-render after an action (new props: TOTP now on) never loses them before the user has
 * saved them.
 */
export function TwoFactorPanel(props: TwoFactorPanelProps) {
  const t = useTranslations("security.twoFactor");
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [leaveAfterCodes, setLeaveAfterCodes] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        email={props.email}
        onDone={() => {
          setCodes(null);
          if (leaveAfterCodes) router.push("/");
          else router.refresh();
        }}
      />
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {notice ? (
        <Alert tone="success" role="status">
          {notice}
        </Alert>
      ) : null}
      <p className="text-sm font-medium">{props.statusText}</p>
      {props.enrolment ? (
        <EnrolForm
          userId={props.userId}
          enrolment={props.enrolment}
          onEnrolled={(recoveryCodes) => {
            setLeaveAfterCodes(props.enrolmentPending);
            setNotice(t("enabled"));
            setCodes(recoveryCodes);
          }}
        />
      ) : null}
      {props.totpEnabled ? (
        <>
          <RegenerateCodes userId={props.userId} left={props.recoveryCodesLeft} onCodes={setCodes} />
          <TurnOff
            userId={props.userId}
            accountRequiresTotp={props.accountRequiresTotp}
            onDone={() => {
              setNotice(null);
              router.refresh();
            }}
          />
        </>
      ) : null}
    </div>
  );
}

function EnrolForm({
  userId,
  enrolment,
  onEnrolled,
}: {
  userId: string;
  enrolment: { secret: string; qrDataUrl: string };
  onEnrolled: (codes: string[]) => void;
}) {
  const t = useTranslations("security.twoFactor.setUp");
  const f = useActionForm(confirmTotpSchema, confirmTotpEnrolmentAction, {
    defaultValues: { userId, secret: enrolment.secret, code: "" },
    successMessage: false,
    onSuccess: (data) => onEnrolled(data.recoveryCodes),
  });
  return (
    <section aria-labelledby="setup-title" className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-4">
      <h2 id="setup-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
      <img src={enrolment.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border border-border" />
      <div className="flex max-w-md flex-col gap-1">
        <label htmlFor="totp-key" className="text-sm font-medium text-zinc-800">
          {t("secretLabel")}
        </label>
        <input
          id="totp-key"
          readOnly
          value={enrolment.secret}
          aria-describedby="totp-key-hint"
          className="h-10 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
        <p id="totp-key-hint" className="text-xs text-muted">
          {t("manual")}
        </p>
      </div>
      <Form of={f} className="max-w-md">
        <input type="hidden" {...f.form.register("userId")} />
        <input type="hidden" {...f.form.register("secret")} />
        <p className="text-sm">{t("enterCode")}</p>
        <TextField name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" required hint={t("sessionsNote")} />
        <div>
          <SubmitButton>{t("submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function RegenerateCodes({ userId, left, onCodes }: { userId: string; left: number; onCodes: (codes: string[]) => void }) {
  const t = useTranslations("security.twoFactor.recovery");
  const f = useActionForm(regenerateRecoveryCodesSchema, regenerateRecoveryCodesAction, {
    defaultValues: { userId, code: "" },
    resetOnSuccess: true,
    successMessage: false,
    onSuccess: (data) => onCodes(data.recoveryCodes),
  });
  return (
    <section aria-labelledby="regenerate-title" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <h2 id="regenerate-title" className="text-lg font-semibold">
        {t("regenerate.title")}
      </h2>
      <p className="max-w-prose text-sm text-zinc-700">
        {t("left", { count: left })} {t("regenerate.description")}
      </p>
      <Form of={f} className="max-w-md">
        <input type="hidden" {...f.form.register("userId")} />
        <TextField name="code" label={t("regenerate.code")} inputMode="numeric" autoComplete="one-time-code" required />
        <div>
          <SubmitButton>{t("regenerate.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function TurnOff({ userId, accountRequiresTotp, onDone }: { userId: string; accountRequiresTotp: boolean; onDone: () => void }) {
  const t = useTranslations("security.twoFactor.turnOff");
  const f = useActionForm(disableTotpSchema, disableTotpAction, {
    defaultValues: { userId, code: "" },
    resetOnSuccess: true,
    successMessage: t("done"),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="turn-off-title" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <h2 id="turn-off-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="max-w-prose text-sm text-zinc-700">{t("description")}</p>
      {accountRequiresTotp ? <Alert tone="warning">{t("requiredNote")}</Alert> : null}
      <Form of={f} className="max-w-md">
        <input type="hidden" {...f.form.register("userId")} />
        <TextField name="code" label={t("code")} autoComplete="one-time-code" required />
        <div>
          <SubmitButton variant="danger">{t("submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
