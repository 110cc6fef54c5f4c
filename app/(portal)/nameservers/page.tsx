import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import { pageRequest } from "@/components/ui/data-table/table-params";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { searchNameServers } from "@/lib/registry/nameservers";
import { can } from "@/lib/registry/permissions";
import { NameServersTable } from "./_components/nameservers-table";
import { nameServersTable } from "./_components/nameservers-table-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nameservers"))("title") };
}

// Issue 17: the portfolio's name servers (R-NS-1), searchable, a page at a time.
export default async function NameServersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage("nameserver.view");
  const t = await getTranslations("nameservers");
  const params = await nameServersTable.load(searchParams);
  const request = pageRequest(params);
  const page = await searchNameServers(coreContext(actor), {
    search: params.q,
    dir: request.dir,
    limit: request.limit,
    cursor: request.cursor,
    backward: request.backward,
  });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(actor, "nameserver.create") ? (
              <Link href="/nameservers/new" className={buttonClassName("primary")}>
                {t("list.create")}
              </Link>
            ) : null}
            {can(actor, "redelegationToken.issue") ? (
              <Link href="/nameservers/tokens" className={buttonClassName("secondary")}>
                {t("list.tokens")}
              </Link>
            ) : null}
            {can(actor, "domain.redelegate") ? (
              <Link href="/nameservers/redelegate" className={buttonClassName("secondary")}>
                {t("list.redelegate")}
              </Link>
            ) : null}
          </>
        }
      />
      <NameServersTable
        createHref="/nameservers/new"
        page={{
          total: page.total,
          nextCursor: page.nextCursor,
          prevCursor: page.prevCursor,
          rows: page.rows.map((ns) => ({
            host: ns.host,
            glue: [...ns.glueV4, ...ns.glueV6],
            nsaHandle: ns.nsaHandle,
            markedForDeletion: ns.markedForDeletion,
            ownDomains: ns.ownDomains,
            otherDomains: ns.otherDomains,
          })),
        }}
      />
    </>
  );
}
