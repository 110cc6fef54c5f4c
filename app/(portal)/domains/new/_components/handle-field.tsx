"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ComboboxField } from "@/components/ui/form";
import type { ComboboxOption } from "@/components/ui/combobox";
import { searchRegistrationHandlesAction } from "@/lib/actions/domain-register";

// Issue 15, R-REG-3: a handle picker — a combobox searching the account's contacts of the chosen
// management model; under registrant management a registrant-managed handle's id finds it too.

export function HandleField({
  name,
  label,
  hint,
  managementModel,
  required,
  disabled,
}: {
  name: "registrant" | "proxy" | "payer";
  label: string;
  hint: string;
  managementModel: "registrar" | "registrant";
  required?: boolean;
  disabled?: boolean;
}) {
  const t = useTranslations("domainRegister.handle");
  const search = useCallback(
    async (query: string): Promise<ComboboxOption[]> => {
      const answer = await searchRegistrationHandlesAction({ query, managementModel });
      if (!answer.ok) return [];
      return answer.data.map((h) => ({
        value: h.handle,
        label: t("option", { handle: h.handle, name: h.name }),
        description: !h.linked
          ? t("notLinked", { email: h.email })
          : h.termsAcceptedAt
            ? t("termsAccepted", { email: h.email })
            : h.email,
      }));
    },
    [managementModel, t],
  );
  return (
    <ComboboxField
      name={name}
      label={label}
      hint={hint}
      required={required}
      disabled={disabled}
      search={search}
      placeholder={t("placeholder")}
    />
  );
}
