"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
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

type CodeForm = { userId: string; code: string };

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
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
          {notice}
        </p>
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
          <CodeAction
            title={t("recovery.regenerate.title")}
            description={`${t("recovery.left", { count: props.recoveryCodesLeft })} ${t("recovery.regenerate.description")}`}
            label={t("recovery.regenerate.code")}
            submit={t("recovery.regenerate.submit")}
            userId={props.userId}
            schema="regenerate"
            run={async (values) => {
              const result = await regenerateRecoveryCodesAction(values);
              if (result.ok) setCodes(result.data.recoveryCodes);
              return result;
            }}
          />
          <CodeAction
            title={t("turnOff.title")}
            description={`${t("turnOff.description")}${props.accountRequiresTotp ? ` ${t("turnOff.requiredNote")}` : ""}`}
            label={t("turnOff.code")}
            submit={t("turnOff.submit")}
            userId={props.userId}
            schema="disable"
            danger
            run={async (values) => {
              const result = await disableTotpAction(values);
              if (result.ok) {
                setNotice(t("turnOff.done"));
                router.refresh();
              }
              return result;
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
  const tv = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ userId: string; code: string; secret: string }>({
    resolver: zodResolver(confirmTotpSchema),
    defaultValues: { userId, secret: enrolment.secret, code: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await confirmTotpEnrolmentAction({ ...values, secret: enrolment.secret });
    if (result.ok) return onEnrolled(result.data.recoveryCodes);
    if (result.fieldErrors?.code) setError("code", { message: result.fieldErrors.code[0] });
    else setFormError(result.message);
  });
  const message = (m?: string) => (m && tv.has(m as never) ? tv(m as never) : m);
  return (
    <section aria-labelledby="setup-title" className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-4">
      <h2 id="setup-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
      <img src={enrolment.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border border-border" />
      <div className="max-w-md">
        <Input label={t("secretLabel")} hint={t("manual")} readOnly value={enrolment.secret} className="font-mono" />
      </div>
      <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-3">
        {formError ? (
          <p role="alert" className="rounded-md border border-danger bg-red-50 p-3 text-sm text-danger">
            {formError}
          </p>
        ) : null}
        <p className="text-sm">{t("enterCode")}</p>
        <Input
          label={t("code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={message(errors.code?.message)}
          {...register("code")}
        />
        <p className="text-xs text-muted">{t("sessionsNote")}</p>
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

type ActionResultLike = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

function CodeAction(props: {
  title: string;
  description: string;
  label: string;
  submit: string;
  userId: string;
  schema: "regenerate" | "disable";
  danger?: boolean;
  run: (values: { userId: string; code: string }) => Promise<ActionResultLike>;
}) {
  const tv = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CodeForm>({
    resolver: zodResolver(props.schema === "regenerate" ? regenerateRecoveryCodesSchema : disableTotpSchema),
    defaultValues: { userId: props.userId, code: "" },
  });
  const id = `${props.schema}-title`;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await props.run({ userId: props.userId, code: values.code });
    if (result.ok) return reset({ userId: props.userId, code: "" });
    if (result.fieldErrors?.code) setError("code", { message: result.fieldErrors.code[0] });
    else setFormError(result.message);
  });
  const message = (m?: string) => (m && tv.has(m as never) ? tv(m as never) : m);
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <h2 id={id} className="text-lg font-semibold">
        {props.title}
      </h2>
      <p className="max-w-prose text-sm text-zinc-700">{props.description}</p>
      <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-3">
        {formError ? (
          <p role="alert" className="rounded-md border border-danger bg-red-50 p-3 text-sm text-danger">
            {formError}
          </p>
        ) : null}
        <Input label={props.label} autoComplete="one-time-code" required error={message(errors.code?.message)} {...register("code")} />
        <div>
          <Button type="submit" variant={props.danger ? "danger" : "primary"} disabled={isSubmitting}>
            {props.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
