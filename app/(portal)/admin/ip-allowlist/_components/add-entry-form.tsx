"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAllowlistEntryAction } from "@/lib/actions/admin";
import { cidrNetwork } from "@/lib/net/cidr";
import { addAllowlistEntrySchema } from "@/lib/schemas/admin";

/** "Add" (R-ACC-7): an IPv4/IPv6 address or CIDR, shown as the network it will be stored as. */
export function AddEntryForm({ stepUp }: { stepUp: boolean }) {
  const t = useTranslations("admin.allowlist.add");
  const router = useRouter();
  const f = useActionForm(addAllowlistEntrySchema, addAllowlistEntryAction, {
    defaultValues: { cidr: "", description: "", totpCode: "" },
    successMessage: (entry) => t("added", { network: entry.cidr }),
    resetOnSuccess: true,
    onSuccess: () => router.refresh(),
  });
  const network = cidrNetwork(f.form.watch("cidr") ?? "");
  return (
    <Form of={f}>
      <TextField
        name="cidr"
        label={t("cidr")}
        hint={network ? `${t("cidrHint")} ${t("normalised", { network })}` : t("cidrHint")}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <TextField name="description" label={t("description")} required maxLength={200} />
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
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </Form>
  );
}
