"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Form, SelectField, SubmitButton, TextField, TextareaField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { addDsRecordAction, dnskeyToDsAction, removeDsRecordAction } from "@/lib/actions/dnssec";
import { DS_ALGORITHMS, DS_DIGEST_TYPES, addDsRecordSchema, digestLength } from "@/lib/schemas/nameservers";

// R-DS-1 on the domain's DNSSEC page: "Add DS record" (the digest checked as it is typed, a pasted
// DNSKEY fills the fields) and "Remove".

type Record = { keyTag: number; algorithm: number; digestType: number; digest: string };

export function AddDsRecordForm({ name }: { name: string }) {
  const t = useTranslations("nameservers.dnssec");
  const router = useRouter();
  const f = useActionForm(addDsRecordSchema, addDsRecordAction, {
    defaultValues: { name, keyTag: "", algorithm: "", digestType: "2", digest: "" },
    mode: "onTouched",
    successMessage: (_, values) => t("added", { keyTag: values.keyTag }),
    onSuccess: () => router.refresh(),
    resetOnSuccess: true,
  });
  const [digestType, digest] = useWatch({ control: f.form.control, name: ["digestType", "digest"] });
  const length = digestLength(digestType);
  const typed = String(digest ?? "").replace(/\s+/g, "").length;
  const [dnskey, setDnskey] = useState("");
  const [dnskeyError, setDnskeyError] = useState<string | null>(null);
  const [filling, setFilling] = useState(false);

  async function fill() {
    setFilling(true);
    setDnskeyError(null);
    const result = await dnskeyToDsAction({ name, dnskey, digestType: Number(digestType) || 2 });
    setFilling(false);
    if (!result.ok) {
      setDnskeyError(result.fieldErrors?.dnskey?.[0] ?? result.fieldErrors?.digestType?.[0] ?? result.message);
      return;
    }
    const ds = result.data;
    const opts = { shouldValidate: true, shouldDirty: true } as const;
    f.form.setValue("keyTag", String(ds.keyTag), opts);
    f.form.setValue("algorithm", String(ds.algorithm), opts);
    f.form.setValue("digestType", String(ds.digestType), opts);
    f.form.setValue("digest", ds.digest, opts);
    toast.success(t("filled", { keyTag: ds.keyTag, algorithm: ds.algorithm }));
  }

  return (
    <Form of={f} className="max-w-2xl" aria-label={t("add")}>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="keyTag" label={t("keyTag")} inputMode="numeric" autoComplete="off" required />
        <SelectField
          name="algorithm"
          label={t("algorithm")}
          placeholder={t("choose")}
          required
          options={DS_ALGORITHMS.map((a) => ({ value: String(a), label: t(`algorithms.${a}`) }))}
        />
        <SelectField
          name="digestType"
          label={t("digestType")}
          required
          options={DS_DIGEST_TYPES.map((d) => ({ value: String(d), label: t(`digestTypes.${d}`) }))}
        />
      </div>
      <TextareaField
        name="digest"
        label={t("digest")}
        rows={3}
        required
        spellCheck={false}
        autoComplete="off"
        className="font-mono"
        hint={<span aria-live="polite">{length ? t("digestHint", { length, typed }) : t("digestHintNoType")}</span>}
      />
      <div>
        <SubmitButton>{t("add")}</SubmitButton>
      </div>
      <div className="flex flex-col gap-2 border-t border-border pt-4">
        <label htmlFor="dnskey" className="text-sm font-medium text-zinc-800">
          {t("paste")}
        </label>
        <textarea
          id="dnskey"
          rows={3}
          value={dnskey}
          onChange={(e) => setDnskey(e.target.value)}
          aria-describedby={dnskeyError ? "dnskey-hint dnskey-error" : "dnskey-hint"}
          aria-invalid={dnskeyError ? true : undefined}
          spellCheck={false}
          className="rounded-md border border-zinc-300 bg-surface px-3 py-2 font-mono text-sm"
        />
        <p id="dnskey-hint" className="text-xs text-muted">
          {t("pasteHint")}
        </p>
        {dnskeyError ? (
          <p id="dnskey-error" className="text-xs font-medium text-danger">
            {dnskeyError}
          </p>
        ) : null}
        <div>
          <Button variant="secondary" onClick={fill} disabled={!dnskey.trim() || filling} aria-busy={filling || undefined}>
            {t("fill")}
          </Button>
        </div>
      </div>
    </Form>
  );
}

export function RemoveDsRecord({ name, record }: { name: string; record: Record }) {
  const t = useTranslations("nameservers.dnssec");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={t("removeLabel", { keyTag: record.keyTag })}>
          {t("remove")}
        </Button>
      }
      title={t("removeConfirm", { keyTag: record.keyTag })}
      facts={[
        { term: t("keyTag"), value: record.keyTag },
        { term: t("algorithm"), value: t(`algorithms.${record.algorithm}` as "algorithms.13") },
        { term: t("digestType"), value: t(`digestTypes.${record.digestType}` as "digestTypes.2") },
        { term: t("digest"), value: <span className="font-mono text-xs break-all">{record.digest}</span> },
      ]}
      consequences={[t("removeConsequence")]}
      confirmLabel={t("remove")}
      tone="danger"
      successMessage={t("removed", { keyTag: record.keyTag })}
      onConfirm={() => removeDsRecordAction({ name, ...record })}
      onSuccess={() => router.refresh()}
    />
  );
}
