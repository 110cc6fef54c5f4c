import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations } from "next-intl/server";
import { CreateRegistrarForm } from "../../../_components/create-registrar-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.registrarNew"))("title") };
}

export default async function NewRegistrarPage() {
  const t = await getTranslations("operator.registrarNew");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[{ label: t("back"), href: "/operator/registrars" }, { label: t("heading") }]} />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <CreateRegistrarForm />
    </div>
  );
}
