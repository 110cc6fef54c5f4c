import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { countryOptions } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/locales";
import { CreateContactForm } from "../_components/contact-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("create") };
}

// R-CON-1: a Proxy user creates a contact for a customer; the registry issues its handle id.
export default async function NewContactPage() {
  await guardPage("contact.create");
  const [t, locale] = await Promise.all([
    getTranslations("contacts"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader
        title={t("create")}
        breadcrumbs={
          <Breadcrumbs items={[{ label: t("title"), href: "/contacts" }, { label: t("create") }]} />
        }
      />
      <CreateContactForm countries={countryOptions(locale)} />
    </>
  );
}
