import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listBankPayments } from "@/lib/registry/operator";
import { localDateOf, registryDateFromDb } from "@/lib/registry/rules";
import { BookPaymentForm, ImportStatementForm } from "../../_components/payment-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.payments"))("title") };
}

export default async function PaymentsPage() {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale] = await Promise.all([getTranslations("operator.payments"), getLocale() as Promise<Locale>]);
  const payments = await listBankPayments(ctx, { limit: 50 });
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section className="flex flex-col gap-3" aria-labelledby="book-heading">
        <h2 id="book-heading" className="text-lg font-semibold">
          {t("bookHeading")}
        </h2>
        <BookPaymentForm today={localDateOf(ctx.clock.now())} />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="import-heading">
        <h2 id="import-heading" className="text-lg font-semibold">
          {t("importHeading")}
        </h2>
        <ImportStatementForm />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {t("recentHeading")}
        </h2>
        <Table caption={t("recentHeading")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("valueDate")}</TableHeaderCell>
              <TableHeaderCell>{t("method")}</TableHeaderCell>
              <TableHeaderCell>{t("reference")}</TableHeaderCell>
              <TableHeaderCell>{t("registrar")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("amount")}</TableHeaderCell>
              <TableHeaderCell>{t("bookedBy")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {payments.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.valueDate ? formatDate(registryDateFromDb(p.valueDate), locale) : "—"}</TableCell>
                <TableCell>{t(`methods.${p.method === "CARD" ? "FIK" : p.method}`)}</TableCell>
                <TableCell>{p.reference}</TableCell>
                <TableCell>{p.registrar}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(p.amount, locale)}</TableCell>
                <TableCell>{t("bookedByAt", { who: p.bookedBy, at: formatDateTime(p.bookedAt, locale) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
