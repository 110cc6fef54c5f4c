import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { isRegistryError } from "@/lib/registry/errors";
import { getNameServer } from "@/lib/registry/nameservers";
import { ChangeAdministratorForm, DeleteNameServer, EditGlueForm } from "../_components/nameserver-actions";

type Props = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).host) };
}

async function load(actor: Awaited<ReturnType<typeof guardPage>>, host: string) {
  try {
    return await getNameServer(coreContext(actor), { host });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

// Issue 17: one name server — glue (R-NS-1), administrator (R-NS-2), delete (R-NS-3); read-only
// while marked for deletion (R-DEL-3). Another registrar's or an unknown host is a 404.
export default async function NameServerPage({ params }: Props) {
  const actor = await guardPage("nameserver.view");
  const ns = await load(actor, decodeURIComponent((await params).host));
  const [t, locale] = await Promise.all([getTranslations("nameservers"), getLocale() as Promise<Locale>]);
  const refusal = (r: string | null) => (r ? <p className="text-sm text-muted">{t(`detail.refusal.${r}` as "detail.refusal.NOT_PERMITTED")}</p> : null);
  const glueList = (list: string[]) => (list.length ? <span className="font-mono text-xs">{list.join(", ")}</span> : t("list.noGlue"));
  return (
    <>
      <PageHeader
        title={ns.host}
        breadcrumbs={<Breadcrumbs items={[{ label: t("crumb"), href: "/nameservers" }, { label: ns.host }]} />}
        actions={ns.markedForDeletion ? <Badge tone="warning">{t("list.marked")}</Badge> : null}
      />
      <div className="flex flex-col gap-6">
        {ns.markedForDeletion ? (
          <Alert tone="warning" title={t("detail.markedTitle")}>
            {ns.superordinateDomain
              ? t("detail.marked", { domain: ns.superordinateDomain, date: formatDate(ns.markedForDeletionAt!, locale) })
              : t("detail.markedNoDomain", { date: formatDate(ns.markedForDeletionAt!, locale) })}
          </Alert>
        ) : null}
        <DescriptionList
          columns={2}
          items={[
            { term: t("detail.host"), value: ns.host },
            { term: t("detail.administrator"), value: ns.nsaHandle },
            { term: t("detail.management"), value: t(`detail.management${ns.managementModel}`) },
            {
              term: t("detail.superordinate"),
              value: ns.superordinateDomain ?? t("detail.none"),
            },
            { term: t("detail.ipv4"), value: glueList(ns.glueV4) },
            { term: t("detail.ipv6"), value: glueList(ns.glueV6) },
          ]}
        />

        <Card aria-labelledby="glue-title">
          <CardHeader>
            <CardTitle id="glue-title">{t("glue.title")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {ns.refusals.editGlue ? (
              refusal(ns.refusals.editGlue)
            ) : ns.glue.allowed || ns.glueV4.length + ns.glueV6.length > 0 ? (
              <EditGlueForm host={ns.host} glueV4={ns.glueV4} glueV6={ns.glueV6} />
            ) : (
              <p className="text-sm text-muted">
                {t(`glue.why.${ns.glue.reason}`, { host: ns.host, domain: ns.glue.domain ?? "" })}
              </p>
            )}
          </CardContent>
        </Card>

        <Card aria-labelledby="domains">
          <CardHeader>
            <CardTitle id="domains">{t("detail.domainsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm">
            {ns.domains.length === 0 && ns.otherDomains === 0 ? <p className="text-muted">{t("detail.domainsNone")}</p> : null}
            {ns.domains.length ? (
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {ns.domains.map((d) => (
                  <li key={d}>
                    <Link href={`/domains/${d}`} className="text-accent-700">
                      {d}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {ns.ownDomains > ns.domains.length ? <p className="text-muted">{t("detail.domainsMore", { count: ns.ownDomains - ns.domains.length })}</p> : null}
            {ns.otherDomains > 0 ? <p className="text-muted">{t("detail.domainsOther", { count: ns.otherDomains })}</p> : null}
          </CardContent>
        </Card>

        <Card aria-labelledby="administrator-title">
          <CardHeader>
            <CardTitle id="administrator-title">{t("detail.administratorTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm">{t(`detail.whoMay${ns.managementModel}`)}</p>
            {ns.refusals.changeAdministrator ? refusal(ns.refusals.changeAdministrator) : <ChangeAdministratorForm host={ns.host} />}
          </CardContent>
        </Card>

        <Card aria-labelledby="delete-title">
          <CardHeader>
            <CardTitle id="delete-title">{t("detail.deleteTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm">{t("detail.deleteDescription")}</p>
            {ns.refusals.delete ? refusal(ns.refusals.delete) : <DeleteNameServer host={ns.host} domains={ns.domains} />}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
