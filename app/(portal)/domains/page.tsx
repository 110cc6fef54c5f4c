import type { Metadata } from "next";
import Link from "next/link";
import { DownloadIcon } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listDomains } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { can } from "@/lib/registry/permissions";
import { DomainsTable, type DomainTableRow } from "./_components/domains-table";
import { domainListInput, domainsTable } from "./_components/domains-table-params";
import { TransferLinks } from "./_components/transfer-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

// Issue 14: the portfolio at scale — one core query (page + total), all state in the URL.
export default async function DomainsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await guardPage("domain.view");
  const ctx = coreContext(actor);
  const [t, locale, params] = await Promise.all([
    getTranslations("domains"),
    getLocale() as Promise<Locale>,
    domainsTable.load(searchParams),
  ]);
  const input = domainListInput(params);
  let result;
  try {
    result = await listDomains(ctx, input);
  } catch (error) {
    // a cursor from another ordering or an edited URL: start again from the first page
    if (!isRegistryError(error, "VALIDATION_FAILED")) throw error;
    result = await listDomains(ctx, { ...input, cursor: null, expiresFrom: undefined, expiresTo: undefined });
  }
  const rows: DomainTableRow[] = result.domains.map((d) => ({
    id: d.id,
    name: d.name,
    uLabel: d.uLabel,
    state: d.state,
    expiry: d.exDate ? formatDate(d.exDate, locale) : null,
    renewalPolicy: d.renewalPolicy,
    managementModel: d.managementModel,
    registrant: d.registrant,
    exDate: d.exDate,
  }));
  const exportHref = `/domains/export${domainsTable.serialize({ ...params, after: null, before: null })}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<span aria-live="polite">{t("count", { count: result.total })}</span>}
        actions={
          <>
          <TransferLinks actor={actor} />
          <Link
            href={exportHref}
            prefetch={false}
            download
            className="inline-flex h-10 items-center justify-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium text-zinc-900 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
          >
            <DownloadIcon aria-hidden="true" className="size-4" />
            {t("export")}
          </Link>
          </>
        }
      />
      <DomainsTable
        canRenew={can(actor, "domain.renew")}
        page={{
          rows,
          total: result.total,
          nextCursor: result.nextCursor,
          prevCursor: result.prevCursor,
        }}
      />
    </>
  );
}
