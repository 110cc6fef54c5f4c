import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { countryOptions } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/locales";
import { EditContactForm } from "../../_components/contact-form";
import { loadContact } from "../../_components/load-contact";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("edit") };
}

// R-CON-1: address, email and phone may change; a registrant's name, organisation, type and CVR
// may not (the core refuses, pointing to the change of registrant). Registrant-managed: read-only.
export default async function EditContactPage({ params }: { params: Promise<{ handle: string }> }) {
  const actor = await guardPage("contact.update");
  const contact = await loadContact(coreContext(actor), (await params).handle);
  const [t, locale] = await Promise.all([
    getTranslations("contacts"),
    getLocale() as Promise<Locale>,
  ]);
  const header = (
    <PageHeader
      title={t("edit")}
      description={`${contact.name} · ${contact.handle}`}
      breadcrumbs={
        <Breadcrumbs
          items={[
            { label: t("title"), href: "/contacts" },
            { label: contact.handle, href: `/contacts/${contact.handle}` },
            { label: t("edit") },
          ]}
        />
      }
    />
  );
  if (contact.readOnly) {
    return (
      <>
        {header}
        <Alert>
          {contact.isRegistrarHandle ? t("detail.registrarHandle") : t("detail.readOnly")}
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <EditContactForm
        countries={countryOptions(locale)}
        isRegistrant={contact.domainCounts.registrant > 0}
        contact={{
          handle: contact.handle,
          type: contact.type,
          name: contact.name,
          organisation: contact.organisation ?? "",
          street1: contact.street1,
          street2: contact.street2 ?? "",
          street3: contact.street3 ?? "",
          postalCode: contact.postalCode,
          city: contact.city,
          countryCode: contact.countryCode,
          email: contact.email,
          phone: contact.phone ?? "",
          cvr: contact.cvr ?? "",
          ean: contact.ean ?? "",
          previousCvr: contact.cvr ?? undefined,
        }}
      />
    </>
  );
}
