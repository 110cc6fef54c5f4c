import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listBlockedNames, listWaitingLists } from "@/lib/registry/operator";
import { UnblockName } from "../../_components/decision-forms";
import { BlockNameForm, WaitingListEntryForm } from "../../_components/names-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.names"))("title") };
}

export default async function NamesPage() {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale] = await Promise.all([getTranslations("operator.names"), getLocale() as Promise<Locale>]);
  const [blocked, lists] = await Promise.all([listBlockedNames(ctx), listWaitingLists(ctx)]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section className="flex flex-col gap-3" aria-labelledby="blocked-heading">
        <h2 id="blocked-heading" className="text-lg font-semibold">
          {t("blockedHeading")}
        </h2>
        <BlockNameForm />
        <Table caption={t("blockedHeading")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("name")}</TableHeaderCell>
              <TableHeaderCell>{t("reason")}</TableHeaderCell>
              <TableHeaderCell>{t("since")}</TableHeaderCell>
              <TableHeaderCell>{t("remove")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {blocked.map((b) => (
              <TableRow key={b.name}>
                <TableCell>{b.uLabel}</TableCell>
                <TableCell>{b.reason}</TableCell>
                <TableCell>{formatDate(b.createdAt, locale)}</TableCell>
                <TableCell>
                  <UnblockName name={b.name} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="text-lg font-semibold">
          {t("waitingHeading")}
        </h2>
        <WaitingListEntryForm />
        {lists.length === 0 ? <p>{t("noWaitingLists")}</p> : null}
        {lists.map((list) => (
          <Table key={list.name} caption={t("waitingFor", { name: list.uLabel })} captionVisible>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("position")}</TableHeaderCell>
                <TableHeaderCell>{t("holderName")}</TableHeaderCell>
                <TableHeaderCell>{t("holderEmail")}</TableHeaderCell>
                <TableHeaderCell>{t("holderHandle")}</TableHeaderCell>
                <TableHeaderCell>{t("entryState")}</TableHeaderCell>
                <TableHeaderCell>{t("joined")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="tabular-nums">{e.position ?? "—"}</TableCell>
                  <TableCell>{e.holderName}</TableCell>
                  <TableCell>{e.holderEmail}</TableCell>
                  <TableCell>{e.handle ?? "—"}</TableCell>
                  <TableCell>{t(`entryStates.${e.state}`)}</TableCell>
                  <TableCell>{formatDateTime(e.createdAt, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      </section>
    </div>
  );
}
