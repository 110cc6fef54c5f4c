import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditDomainNameServers } from "@/app/(portal)/nameservers/_components/edit-domain-nameservers";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { isRegistryError } from "@/lib/registry/errors";
import { getDomainNameServers } from "@/lib/registry/nameservers";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("nameservers.domain");
  return { title: t("title", { name: decodeURIComponent((await params).name) }) };
}

// Issue 17, R-NS-4: a domain's name servers and "Edit name servers". Another registrar's or an
// unknown domain is a 404.
export default async function DomainNameServersPage({ params }: Props) {
  const actor = await guardPage("domain.view");
  const name = decodeURIComponent((await params).name);
  let view;
  try {
    view = await getDomainNameServers(coreContext(actor), { name });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
  const t = await getTranslations("nameservers");
  const shown = view.uLabel;
  return (
    <>
      <PageHeader
        title={t("domain.title", { name: shown })}
        description={t("domain.editDescription", view.limits)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { label: t("domain.crumbDomains"), href: "/domains" },
              { label: shown, href: `/domains/${view.name}` },
              { label: t("title") },
            ]}
          />
        }
        actions={
          <Link href={`/domains/${view.name}/dnssec`} className={buttonClassName("secondary")}>
            {t("domain.dnssecLink")}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <Table caption={t("domain.current")} captionVisible>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("list.host")}</TableHeaderCell>
              <TableHeaderCell>{t("list.glue")}</TableHeaderCell>
              <TableHeaderCell>{t("list.status")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.nameServers.map((ns) => (
              <TableRow key={ns.host}>
                <TableCell>
                  {ns.inPortfolio ? (
                    <Link href={`/nameservers/${ns.host}`} className="text-accent-700">
                      {ns.host}
                    </Link>
                  ) : (
                    ns.host
                  )}
                </TableCell>
                <TableCell className="font-mono text-xs">
                  {[...ns.glueV4, ...ns.glueV6].join(", ") || <span className="font-sans text-muted">{t("list.noGlue")}</span>}
                </TableCell>
                <TableCell>
                  {ns.markedForDeletion ? <Badge tone="warning">{t("domain.marked")}</Badge> : ns.inPortfolio ? <Badge>{t("domain.inPortfolio")}</Badge> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {view.refusal === "NOT_PERMITTED" ? (
          <Alert>{t("domain.notPermitted")}</Alert>
        ) : view.refusal === "NOT_REGISTERED" ? (
          <Alert>{t("domain.notRegistered")}</Alert>
        ) : (
          <EditDomainNameServers name={view.name} current={view.nameServers.map((ns) => ns.host)} />
        )}
      </div>
    </>
  );
}
