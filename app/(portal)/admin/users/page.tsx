import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { authSettings } from "@/lib/auth/settings";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getAccountSettings, getOwnSecurity, listSessions, listUsers } from "@/lib/registry/accounts";
import { can } from "@/lib/registry/permissions";
import { browserName } from "../../account/_components/browser-name";
import { CreateUser } from "./_components/create-user";
import { EndAccountSession } from "./_components/end-account-session";
import { RequireTwoFactor } from "./_components/require-two-factor";
import { UserActions } from "./_components/user-actions";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

// /admin/users (issue 19, R-ACC-1…3): the account's portal users with meta-roles, state, TOTP and
// last login; create, edit meta-roles, disable/enable, delete, reset password; every open session
// of the account; the account's "Require two-factor authentication".
export default async function UsersPage() {
  const actor = await guardPage("account.users");
  const ctx = coreContext(actor);
  const [t, ts, locale] = await Promise.all([
    getTranslations("users"),
    getTranslations("security.sessions"),
    getLocale() as Promise<Locale>,
  ]);
  const [users, sessions, own, settings] = await Promise.all([
    listUsers(ctx, { kind: "PORTAL" }),
    listSessions(ctx, authSettings()),
    getOwnSecurity(ctx),
    can(actor, "account.settings") ? getAccountSettings(ctx) : null,
  ]);
  const stepUp = own.totpEnabled;
  const activeAdministrators = users.filter((u) => !u.disabledAt && u.metaRoles.includes("ADMINISTRATOR"));

  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-4">
        <PageHeader title={t("title")} description={t("intro")} actions={<CreateUser stepUp={stepUp} />} className="mb-0" />
        <Table caption={t("title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("columns.user")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.metaRoles")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.state")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.twoFactor")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.lastLogin")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.actions")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6}>{t("empty")}</TableCell>
              </TableRow>
            ) : null}
            {users.map((u) => {
              const lastAdministrator =
                activeAdministrators.length === 1 && activeAdministrators[0]!.id === u.id;
              return (
                <TableRow key={u.id}>
                  <TableCell>
                    <span className="font-medium">{u.name}</span>
                    {u.id === actor.userId ? <span className="text-muted"> ({t("you")})</span> : null}
                    <br />
                    <span className="text-zinc-700">{u.email}</span>
                    {lastAdministrator ? (
                      <p className="mt-1 max-w-xs text-xs text-zinc-700">{t("lastAdministrator", { email: u.email })}</p>
                    ) : null}
                  </TableCell>
                  <TableCell>{u.metaRoles.map((r) => t(`roles.${r}`)).join(", ")}</TableCell>
                  <TableCell>{u.disabledAt ? t("state.disabled") : t("state.active")}</TableCell>
                  <TableCell>{u.totpEnabled ? t("twoFactor.on") : t("twoFactor.off")}</TableCell>
                  <TableCell>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t("never")}</TableCell>
                  <TableCell>
                    <UserActions
                      stepUp={stepUp}
                      user={{
                        id: u.id,
                        email: u.email,
                        metaRoles: u.metaRoles,
                        disabled: u.disabledAt !== null,
                        lastAdministrator,
                      }}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>

      {settings ? <RequireTwoFactor required={settings.totpRequired} stepUp={stepUp} /> : null}

      <section id="sessions" aria-labelledby="account-sessions-title" className="flex flex-col gap-3">
        <h2 id="account-sessions-title" className="text-lg font-semibold">
          {t("sessions.title")}
        </h2>
        <p className="max-w-prose text-sm text-zinc-700">{t("sessions.description")}</p>
        <Table caption={t("sessions.title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("sessions.user")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.started")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.lastSeen")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.address")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.browser")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.actions")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6}>{t("sessions.empty")}</TableCell>
              </TableRow>
            ) : null}
            {sessions.map((s) => {
              const started = formatDateTime(s.createdAt, locale);
              return (
                <TableRow key={s.id}>
                  <TableCell>{s.email}</TableCell>
                  <TableCell>{started}</TableCell>
                  <TableCell>{formatDateTime(s.lastSeenAt, locale)}</TableCell>
                  <TableCell>
                    <code>{s.ip}</code>
                  </TableCell>
                  <TableCell>{browserName(s.browser, ts)}</TableCell>
                  <TableCell>
                    {s.current ? (
                      <span className="text-sm font-medium">{t("sessions.current")}</span>
                    ) : (
                      <EndAccountSession
                        sessionId={s.id}
                        email={s.email}
                        stepUp={stepUp}
                        label={t("sessions.endFor", { email: s.email, started })}
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
