import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { isRegistryError } from "@/lib/registry/errors";
import { getRegistrarOverview } from "@/lib/registry/operator";
import { RegistrarStateControl } from "../../../_components/registrar-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.registrar"))("title") };
}

async function load(id: string) {
  const ctx = coreContext(await requireOperatorActor());
  try {
    return await getRegistrarOverview(ctx, { accountId: id });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

export default async function RegistrarPage({ params }: { params: Promise<{ id: string }> }) {
  const account = await load((await params).id);
  const [t, locale] = await Promise.all([getTranslations("operator.registrar"), getLocale() as Promise<Locale>]);
  const dl = [
    [t("handle"), account.handle],
    [t("cvr"), account.vatNumber ?? "—"],
    [t("address"), `${account.street}, ${account.postalCode} ${account.city}, ${account.countryCode}`],
    [t("email"), account.email],
    [t("fikCode"), account.fikCode],
    [t("accountNumber"), account.accountNumber],
    [t("balance"), formatMoney(account.balance, locale)],
    [t("domains"), String(account.domainCount)],
    [t("state"), account.suspendedAt ? t("suspendedSince", { at: formatDateTime(account.suspendedAt, locale), reason: account.suspendedReason ?? "" }) : t("active")],
  ];
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ label: t("back"), href: "/operator/registrars" }, { label: account.name }]} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{account.name}</h1>
        <RegistrarStateControl accountId={account.id} name={account.name} suspended={account.suspendedAt !== null} />
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-border bg-surface p-4 sm:grid-cols-[max-content_1fr]">
        {dl.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-sm text-muted">{term}</dt>
            <dd className="text-sm">{value}</dd>
          </div>
        ))}
      </dl>

      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("users")}</h2>
        <Table caption={t("users")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("userEmail")}</TableHeaderCell>
              <TableHeaderCell>{t("userName")}</TableHeaderCell>
              <TableHeaderCell>{t("userKind")}</TableHeaderCell>
              <TableHeaderCell>{t("userRoles")}</TableHeaderCell>
              <TableHeaderCell>{t("userStatus")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {account.users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{u.email}</TableCell>
                <TableCell>{u.name}</TableCell>
                <TableCell>{u.kind === "SERVICE" ? t("service", { service: u.service ?? "" }) : t("portal")}</TableCell>
                <TableCell>{u.metaRoles.map((r) => t(`roles.${r}`)).join(", ")}</TableCell>
                <TableCell>{u.disabledAt ? t("disabled") : t("enabled")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("allowlist")}</h2>
        <Table caption={t("allowlist")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("cidr")}</TableHeaderCell>
              <TableHeaderCell>{t("description")}</TableHeaderCell>
              <TableHeaderCell>{t("addedBy")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {account.allowlist.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="font-mono">{e.cidr}</TableCell>
                <TableCell>{e.description}</TableCell>
                <TableCell>{t("addedByAt", { who: e.createdBy, at: formatDateTime(e.createdAt, locale) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("ledger")}</h2>
        {account.ledger.length === 0 ? (
          <p className="text-sm text-muted">{t("ledgerEmpty")}</p>
        ) : (
          <Table caption={t("ledger")}>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("when")}</TableHeaderCell>
                <TableHeaderCell>{t("operation")}</TableHeaderCell>
                <TableHeaderCell>{t("text")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("amount")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("balanceAfter")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {account.ledger.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{formatDateTime(e.createdAt, locale)}</TableCell>
                  <TableCell>{t(`ledgerOperations.${e.operation}`)}</TableCell>
                  <TableCell>{e.description}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(e.amount, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(e.balanceAfter, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
