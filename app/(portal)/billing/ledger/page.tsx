import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatMoney } from "@/lib/format";
import { translateError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locales";
import { type LedgerPage, listLedger } from "@/lib/registry/billing";
import { isRegistryError } from "@/lib/registry/errors";
import { parseDomainName } from "@/lib/registry/rules";
import { LEDGER_OPERATION_VALUES, ledgerFilterSchema } from "@/lib/schemas/billing";
import { BillingNav } from "../_components/billing-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.ledger"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

function uLabel(aLabel: string): string {
  try {
    return parseDomainName(aLabel).uLabel;
  } catch {
    return aLabel;
  }
}

// R-PAY-3: every entry with date, operation, domain, actor, amount and the running balance;
// filters by date range, operation and domain in the URL (a GET form); keyset pages; "Export CSV"
// streams the same filter (./export/route.ts).
export default async function LedgerPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await guardPage("billing.view");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([
    getTranslations("billing.ledger"),
    getLocale() as Promise<Locale>,
  ]);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = ledgerFilterSchema.safeParse(raw);
  const filter = parsed.success
    ? parsed.data
    : {
        from: undefined,
        to: undefined,
        operation: undefined,
        domain: undefined,
        after: undefined,
        before: undefined,
      };
  const filterQuery = new URLSearchParams(
    Object.entries({
      from: filter.from,
      to: filter.to,
      operation: filter.operation,
      domain: filter.domain,
    }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  let page: LedgerPage = { entries: [], nextCursor: null, prevCursor: null };
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= t("filters");
  } else {
    try {
      page = await listLedger(ctx, { ...filter, limit: 50 });
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      const field = typeof error.details?.field === "string" ? error.details.field : "domain";
      fieldErrors[field] = translateError(error.code, error.details, locale);
    }
  }
  const pageLink = (cursor: { after?: number; before?: number }) => {
    const q = new URLSearchParams(filterQuery);
    if (cursor.after) q.set("after", String(cursor.after));
    if (cursor.before) q.set("before", String(cursor.before));
    return `/billing/ledger?${q.toString()}`;
  };
  const exportHref = `/billing/ledger/export${filterQuery.size ? `?${filterQuery.toString()}` : ""}`;
  return (
    <section aria-labelledby="ledger-title" className="flex flex-col gap-6">
      <h1 id="ledger-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <BillingNav current="/billing/ledger" />
      <p className="max-w-prose text-muted">{t("description")}</p>

      <form
        method="get"
        action="/billing/ledger"
        aria-label={t("filters")}
        className="flex flex-wrap items-end gap-4"
      >
        <Input
          type="date"
          name="from"
          label={t("from")}
          defaultValue={filter.from ?? ""}
          error={fieldErrors.from}
        />
        <Input
          type="date"
          name="to"
          label={t("to")}
          defaultValue={filter.to ?? ""}
          error={fieldErrors.to}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="ledger-operation" className="text-sm font-medium text-zinc-800">
            {t("operation")}
          </label>
          <select
            id="ledger-operation"
            name="operation"
            defaultValue={filter.operation ?? ""}
            className="h-10 rounded-md border border-border bg-surface px-3 text-sm focus-visible:outline-2 focus-visible:outline-accent-600"
          >
            <option value="">{t("allOperations")}</option>
            {LEDGER_OPERATION_VALUES.map((op) => (
              <option key={op} value={op}>
                {t(`operations.${op}`)}
              </option>
            ))}
          </select>
        </div>
        <Input
          name="domain"
          label={t("domain")}
          defaultValue={filter.domain ?? ""}
          error={fieldErrors.domain}
        />
        <div className="flex gap-2">
          <Button type="submit">{t("apply")}</Button>
          <Link href="/billing/ledger" className="inline-flex h-10 items-center px-2 text-sm">
            {t("clear")}
          </Link>
        </div>
      </form>

      <div className="flex justify-end">
        <a
          href={exportHref}
          download
          className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-zinc-900 no-underline hover:bg-zinc-50 hover:no-underline"
        >
          {t("export")}
        </a>
      </div>

      {page.entries.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <Table caption={t("title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("date")}</TableHeaderCell>
              <TableHeaderCell>{t("operation")}</TableHeaderCell>
              <TableHeaderCell>{t("domain")}</TableHeaderCell>
              <TableHeaderCell>{t("actor")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("amount")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("balanceAfter")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.entries.map((e) => (
              <TableRow key={e.id} data-entry-id={e.id}>
                <TableCell className="whitespace-nowrap">
                  {formatDateTime(e.createdAt, locale)}
                </TableCell>
                <TableCell>{t(`operations.${e.operation}`)}</TableCell>
                <TableCell>
                  {e.domainName ? (
                    <Link href={`/domains/${encodeURIComponent(e.domainName)}`}>
                      {uLabel(e.domainName)}
                    </Link>
                  ) : null}
                </TableCell>
                <TableCell className="break-all">{e.actorLabel}</TableCell>
                <TableCell
                  className={`text-right whitespace-nowrap tabular-nums ${e.amount < 0 ? "text-danger" : ""}`}
                >
                  {formatMoney(e.amount, locale)}
                </TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {formatMoney(e.balanceAfter, locale)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <nav aria-label={t("pagination")} className="flex justify-between gap-4">
        {page.prevCursor !== null ? (
          <Link href={pageLink({ before: page.prevCursor })}>{t("newer")}</Link>
        ) : (
          <span />
        )}
        {page.nextCursor !== null ? (
          <Link href={pageLink({ after: page.nextCursor })}>{t("older")}</Link>
        ) : null}
      </nav>
    </section>
  );
}
