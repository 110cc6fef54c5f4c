"use client";

import { useTranslations } from "next-intl";
import { type Control, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { DescriptionList } from "@/components/ui/description-list";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { RegistrationOptions } from "@/lib/registry/domains";
import type { RegisterDomainFormInput } from "@/lib/schemas/domain-register";

// Issue 15: the price of the chosen period and the balance after, before "Register" (R-REG-5: a
// registration beyond the balance is declined; the core refuses it with both amounts named).

export function PriceSummary({
  control,
  options,
  locale,
}: {
  control: Control<RegisterDomainFormInput>;
  options: RegistrationOptions;
  locale: string;
}) {
  const t = useTranslations("domainRegister");
  const period = Number(useWatch({ control, name: "periodYears" }));
  const method = useWatch({ control, name: "termsMethod" });
  const price = options.prices[period];
  if (price === undefined) return null;
  const money = (ore: number) => formatMoney(ore, locale as Locale);
  const after = options.balance - price;
  return (
    <section aria-labelledby="price-title" className="flex flex-col gap-2 rounded-md border border-border p-4">
      <h2 id="price-title" className="text-base font-semibold">
        {t("price.title")}
      </h2>
      <DescriptionList
        columns={3}
        items={[
          { term: t("price.price", { period: t("fields.period", { count: period }) }), value: money(price) },
          { term: t("price.balance"), value: money(options.balance) },
          { term: t("price.balanceAfter"), value: money(after) },
        ]}
      />
      {method === "email" ? <p className="text-sm text-muted">{t("price.onAcceptance")}</p> : null}
      {after < 0 ? <Alert tone="warning">{t("price.insufficient")}</Alert> : null}
    </section>
  );
}
