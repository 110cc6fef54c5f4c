"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form";
import { MAX_NAME_SERVERS, MIN_NAME_SERVERS } from "@/lib/schemas/nameservers";
import { useMessageTranslator } from "@/components/ui/use-action-form";

// R-NS-4: 2 to 7 name-server rows (`nameServers.0.host`), used by "Edit name servers" and
// "Redelegate"; a refused host is shown at its row.

export function HostRows({ legend, onChange }: { legend: string; onChange?: () => void }) {
  const t = useTranslations("nameservers.domain");
  const translate = useMessageTranslator();
  const { control } = useFormContext<{ nameServers: { host: string }[] }>();
  const { fields, append, remove } = useFieldArray({ control, name: "nameServers" });
  const { errors } = useFormState({ control, name: "nameServers" });
  const listError = (errors.nameServers as { root?: { message?: string }; message?: string } | undefined);
  const listMessage = listError?.root?.message ?? listError?.message;
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-border p-4" onChange={onChange}>
      <legend className="px-1 text-sm font-medium text-zinc-800">{legend}</legend>
      {fields.map((field, i) => (
        <div key={field.id} className="flex items-end gap-2">
          <TextField
            name={`nameServers.${i}.host`}
            label={t("row", { number: i + 1 })}
            className="grow"
            autoComplete="off"
            spellCheck={false}
          />
          {fields.length > MIN_NAME_SERVERS ? (
            <Button
              variant="ghost"
              aria-label={t("remove", { number: i + 1 })}
              onClick={() => {
                remove(i);
                onChange?.();
              }}
            >
              <XIcon aria-hidden="true" className="size-4" />
            </Button>
          ) : null}
        </div>
      ))}
      {listMessage ? <p className="text-xs font-medium text-danger">{translate(listMessage)}</p> : null}
      {fields.length < MAX_NAME_SERVERS ? (
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              append({ host: "" }, { shouldFocus: true });
              onChange?.();
            }}
          >
            <PlusIcon aria-hidden="true" className="size-4" />
            {t("add")}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
