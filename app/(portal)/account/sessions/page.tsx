import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { authSettings } from "@/lib/auth/settings";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { listOwnSessions } from "@/lib/registry/accounts";
import { can } from "@/lib/registry/permissions";
import { browserName } from "../_components/browser-name";
import { EndSessionButton } from "./_components/end-session-button";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.sessions"))("title") };
}

// "Sessions" (user menu, issue 19): the user's own live sessions — started, last seen, address,
// browser — and "End session" for any other one. The Administrator ends anyone's on /admin/users.
export default async function SessionsPage() {
  const actor = await requireActor({ enrolled: true });
  const [t, locale] = await Promise.all([getTranslations("security.sessions"), getLocale() as Promise<Locale>]);
  const sessions = await listOwnSessions(coreContext(actor), authSettings());
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("intro")} className="mb-2" />
      <Table caption={t("title")}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("started")}</TableHeaderCell>
            <TableHeaderCell>{t("lastSeen")}</TableHeaderCell>
            <TableHeaderCell>{t("address")}</TableHeaderCell>
            <TableHeaderCell>{t("browser")}</TableHeaderCell>
            <TableHeaderCell>{t("actions")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sessions.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5}>{t("empty")}</TableCell>
            </TableRow>
          ) : null}
          {sessions.map((s) => {
            const started = formatDateTime(s.createdAt, locale);
            return (
              <TableRow key={s.id}>
                <TableCell>{started}</TableCell>
                <TableCell>{formatDateTime(s.lastSeenAt, locale)}</TableCell>
                <TableCell>
                  <code>{s.ip}</code>
                </TableCell>
                <TableCell>{browserName(s.browser, t)}</TableCell>
                <TableCell>
                  {s.current ? (
                    <span className="text-sm font-medium">{t("current")}</span>
                  ) : (
                    <EndSessionButton
                      userId={actor.userId}
                      sessionId={s.id}
                      label={t("endLabel", { address: s.ip, started })}
                    />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {can(actor, "account.users") ? (
        <p className="text-sm text-zinc-700">
          <Link href="/admin/users#sessions">{t("adminLink")}</Link>
        </p>
      ) : null}
    </section>
  );
}
