import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { TablePage } from "@/components/ui/data-table/table-params";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatMoney } from "@/lib/format";
import { translateError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locales";
import { listLedger } from "@/lib/registry/billing";
import { isRegistryError } from "@/lib/registry/errors";
import { parseDomainName } from "@/lib/registry/rules";
import { BillingNav } from "../_components/billing-nav";
import { type LedgerTableRow, LedgerTable } from "./_components/ledger-table";
import { ledgerTable } from "./_components/ledger-table-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.ledger"))("title") };
}

function uLabel(aLabel: string): string {
  try {
    return parseDomainName(aLabel).uLabel;
  } catch {
    return aLabel;
  }
}

const cursor = (value: string | null) => (value && /^\d{1,10}$/.test(value) ? Number(value) : null);

// R-PAY-3: every entry with date, operation, domain, actor, amount and the running balance;
// filters by date range, operation and domain in the URL; keyset pages; "Export CSV" streams the
// same filter (./export/route.ts).
export default async function LedgerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await guardPage("billing.view");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([
    getTranslations("billing.ledger"),
    getLocale() as Promise<Locale>,
  ]);
  const params = await ledgerTable.load(searchParams);
  const filter = {
    from: params.from || undefined,
    to: params.to || undefined,
    operation: params.operation ?? undefined,
    domain: params.domain || undefined,
  };
  let page: TablePage<LedgerTableRow> = { rows: [], total: 0, nextCursor: null, prevCursor: null };
  const fieldErrors: Record<string, string> = {};
  try {
    const result = await listLedger(ctx, {
      ...filter,
      after: cursor(params.after),
      before: cursor(params.before),
      limit: params.size,
    });
    page = {
      rows: result.entries.map((e) => ({
        id: String(e.id),
        date: formatDateTime(e.createdAt, locale),
        operation: t(`operations.${e.operation}`),
        domain: e.domainName
          ? { label: uLabel(e.domainName), href: `/domains/${encodeURIComponent(e.domainName)}` }
          : null,
        actor: e.actorLabel,
        amount: formatMoney(e.amount, locale),
        debit: e.amount < 0,
        balance: formatMoney(e.balanceAfter, locale),
      })),
      total: result.total,
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
      prevCursor: result.prevCursor === null ? null : String(result.prevCursor),
    };
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    const field = typeof error.details?.field === "string" ? error.details.field : "domain";
    fieldErrors[field] = translateError(error.code, error.details, locale);
  }
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a
            href={`/billing/ledger/export${query ? `?${query}` : ""}`}
            download
            className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-zinc-900 no-underline hover:bg-zinc-50 hover:no-underline"
          >
            {t("export")}
          </a>
        }
      />
      <BillingNav current="/billing/ledger" />
      <LedgerTable page={page} fieldErrors={fieldErrors} />
    </section>
  );
}
