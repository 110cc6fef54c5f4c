import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddDsRecordForm, RemoveDsRecord } from "@/app/(portal)/nameservers/_components/dnssec-forms";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { isRegistryError } from "@/lib/registry/errors";
import { getDomainDnssec } from "@/lib/registry/nameservers";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("nameservers.dnssec");
  return { title: t("title", { name: decodeURIComponent((await params).name) }) };
}

// Issue 17, R-DS-1: the domain's DS records, "Add DS record" and "Remove" for the NSA of its name
// servers. A domain the user can neither view nor manage DS records of is a 404.
export default async function DomainDnssecPage({ params }: Props) {
  const actor = await guardPage("domain.view");
  const name = decodeURIComponent((await params).name);
  let view;
  try {
    view = await getDomainDnssec(coreContext(actor), { name });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
  const t = await getTranslations("nameservers");
  const shown = view.uLabel;
  const mayChange = view.refusal === null;
  return (
    <>
      <PageHeader
        title={t("dnssec.title", { name: shown })}
        description={t("dnssec.description")}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { label: t("domain.crumbDomains"), href: "/domains" },
              view.own ? { label: shown, href: `/domains/${view.name}` } : { label: shown },
              { label: t("dnssec.crumb") },
            ]}
          />
        }
      />
      <div className="flex flex-col gap-6">
        {!view.own ? <Alert>{t("dnssec.otherRegistrar", { name: shown })}</Alert> : null}
        {view.records.length ? (
          <Table caption={t("dnssec.caption", { name: shown })} captionVisible>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("dnssec.keyTag")}</TableHeaderCell>
                <TableHeaderCell>{t("dnssec.algorithm")}</TableHeaderCell>
                <TableHeaderCell>{t("dnssec.digestType")}</TableHeaderCell>
                <TableHeaderCell>{t("dnssec.digest")}</TableHeaderCell>
                {mayChange ? <TableHeaderCell>{t("dnssec.actions")}</TableHeaderCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {view.records.map((r) => (
                <TableRow key={`${r.keyTag}-${r.algorithm}-${r.digestType}-${r.digest}`}>
                  <TableCell className="tabular-nums">{r.keyTag}</TableCell>
                  <TableCell>{t(`dnssec.algorithms.${r.algorithm}` as "dnssec.algorithms.13")}</TableCell>
                  <TableCell>{t(`dnssec.digestTypes.${r.digestType}` as "dnssec.digestTypes.2")}</TableCell>
                  <TableCell className="max-w-md font-mono text-xs break-all">{r.digest}</TableCell>
                  {mayChange ? (
                    <TableCell>
                      <RemoveDsRecord name={view.name} record={r} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <p className="text-sm text-muted">{t("dnssec.none")}</p>
        )}
        {view.refusal === "NOT_PERMITTED" ? (
          <Alert>{t("dnssec.notPermitted")}</Alert>
        ) : view.refusal === "NOT_ON_YOUR_NAME_SERVERS" ? (
          <Alert>{t("dnssec.notOnYourNameServers", { name: shown })}</Alert>
        ) : view.records.length >= view.maxRecords ? (
          <Alert>{t("dnssec.limit", { max: view.maxRecords })}</Alert>
        ) : (
          <Card aria-labelledby="add-ds-title">
            <CardHeader>
              <CardTitle id="add-ds-title">{t("dnssec.add")}</CardTitle>
            </CardHeader>
            <CardContent>
              <AddDsRecordForm name={view.name} />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
