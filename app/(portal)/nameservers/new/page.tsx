import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { CreateNameServerForm } from "../_components/create-nameserver-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nameservers"))("create.title") };
}

export default async function NewNameServerPage() {
  await guardPage("nameserver.create");
  const t = await getTranslations("nameservers");
  return (
    <>
      <PageHeader
        title={t("create.title")}
        description={t("create.description")}
        breadcrumbs={<Breadcrumbs items={[{ label: t("crumb"), href: "/nameservers" }, { label: t("create.title") }]} />}
      />
      <CreateNameServerForm />
    </>
  );
}
