"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
import { ComboboxField, DateTimeField, Form, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeRegistrantAction, searchRegistrantCandidatesAction } from "@/lib/actions/domain-transfer";
import { changeRegistrantSchema } from "@/lib/schemas/domain-transfer";

// R-CHG-1…3 on the domain's page: "Change registrant" (Proxy). The new registrant is one of the
// account's registrar-managed contacts; an optional order confirmation (when the registrant
// confirmed, Copenhagen time) is sent as epoch seconds. Done at once, or pending: then the
// request's page.

async function searchCandidates(query: string) {
  const result = await searchRegistrantCandidatesAction({ query });
  return result.ok ? result.data : [];
}

export function ChangeRegistrant({ name, uLabel, fee }: { name: string; uLabel: string; fee: string }) {
  const t = useTranslations("domainTransfer.change");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const f = useActionForm(changeRegistrantSchema, changeRegistrantAction, {
    defaultValues: { name, newRegistrant: "", orderConfirmation: "" },
    successMessage: (data, values) =>
      data.state === "COMPLETED"
        ? t("completed", { name: uLabel, handle: values.newRegistrant })
        : t("pending", { name: uLabel, handle: values.newRegistrant }),
    onSuccess: (data) => {
      setOpen(false);
      if (data.state === "COMPLETED") router.refresh();
      else router.push(`/domains/${name}/registrant-change`);
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) f.form.reset({ name, newRegistrant: "", orderConfirmation: "" });
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" className="justify-start">
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title", { name: uLabel })}</DialogTitle>
          <DialogDescription>{t("description", { fee })}</DialogDescription>
        </DialogHeader>
        <Form of={f} className="gap-0 [&>[role=alert]]:mx-6" aria-label={t("title", { name: uLabel })}>
          <DialogBody className="pt-0">
            <ComboboxField
              name="newRegistrant"
              label={t("newRegistrant")}
              hint={t("newRegistrantHint")}
              required
              search={searchCandidates}
            />
            <DateTimeField name="orderConfirmation" label={t("orderConfirmation")} hint={t("orderConfirmationHint")} />
          </DialogBody>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <SubmitButton className="self-auto" pendingLabel={t("submitting")}>
              {t("submit")}
            </SubmitButton>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
