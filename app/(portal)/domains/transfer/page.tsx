import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardContent } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getTransferQuote } from "@/lib/registry/tokens";
import { TransferForm } from "./transfer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domainTransfer"))("transfer.title") };
}

// Issue 16, R-TOK-3: the Registrar transfers another registrar's domain in with its token. The
// fee and the balance it is debited from are shown before "Transfer" (R-PAY-1: declined when the
// balance does not cover it).
export default async function TransferDomainPage() {
  const actor = await guardPage("domain.transferIn");
  const [t, td, locale, quote] = await Promise.all([
    getTranslations("domainTransfer"),
    getTranslations("domains"),
    getLocale() as Promise<Locale>,
    getTransferQuote(coreContext(actor)),
  ]);
  return (
    <>
      <PageHeader
        breadcrumbs={
          <Breadcrumbs items={[{ label: td("detail.breadcrumb"), href: "/domains" }, { label: t("transfer.title") }]} />
        }
        title={t("transfer.title")}
        description={t("transfer.description")}
      />
      <div className="flex max-w-xl flex-col gap-6">
        <Card>
          <CardContent>
            <DescriptionList
              columns={1}
              items={[
                { term: t("transfer.fee"), value: formatMoney(quote.fee, locale) },
                { term: t("transfer.balance"), value: formatMoney(quote.balance, locale) },
              ]}
            />
          </CardContent>
        </Card>
        {quote.balance < quote.fee ? (
          <Alert tone="warning" title={t("transfer.lowBalanceTitle")}>
            {t("transfer.lowBalance", { fee: formatMoney(quote.fee, locale) })}
          </Alert>
        ) : null}
        <TransferForm />
      </div>
    </>
  );
}
