import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listPendingIdControls } from "@/lib/registry/operator";
import { IdControlDecision } from "../../_components/decision-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.idControl"))("title") };
}

export default async function IdControlPage() {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale] = await Promise.all([getTranslations("operator.idControl"), getLocale() as Promise<Locale>]);
  const pending = await listPendingIdControls(ctx);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      {pending.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("caption")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("domain")}</TableHeaderCell>
              <TableHeaderCell>{t("registrar")}</TableHeaderCell>
              <TableHeaderCell>{t("newRegistrant")}</TableHeaderCell>
              <TableHeaderCell>{t("requested")}</TableHeaderCell>
              <TableHeaderCell>{t("deadline")}</TableHeaderCell>
              <TableHeaderCell>{t("decision")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pending.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.uDomain}</TableCell>
                <TableCell>{p.registrar}</TableCell>
                <TableCell>
                  <div>{p.to.name}</div>
                  <div className="text-xs text-muted">
                    {p.to.handle} · {p.to.email}
                    {p.to.vatNumber ? ` · ${p.to.vatNumber}` : ""}
                  </div>
                  <div className="text-xs text-muted">{t("from", { handle: p.from })}</div>
                </TableCell>
                <TableCell>{p.requestedAt ? formatDateTime(p.requestedAt, locale) : "—"}</TableCell>
                <TableCell>{p.deadline ? formatDeadline(p.deadline, locale) : "—"}</TableCell>
                <TableCell>
                  <IdControlDecision requestId={p.id} domain={p.uDomain} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
