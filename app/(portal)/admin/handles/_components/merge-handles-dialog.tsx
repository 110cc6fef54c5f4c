"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SimpleDialog } from "@/components/ui/dialog";
import { CheckboxField, Form, SelectField, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { mergeHandlesAction, previewHandleMergeAction } from "@/lib/actions/admin";
import type { MergePlan } from "@/lib/registry/accounts";
import { mergeHandlesSchema, mergePreviewSchema } from "@/lib/schemas/admin";

type Option = { handle: string; name: string; isRegistrarHandle: boolean };

/**
 * "Merge" (R-ACC-5, R-CON-2): choose the survivor and the handles to merge into it, see what
 * moves — the account's own domains named, other registrars' counted — then confirm.
 */
export function MergeHandlesDialog({ handles }: { handles: Option[] }) {
  const t = useTranslations("admin.handles.merge");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const mergeable = handles.filter((h) => !h.isRegistrarHandle);
  return (
    <SimpleDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setPlan(null);
      }}
      trigger={<Button variant="secondary">{t("open")}</Button>}
      title={t("title")}
      description={t("description")}
      size="lg"
    >
      {mergeable.length < 2 ? (
        <p className="text-muted">{t("noMergeable")}</p>
      ) : plan ? (
        <MergeConfirm
          plan={plan}
          onBack={() => setPlan(null)}
          onDone={() => {
            setOpen(false);
            setPlan(null);
            router.refresh();
          }}
        />
      ) : (
        <MergeChoice handles={handles} onPreview={setPlan} />
      )}
    </SimpleDialog>
  );
}

function MergeChoice({ handles, onPreview }: { handles: Option[]; onPreview: (plan: MergePlan) => void }) {
  const t = useTranslations("admin.handles.merge");
  const first = handles.find((h) => !h.isRegistrarHandle)!;
  const f = useActionForm(mergePreviewSchema, previewHandleMergeAction, {
    defaultValues: { survivor: first.handle, merged: [] },
    successMessage: false,
    onSuccess: (plan) => onPreview(plan),
  });
  const survivor = f.form.watch("survivor");
  return (
    <Form of={f}>
      <SelectField
        name="survivor"
        label={t("survivor")}
        hint={t("survivorHint")}
        required
        options={handles.map((h) => ({ value: h.handle, label: `${h.handle} · ${h.name}` }))}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800">{t("merged")}</legend>
        {handles
          .filter((h) => !h.isRegistrarHandle && h.handle !== survivor)
          .map((h) => (
            <CheckboxField key={h.handle} name="merged" value={h.handle} label={`${h.handle} · ${h.name}`} />
          ))}
      </fieldset>
      <div>
        <SubmitButton>{t("preview")}</SubmitButton>
      </div>
    </Form>
  );
}

function MergeConfirm({ plan, onBack, onDone }: { plan: MergePlan; onBack: () => void; onDone: () => void }) {
  const t = useTranslations("admin.handles.merge");
  const f = useActionForm(mergeHandlesSchema, mergeHandlesAction, {
    defaultValues: { survivor: plan.survivor, merged: plan.merged, confirmed: false as unknown as true },
    successMessage: (done) => t("done", { count: done.merged.length, survivor: done.survivor }),
    onSuccess: onDone,
  });
  return (
    <Form of={f}>
      <section aria-labelledby="merge-preview" className="flex flex-col gap-3 text-sm">
        <h3 id="merge-preview" className="font-medium">
          {t("previewTitle", { survivor: plan.survivor })}: {plan.merged.join(", ")}
        </h3>
        <div>
          <p>{t("domains", { count: plan.domains.length })}</p>
          {plan.domains.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {plan.domains.map((d) => (
                <li key={d.name}>
                  {d.name} ({d.roles.map((r) => t(`role.${r}`)).join(", ")})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <p>{t("otherRegistrars", { count: plan.otherRegistrarDomains })}</p>
        <div>
          <p>{t("nameServers", { count: plan.nameServers.length })}</p>
          {plan.nameServers.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {plan.nameServers.map((host) => (
                <li key={host}>{host}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <p>{t("requests", plan.other)}</p>
      </section>
      <CheckboxField name="confirmed" label={t("confirmCheck")} required />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger">{t("confirm")}</SubmitButton>
        <Button variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
      </div>
    </Form>
  );
}
