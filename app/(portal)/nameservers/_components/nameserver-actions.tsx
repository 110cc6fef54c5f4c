"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  changeNameServerAdministratorAction,
  deleteNameServerAction,
  updateGlueAction,
} from "@/lib/actions/nameservers";
import { changeAdministratorSchema, updateGlueSchema } from "@/lib/schemas/nameservers";
import { GlueRows } from "./glue-rows";

// The name server's page (R-NS-1…3): edit glue, change administrator, delete.

export function EditGlueForm({ host, glueV4, glueV6 }: { host: string; glueV4: string[]; glueV6: string[] }) {
  const t = useTranslations("nameservers.glue");
  const router = useRouter();
  const f = useActionForm(updateGlueSchema, updateGlueAction, {
    defaultValues: {
      host,
      glueV4: glueV4.map((address) => ({ address })),
      glueV6: glueV6.map((address) => ({ address })),
    },
    successMessage: () => t("saved", { host }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Form of={f} className="max-w-xl" aria-label={t("title")}>
      <GlueRows />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </Form>
  );
}

export function ChangeAdministratorForm({ host }: { host: string }) {
  const t = useTranslations("nameservers.detail");
  const router = useRouter();
  const f = useActionForm(changeAdministratorSchema, changeNameServerAdministratorAction, {
    defaultValues: { host, nsaHandle: "" },
    successMessage: (data) => t("administratorChanged", { host, handle: data.nsaHandle }),
    onSuccess: () => router.refresh(),
    resetOnSuccess: true,
  });
  return (
    <Form of={f} className="max-w-xl" aria-label={t("administratorTitle")}>
      <TextField name="nsaHandle" label={t("newAdministrator")} hint={t("newAdministratorHint")} required autoComplete="off" />
      <div>
        <SubmitButton>{t("changeAdministrator")}</SubmitButton>
      </div>
    </Form>
  );
}

/** "Delete": refused while domains use it; the refusal names them, each a link. */
export function DeleteNameServer({ host, domains }: { host: string; domains: string[] }) {
  const t = useTranslations("nameservers.detail");
  const router = useRouter();
  const [inUse, setInUse] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {inUse ? (
        <Alert tone="danger" live title={t("inUse", { host })}>
          <p>{inUse}</p>
          {domains.length ? (
            <ul className="mt-1 list-disc pl-5">
              {domains.map((d) => (
                <li key={d}>
                  <Link href={`/domains/${d}`} className="underline">
                    {d}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div>
        <ConfirmDialog
          trigger={<Button variant="danger">{t("delete")}</Button>}
          title={t("deleteConfirm", { host })}
          consequences={[t("deleteConsequence")]}
          confirmLabel={t("delete")}
          tone="danger"
          successMessage={false}
          onConfirm={async () => {
            const result = await deleteNameServerAction({ host });
            if (!result.ok && result.code === "NAMESERVER_IN_USE") {
              // shown on the page with the domains linked, not inside the dialog
              setInUse(result.message);
              return;
            }
            if (result.ok) {
              toast.success(t("deleted", { host }));
              router.push("/nameservers");
            }
            return result;
          }}
        />
      </div>
    </div>
  );
}
