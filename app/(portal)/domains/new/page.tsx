import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { getRegistrationOptions } from "@/lib/registry/domains";
import { toCopenhagenWallTime } from "@/lib/schemas/domain-register";
import { RegisterDomainForm } from "./_components/register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domainRegister"))("title") };
}

// Issue 15 "Register" (R-REG-1…6), for the Registrar: the fields as R-REG-1 names them, a live
// availability check, handle pickers over the account's contacts, the price and the balance after
// before "Register". The core (registerDomain) decides everything again.
export default async function RegisterDomainPage() {
  const actor = await guardPage("domain.register");
  const ctx = coreContext(actor);
  const [t, options] = await Promise.all([getTranslations("domainRegister"), getRegistrationOptions(ctx)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        breadcrumbs={
          <Breadcrumbs items={[{ label: t("crumbDomains"), href: "/domains" }, { label: t("title") }]} />
        }
      />
      {/* the default terms time: now, as Copenhagen wall time (never in the future at submit) */}
      <RegisterDomainForm options={options} now={toCopenhagenWallTime(ctx.clock.now())} />
    </>
  );
}
