import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { RedelegateForm } from "../_components/token-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nameservers"))("redelegate.title") };
}

// Issue 17, R-TOK-4: with a redelegation token the receiving NSA sets the domain's name servers once.
export default async function RedelegatePage() {
  await guardPage("domain.redelegate");
  const t = await getTranslations("nameservers");
  return (
    <>
      <PageHeader
        title={t("redelegate.title")}
        description={t("redelegate.description")}
        breadcrumbs={<Breadcrumbs items={[{ label: t("crumb"), href: "/nameservers" }, { label: t("redelegate.title") }]} />}
      />
      <RedelegateForm />
    </>
  );
}
