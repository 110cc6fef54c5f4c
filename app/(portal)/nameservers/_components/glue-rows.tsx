"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form";
import { MAX_GLUE_PER_FAMILY } from "@/lib/schemas/nameservers";

// R-NS-1 glue rows of the create and edit forms: one field per address (`glueV4.0.address`), so a
// refused address is shown at its own row.

function FamilyRows({ family }: { family: "glueV4" | "glueV6" }) {
  const t = useTranslations("nameservers.glue");
  const { control, getValues } = useFormContext<{ glueV4: { address: string }[]; glueV6: { address: string }[] }>();
  const { fields, append, remove } = useFieldArray({ control, name: family });
  const label = (i: number) => t(family === "glueV4" ? "ipv4" : "ipv6", { number: i + 1 });
  return (
    <div className="flex flex-col gap-2">
      {fields.map((field, i) => (
        <div key={field.id} className="flex items-end gap-2">
          <TextField
            name={`${family}.${i}.address`}
            label={label(i)}
            className="grow"
            autoComplete="off"
            spellCheck={false}
            inputMode={family === "glueV4" ? "decimal" : "text"}
          />
          <Button
            variant="ghost"
            size="md"
            aria-label={getValues(`${family}.${i}.address`) ? t("remove", { address: getValues(`${family}.${i}.address`) }) : `${t("removeEmpty")} (${label(i)})`}
            onClick={() => remove(i)}
          >
            <XIcon aria-hidden="true" className="size-4" />
          </Button>
        </div>
      ))}
      {fields.length < MAX_GLUE_PER_FAMILY ? (
        <div>
          <Button variant="secondary" size="sm" onClick={() => append({ address: "" }, { shouldFocus: true })}>
            <PlusIcon aria-hidden="true" className="size-4" />
            {t(family === "glueV4" ? "addIpv4" : "addIpv6")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export function GlueRows() {
  const t = useTranslations("nameservers.glue");
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-medium text-zinc-800">{t("title")}</legend>
      <FamilyRows family="glueV4" />
      <FamilyRows family="glueV6" />
    </fieldset>
  );
}
