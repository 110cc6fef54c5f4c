import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getAllowlistOverview } from "@/lib/registry/accounts";
import { AddEntryForm } from "./_components/add-entry-form";
import { RemoveEntryButton } from "./_components/remove-entry-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.allowlist"))("title") };
}

// R-ACC-7: the account's allowlist — who added each entry and when, the address you are using,
// add and remove (never the last entry; your own address only with an explicit confirmation).
export default async function AllowlistPage() {
  const actor = await guardPage("account.ipAllowlist");
  const [t, locale, view] = await Promise.all([
    getTranslations("admin.allowlist"),
    getLocale() as Promise<Locale>,
    getAllowlistOverview(coreContext(actor)),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <p className="mb-4 text-sm font-medium" data-testid="your-address">
        {t("yourAddress", { address: view.yourAddress ?? "—" })}
      </p>
      <Table caption={t("tableCaption")}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("network")}</TableHeaderCell>
            <TableHeaderCell>{t("description")}</TableHeaderCell>
            <TableHeaderCell>{t("addedBy")}</TableHeaderCell>
            <TableHeaderCell>{t("addedAt")}</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">{t("actions")}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell>
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{e.cidr}</span>
                  {e.containsYourAddress ? <Badge tone="warning">{t("you")}</Badge> : null}
                </span>
              </TableCell>
              <TableCell>{e.description}</TableCell>
              <TableCell className="break-all">{e.createdBy}</TableCell>
              <TableCell>{formatDateTime(e.createdAt, locale)}</TableCell>
              <TableCell className="text-right">
                <RemoveEntryButton
                  id={e.id}
                  network={e.cidr}
                  ownAddress={e.containsYourAddress ? view.yourAddress : null}
                  stepUp={view.stepUp}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <section aria-labelledby="add-entry-title" className="mt-8 flex max-w-xl flex-col gap-3">
        <h2 id="add-entry-title" className="text-lg font-semibold">
          {t("add.title")}
        </h2>
        <AddEntryForm stepUp={view.stepUp} />
      </section>
    </>
  );
}
