import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getDomainDetail } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";

type Params = { params: Promise<{ name: string }> };

function nameOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("domainRegister");
  return { title: t("held.title", { name: nameOf((await params).name).toLowerCase() }) };
}

// Issue 15: where a method-2 registration lands (R-REG-2) — until when the name is held and that
// the registrant was asked. Another registrar's or an unknown name is a 404, like the domain page.
export default async function HeldRegistrationPage({ params }: Params) {
  const actor = await guardPage("domain.view");
  const name = nameOf((await params).name);
  let d;
  try {
    d = await getDomainDetail(coreContext(actor), { name });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND") || isRegistryError(error, "INVALID_DOMAIN_NAME")) notFound();
    throw error;
  }
  const [t, locale] = await Promise.all([getTranslations("domainRegister"), getLocale() as Promise<Locale>]);
  const domainHref = `/domains/${encodeURIComponent(d.name)}`;
  return (
    <>
      <PageHeader
        title={d.hold ? t("held.title", { name: d.uLabel }) : t("held.notHeld", { name: d.uLabel })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { label: t("crumbDomains"), href: "/domains" },
              { label: d.uLabel, href: domainHref },
              { label: t("held.title", { name: d.uLabel }) },
            ]}
          />
        }
      />
      <div className="flex max-w-2xl flex-col gap-4">
        {d.hold ? (
          <Alert tone="info" title={t("held.until", { deadline: formatDeadline(d.hold.expiresAt, locale) })}>
            <p>{t("held.asked", { handle: d.registrant.handle, registrantName: d.registrant.name })}</p>
            <p className="mt-2">{t("held.then")}</p>
            <p className="mt-2">{t("held.message")}</p>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link href={domainHref} className={buttonClassName("primary")}>
            {t("held.toDomain", { name: d.uLabel })}
          </Link>
          <Link href="/domains/new" className={buttonClassName("secondary")}>
            {t("held.another")}
          </Link>
        </div>
      </div>
    </>
  );
}
