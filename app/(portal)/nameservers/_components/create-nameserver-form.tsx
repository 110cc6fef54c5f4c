"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createNameServerAction, glueEligibilityAction } from "@/lib/actions/nameservers";
import type { GlueEligibility } from "@/lib/registry/nameservers";
import { createNameServerSchema } from "@/lib/schemas/nameservers";
import { GlueRows } from "./glue-rows";

// "Create name server" (R-NS-1): while the host is typed the registry is asked whether it may have
// glue; the glue rows appear only when it may, and the form says why not otherwise.

export function CreateNameServerForm() {
  const t = useTranslations("nameservers");
  const router = useRouter();
  const f = useActionForm(createNameServerSchema, createNameServerAction, {
    defaultValues: { host: "", glueV4: [], glueV6: [] },
    successMessage: (data) => t("create.created", { host: data.host }),
    onSuccess: (data) => router.push(`/nameservers/${data.host}`),
  });
  const host = useWatch({ control: f.form.control, name: "host" }) ?? "";
  const typed = host.trim();
  // the answer for the host as typed; an answer for an older text is not shown
  const [answer, setAnswer] = useState<{ host: string; result: GlueEligibility | null } | null>(null);
  const eligibility = answer && answer.host === typed ? answer.result : null;
  const checking = typed !== "" && (!answer || answer.host !== typed);

  useEffect(() => {
    if (!typed) return;
    let current = true;
    const timer = setTimeout(() => {
      void glueEligibilityAction({ host: typed }).then((result) => {
        if (current) setAnswer({ host: typed, result: result.ok ? result.data : null });
      });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed]);

  const allowed = eligibility?.allowed === true;
  const { setValue } = f.form;
  useEffect(() => {
    // glue typed for a host that may not have it is dropped, not sent
    if (eligibility && !eligibility.allowed) {
      setValue("glueV4", []);
      setValue("glueV6", []);
    }
  }, [eligibility, setValue]);

  const params = { host: eligibility?.host ?? typed, domain: eligibility?.domain ?? "" };
  return (
    <Form of={f} className="max-w-xl">
      <TextField name="host" label={t("create.host")} hint={t("create.hostHint")} required autoComplete="off" spellCheck={false} />
      <div aria-live="polite" className="flex flex-col gap-2">
        {!typed ? (
          <p className="text-sm text-muted">{t("glue.typeHost")}</p>
        ) : checking ? (
          <p className="text-sm text-muted">{t("glue.checking")}</p>
        ) : eligibility ? (
          <>
            {eligibility.exists ? <Alert tone="warning">{t("glue.exists", params)}</Alert> : null}
            {eligibility.allowed ? (
              <Alert tone="info">{t("glue.allowed", params)}</Alert>
            ) : (
              <Alert tone="info" title={t("glue.title")}>
                {t(`glue.why.${eligibility.reason}`, params)}
              </Alert>
            )}
          </>
        ) : null}
      </div>
      {allowed ? <GlueRows /> : null}
      <div>
        <SubmitButton>{t("create.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
