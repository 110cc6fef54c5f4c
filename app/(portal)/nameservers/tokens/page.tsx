import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listRedelegationTokens } from "@/lib/registry/tokens";
import { IssueTokenForm, RetractToken } from "../_components/token-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nameservers"))("tokens.title") };
}

// Issue 17, R-TOK-1/2: NSA-REDEL (NSA) and PXY-REDEL (Proxy) tokens — issued, listed, retracted.
// Guarded by redelegationToken.issue, not nameserver.view: a Proxy issues PXY-REDEL tokens.
export default async function RedelegationTokensPage() {
  const actor = await guardPage("redelegationToken.issue");
  const [t, locale] = await Promise.all([getTranslations("nameservers"), getLocale() as Promise<Locale>]);
  const { roles, tokens, stepUp } = await listRedelegationTokens(coreContext(actor));
  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={t("tokens.description")}
        breadcrumbs={<Breadcrumbs items={[{ label: t("crumb"), href: "/nameservers" }, { label: t("tokens.title") }]} />}
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="issue-title">
          <CardHeader>
            <CardTitle id="issue-title">{t("tokens.issueTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <IssueTokenForm roles={roles} stepUp={stepUp} />
          </CardContent>
        </Card>
        <section aria-labelledby="open-title" className="flex flex-col gap-3">
          <h2 id="open-title" className="text-lg font-medium">
            {t("tokens.listTitle")}
          </h2>
          {tokens.length === 0 ? (
            <p className="text-sm text-muted">{t("tokens.none")}</p>
          ) : (
            <Table caption={t("tokens.caption")}>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>{t("tokens.domain")}</TableHeaderCell>
                  <TableHeaderCell>{t("tokens.kind")}</TableHeaderCell>
                  <TableHeaderCell>{t("tokens.issued")}</TableHeaderCell>
                  <TableHeaderCell>{t("tokens.expiresAt")}</TableHeaderCell>
                  <TableHeaderCell>{t("dnssec.actions")}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {tokens.map((token) => (
                  <TableRow key={token.id}>
                    <TableCell>{token.uLabel}</TableCell>
                    <TableCell className="font-mono text-xs">{token.kind}</TableCell>
                    <TableCell>{formatDateTime(token.createdAt, locale)}</TableCell>
                    <TableCell>{formatDeadline(token.expiresAt, locale)}</TableCell>
                    <TableCell>
                      <RetractToken id={token.id} domain={token.uLabel} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
