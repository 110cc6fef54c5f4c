"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CheckboxField, Form, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { setNameServersAction } from "@/lib/actions/nameservers";
import type { NameServerPlan } from "@/lib/registry/nameservers";
import { setNameServersSchema } from "@/lib/schemas/nameservers";
import { HostRows } from "./host-rows";

// "Edit name servers" (R-NS-4): "Review changes" asks the core for the plan (hosts to be created,
// DS records that go) without changing anything; "Save name servers" then applies it, with the
// explicit "Remove DS records" confirmation when a signed domain's name servers are all replaced.

export function EditDomainNameServers({ name, current }: { name: string; current: string[] }) {
  const t = useTranslations("nameservers.domain");
  const router = useRouter();
  const [plan, setPlan] = useState<NameServerPlan | null>(null);
  const f = useActionForm(setNameServersSchema, setNameServersAction, {
    defaultValues: {
      name,
      nameServers: (current.length >= 2 ? current : [...current, "", ""].slice(0, Math.max(2, current.length))).map((host) => ({ host })),
      preview: true,
      confirmDsRemoval: false,
    },
    successMessage: (data) => (data.preview ? false : t("saved", { name })) as string,
    onSuccess: (data) => {
      if (data.preview) {
        setPlan(data.plan);
        f.form.setValue("preview", false);
        return;
      }
      setPlan(null);
      f.form.setValue("preview", true);
      f.form.setValue("confirmDsRemoval", false);
      router.refresh();
    },
  });
  // any change to the rows makes the plan stale: review again
  const stale = () => {
    if (plan) {
      setPlan(null);
      f.form.setValue("preview", true);
      f.form.setValue("confirmDsRemoval", false);
    }
  };
  const unchanged = plan && plan.current.join() === plan.next.join();
  return (
    <Form of={f} className="max-w-xl">
      <HostRows legend={t("edit")} onChange={stale} />
      {plan ? (
        <section aria-labelledby="plan-title" className="flex flex-col gap-3" aria-live="polite">
          <h2 id="plan-title" className="text-lg font-medium">
            {t("planTitle")}
          </h2>
          {unchanged ? (
            <p className="text-sm">{t("planNoChange")}</p>
          ) : (
            <ul className="flex list-disc flex-col gap-1 pl-5 text-sm">
              <li>{t("planNext", { hosts: plan.next.join(", ") })}</li>
              <li>
                {plan.created.length
                  ? t("planCreated", { count: plan.created.length, hosts: plan.created.join(", ") })
                  : t("planNoneCreated")}
              </li>
            </ul>
          )}
          {plan.removesDsRecords > 0 ? (
            <Alert tone="warning">
              <p>{t("planDs", { count: plan.removesDsRecords })}</p>
            </Alert>
          ) : null}
          {plan.removesDsRecords > 0 ? (
            <CheckboxField name="confirmDsRemoval" label={t("confirmDs")} hint={t("confirmDsHint")} />
          ) : null}
        </section>
      ) : null}
      <div className="flex gap-2">
        <SubmitButton>{plan ? t("save") : t("review")}</SubmitButton>
      </div>
    </Form>
  );
}
