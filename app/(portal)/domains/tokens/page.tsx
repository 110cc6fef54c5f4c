import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listPortfolioTokens } from "@/lib/registry/tokens";
import { TokensTable, type TokenRow } from "./tokens-table";
import { tokensTable } from "./tokens-table-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domainTransfer"))("tokens.title") };
}

// Issue 16, R-TOK-2: every open token the account issued — domain, kind, issued by, issued,
// expires — with "Retract" and "Retract selected". The Proxy's page (403 for other roles).
export default async function TokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await guardPage("domain.transferToken.issue");
  const [t, td, locale, params] = await Promise.all([
    getTranslations("domainTransfer"),
    getTranslations("domains"),
    getLocale() as Promise<Locale>,
    tokensTable.load(searchParams),
  ]);
  const tokens = await listPortfolioTokens(coreContext(actor), { dir: params.dir });
  const rows: TokenRow[] = tokens.map((tok) => ({
    id: tok.id,
    domain: tok.domain,
    uLabel: tok.uLabel,
    kind: tok.kind,
    issuedBy: tok.issuedBy,
    issued: formatDateTime(tok.createdAt, locale),
    expires: formatDeadline(tok.expiresAt, locale),
  }));
  return (
    <>
      <PageHeader
        breadcrumbs={
          <Breadcrumbs items={[{ label: td("detail.breadcrumb"), href: "/domains" }, { label: t("tokens.title") }]} />
        }
        title={t("tokens.title")}
        description={t("tokens.description")}
      />
      <TokensTable page={{ rows, total: rows.length, nextCursor: null, prevCursor: null }} />
    </>
  );
}
