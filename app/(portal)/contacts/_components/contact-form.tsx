"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useFormContext } from "react-hook-form";
import { buttonClassName } from "@/components/ui/button";
import { Form, SelectField, SubmitButton, TextField, type Choice } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createContactAction, updateContactAction } from "@/lib/actions/contacts";
import {
  CONTACT_TYPES,
  createContactSchema,
  updateContactSchema,
  type CreateContactInput,
  type UpdateContactFormInput,
} from "@/lib/schemas/contacts";

// R-CON-1: "Create contact" and "Edit contact", one set of fields labelled as the issue names them;
// validated on the client by the action's own schema, refused by the server at the same fields.

type CommonProps = { countries: readonly Choice[] };

export function CreateContactForm({ countries }: CommonProps) {
  const t = useTranslations("contacts");
  const router = useRouter();
  const f = useActionForm(createContactSchema, createContactAction, {
    defaultValues: { type: "COMPANY", countryCode: "DK" } as CreateContactInput,
    successMessage: (data) => t("created", { handle: data.handle }),
    onSuccess: (data) => router.push(`/contacts/${data.handle}`),
  });
  const type = f.form.watch("type");
  return (
    <Form of={f} className="max-w-2xl">
      <ContactFields countries={countries} type={type} />
      <div className="flex gap-2">
        <SubmitButton>{t("create")}</SubmitButton>
        <Link href="/contacts" className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}

export function EditContactForm({
  countries,
  contact,
  isRegistrant,
}: CommonProps & { contact: UpdateContactFormInput; isRegistrant: boolean }) {
  const t = useTranslations("contacts");
  const router = useRouter();
  const f = useActionForm(updateContactSchema, updateContactAction, {
    defaultValues: contact,
    successMessage: (data) => t("saved", { handle: data.handle }),
    onSuccess: (data) => {
      router.push(`/contacts/${data.handle}`);
      router.refresh();
    },
  });
  const type = f.form.watch("type");
  return (
    <Form of={f} className="max-w-2xl">
      {isRegistrant ? <p className="text-sm text-muted">{t("hints.identity")}</p> : null}
      <ContactFields countries={countries} type={type} />
      <div className="flex gap-2">
        <SubmitButton>{t("save")}</SubmitButton>
        <Link href={`/contacts/${contact.handle}`} className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}

function ContactFields({ countries, type }: CommonProps & { type: string | undefined }) {
  const t = useTranslations("contacts");
  const { setValue } = useFormContext();
  // a number the chosen type does not carry is hidden, and so must not be sent
  useEffect(() => {
    if (type === "PERSON") setValue("cvr", "");
    if (type !== "PUBLIC_ORGANIZATION") setValue("ean", "");
  }, [type, setValue]);
  const types = CONTACT_TYPES.map((value) => ({ value, label: t(`types.${value}`) }));
  return (
    <>
      <SelectField name="type" label={t("fields.type")} options={types} required />
      <TextField
        name="name"
        label={t("fields.name")}
        hint={t("hints.name")}
        required
        autoComplete="off"
      />
      <TextField
        name="organisation"
        label={t("fields.organisation")}
        hint={t("hints.organisation")}
        autoComplete="off"
      />
      <TextField name="street1" label={t("fields.street1")} required autoComplete="off" />
      <TextField name="street2" label={t("fields.street2")} autoComplete="off" />
      <TextField name="street3" label={t("fields.street3")} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField name="postalCode" label={t("fields.postalCode")} required autoComplete="off" />
        <TextField name="city" label={t("fields.city")} required autoComplete="off" />
      </div>
      <SelectField
        name="countryCode"
        label={t("fields.countryCode")}
        options={countries}
        required
      />
      <TextField name="email" type="email" label={t("fields.email")} required autoComplete="off" />
      <TextField
        name="phone"
        type="tel"
        label={t("fields.phone")}
        hint={t("hints.phone")}
        required
        autoComplete="off"
      />
      {type !== "PERSON" ? (
        <TextField
          name="cvr"
          label={t("fields.cvr")}
          hint={t("hints.cvr")}
          required={type === "COMPANY"}
          inputMode="numeric"
          autoComplete="off"
        />
      ) : null}
      {type === "PUBLIC_ORGANIZATION" ? (
        <TextField
          name="ean"
          label={t("fields.ean")}
          hint={t("hints.ean")}
          required
          inputMode="numeric"
          autoComplete="off"
        />
      ) : null}
    </>
  );
}
