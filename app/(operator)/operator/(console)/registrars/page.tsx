import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listRegistrars } from "@/lib/registry/operator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.registrars"))("title") };
}

export default async function RegistrarsPage() {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale] = await Promise.all([getTranslations("operator.registrars"), getLocale() as Promise<Locale>]);
  const registrars = await listRegistrars(ctx);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <Link
          href="/operator/registrars/new"
          className="inline-flex h-10 items-center rounded-md bg-accent-600 px-4 text-sm font-medium text-white no-underline hover:bg-accent-700 hover:no-underline"
        >
          {t("create")}
        </Link>
      </div>
      <Table caption={t("caption")}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("name")}</TableHeaderCell>
            <TableHeaderCell>{t("handle")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("balance")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("domains")}</TableHeaderCell>
            <TableHeaderCell>{t("state")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {registrars.map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <Link href={`/operator/registrars/${a.id}`}>{a.name}</Link>
              </TableCell>
              <TableCell>{a.handle}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(a.balance, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{a.domainCount}</TableCell>
              <TableCell>{t(`states.${a.state}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
