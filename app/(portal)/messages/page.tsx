import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import {
  MESSAGE_HISTORY_DAYS,
  describeNotification,
  listMessagePage,
} from "@/lib/registry/messages";
import { can } from "@/lib/registry/permissions";
import { messageFilterSchema } from "@/lib/schemas/messages";
import { type MessageRow, MessageList } from "./_components/message-list";
import { renderNotification } from "./_lib/render";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("title") };
}

// R-MSG-1 / issue 18: the queue oldest first with its count, a type filter, each message in the
// reader's language linking to what it concerns, acknowledging one, the selected or all shown;
// acknowledged messages stay readable in the History tab for 90 days.
export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await guardPage("message.view");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([
    getTranslations("messages"),
    getLocale() as Promise<Locale>,
  ]);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const { tab, type, after } = messageFilterSchema.parse(raw);
  const history = tab === "history";
  const page = await listMessagePage(ctx, { history, type, after, limit: 50 });
  const billing = can(actor, "billing.view");
  const translate = Object.assign(
    (key: string, values?: Record<string, string | number>) =>
      t(key as never, values as never) as string,
    {
      has: (key: string) => t.has(key as never),
    },
  );
  const rows: MessageRow[] = page.messages.map((m) => {
    const view = describeNotification(m);
    const { label, text } = renderNotification(view, translate, locale);
    const domain = view.params.domain?.kind === "text" ? view.params.domain.value : m.domainName;
    const link =
      m.domainName && m.domainInPortfolio
        ? {
            href: `/domains/${encodeURIComponent(m.domainName)}`,
            label: t("openDomain", { domain: domain ?? m.domainName }),
          }
        : view.concerns === "billing" && billing
          ? { href: "/billing", label: t("openBilling") }
          : null;
    return {
      id: m.id,
      at: formatDateTime(m.createdAt, locale),
      label,
      text,
      link,
      registrantLink: view.registrantLink,
      acked: m.ackedAt
        ? `${formatDateTime(m.ackedAt, locale)} ${m.ackedBy ? t("ackedBy", { user: m.ackedBy }) : ""}`.trim()
        : null,
    };
  });
  const typeLabel = (ty: string) =>
    t.has(`types.${ty}` as never) ? t(`types.${ty}` as never) : t("types.other");
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ tab: history ? "history" : undefined, type, ...extra }))
      if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/messages?${s}` : "/messages";
  };
  const countText = history
    ? t("historyCount", { count: page.count, days: MESSAGE_HISTORY_DAYS })
    : type
      ? t("countFiltered", { count: page.count })
      : t("count", { count: page.count });
  const empty = history
    ? t("emptyHistory", { days: MESSAGE_HISTORY_DAYS })
    : type
      ? t("emptyFiltered")
      : t("empty");
  return (
    <section className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <p className="text-sm text-muted" data-testid="message-count">
            {countText}
          </p>
        }
      />
      <nav aria-label={t("tabs.label")}>
        <ul className="flex gap-1 border-b border-border">
          {(["queue", "history"] as const).map((name) => (
            <li key={name}>
              <Link
                href={name === "history" ? "/messages?tab=history" : "/messages"}
                aria-current={tab === name ? "page" : undefined}
                className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm text-zinc-700 no-underline hover:text-zinc-900 aria-[current=page]:border-accent-600 aria-[current=page]:font-semibold aria-[current=page]:text-zinc-900"
              >
                {t(`tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/messages" className="flex flex-wrap items-end gap-2">
        {history ? <input type="hidden" name="tab" value="history" /> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="message-type" className="text-sm font-medium text-zinc-800">
            {t("filter.type")}
          </label>
          <select
            id="message-type"
            name="type"
            defaultValue={type ?? ""}
            className="h-10 rounded-md border border-border bg-surface px-3 text-sm focus-visible:outline-2 focus-visible:outline-accent-600"
          >
            <option value="">{t("filter.all")}</option>
            {page.types.map((ty) => (
              <option key={ty.type} value={ty.type}>
                {t("filter.option", { label: typeLabel(ty.type), count: ty.count })}
              </option>
            ))}
            {type && !page.types.some((ty) => ty.type === type) ? (
              <option value={type}>{typeLabel(type)}</option>
            ) : null}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("filter.apply")}
        </Button>
      </form>
      <MessageList rows={rows} history={history} empty={empty} />
      <nav aria-label={t("title")} className="flex justify-between gap-4">
        {after ? <Link href={query({})}>{t("first")}</Link> : <span />}
        {page.nextCursor !== null ? (
          <Link href={query({ after: String(page.nextCursor) })}>{t("next")}</Link>
        ) : null}
      </nav>
    </section>
  );
}
