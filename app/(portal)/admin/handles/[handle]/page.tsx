import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getHandle } from "@/lib/registry/accounts";
import { isRegistryError } from "@/lib/registry/errors";
import { UnlinkHandleButton } from "../_components/unlink-handle-button";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).handle).toUpperCase() };
}

// R-ACC-5 a linked handle's page: its data, associated emails (its own and those merged into it),
// what uses it, and "Unlink" — never for the registrar handle, which says why. Another
// registrar's handle, an unlinked or a merged one is not found (404).
export default async function HandlePage({ params }: Props) {
  const actor = await guardPage("account.handles");
  const name = decodeURIComponent((await params).handle);
  const handle = await getHandle(coreContext(actor), { handle: name }).catch((error: unknown) => {
    if (isRegistryError(error, "NOT_FOUND") || isRegistryError(error, "VALIDATION_FAILED")) notFound();
    throw error;
  });
  const [t, ta, tm, tt, locale] = await Promise.all([
    getTranslations("admin.handles.detail"),
    getTranslations("admin"),
    getTranslations("admin.models"),
    getTranslations("admin.handleTypes"),
    getLocale() as Promise<Locale>,
  ]);
  const count = (n: number) => t("domainCount", { count: n });
  return (
    <>
      <PageHeader
        breadcrumbs={
          <Breadcrumbs
            items={[
              { label: ta("title"), href: "/admin" },
              { label: t("back"), href: "/admin/handles" },
              { label: handle.handle },
            ]}
          />
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            {handle.handle}
            {handle.isRegistrarHandle ? <Badge tone="accent">{ta("handles.registrarHandle")}</Badge> : null}
          </span>
        }
        description={handle.name}
        actions={handle.isRegistrarHandle ? null : <UnlinkHandleButton handle={handle.handle} />}
      />
      <div className="flex flex-col gap-8">
        {handle.isRegistrarHandle ? <Alert tone="info">{ta("handles.unlink.registrarHandle")}</Alert> : null}
        <section aria-labelledby="details-title" className="flex flex-col gap-3">
          <h2 id="details-title" className="text-lg font-semibold">
            {t("details")}
          </h2>
          <DescriptionList
            items={[
              { term: t("type"), value: tt(handle.type) },
              { term: ta("handles.management"), value: tm(handle.managementModel) },
              {
                term: t("address"),
                value: [handle.attention, handle.street, `${handle.postalCode} ${handle.city}`, handle.countryCode]
                  .filter(Boolean)
                  .join(", "),
              },
              { term: ta("handles.email"), value: handle.email },
              { term: t("phone"), value: handle.phone ?? "—" },
              { term: t("vatNumber"), value: handle.vatNumber ?? "—" },
              {
                term: t("termsAccepted"),
                value: handle.termsAcceptedAt ? formatDateTime(handle.termsAcceptedAt, locale) : t("notAccepted"),
              },
              { term: t("idControl"), value: t(`idControlValues.${handle.idControl as "NONE"}`) },
            ]}
          />
        </section>
        <section aria-labelledby="emails-title" className="flex flex-col gap-2">
          <h2 id="emails-title" className="text-lg font-semibold">
            {t("associatedEmails")}
          </h2>
          <p className="text-sm text-muted">{t("associatedEmailsHint")}</p>
          <ul className="list-disc pl-5 text-sm">
            {handle.associatedEmails.map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
          {handle.mergedHandles.length > 0 ? (
            <p className="text-sm">
              {t("mergedHandles")}: {handle.mergedHandles.join(", ")}
            </p>
          ) : null}
        </section>
        <section aria-labelledby="usage-title" className="flex flex-col gap-3">
          <h2 id="usage-title" className="text-lg font-semibold">
            {t("usage")}
          </h2>
          <DescriptionList
            items={[
              { term: t("asRegistrant"), value: count(handle.domains.registrant) },
              { term: t("asProxy"), value: count(handle.domains.proxy) },
              { term: t("asPayer"), value: count(handle.domains.payer) },
              {
                term: t("nameServers"),
                value: handle.nameServers.length ? handle.nameServers.join(", ") : t("none"),
              },
            ]}
          />
        </section>
      </div>
    </>
  );
}
