import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getCredentialOverlapHours, getOwnSecurity, listUsers } from "@/lib/registry/accounts";
import { UserActions } from "../users/_components/user-actions";
import { CreateServiceUser } from "./_components/create-service-user";
import { RotateCredential } from "./_components/rotate-credential";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users.serviceUsers"))("title") };
}

// /admin/service-users (issue 19, R-ACC-3/4): one service each, meta-roles but Administrator; the
// credential shown once at creation and rotation — never on this page afterwards; during a
// rotation's overlap the page says until when the previous credential works.
export default async function ServiceUsersPage() {
  const actor = await guardPage("account.serviceUsers");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([getTranslations("users"), getLocale() as Promise<Locale>]);
  const [users, own, overlapHours] = await Promise.all([
    listUsers(ctx, { kind: "SERVICE" }),
    getOwnSecurity(ctx),
    getCredentialOverlapHours(ctx),
  ]);
  const now = new Date();
  return (
    <section className="flex flex-col gap-4">
      <PageHeader
        title={t("serviceUsers.title")}
        description={t("serviceUsers.intro")}
        actions={<CreateServiceUser stepUp={own.totpEnabled} />}
        className="mb-0"
      />
      <Table caption={t("serviceUsers.title")}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("columns.user")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.service")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.metaRoles")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.state")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.credential")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.actions")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6}>{t("serviceUsers.empty")}</TableCell>
            </TableRow>
          ) : null}
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell>
                <span className="font-medium">{u.name}</span>
                <br />
                <span className="text-zinc-700">{u.email}</span>
              </TableCell>
              <TableCell>{u.service ? t(`services.${u.service}`) : ""}</TableCell>
              <TableCell>{u.metaRoles.map((r) => t(`roles.${r}`)).join(", ")}</TableCell>
              <TableCell>{u.disabledAt ? t("state.disabled") : t("state.active")}</TableCell>
              <TableCell>
                {u.previousCredentialValidUntil && u.previousCredentialValidUntil > now
                  ? t("serviceUsers.previousValidUntil", { until: formatDateTime(u.previousCredentialValidUntil, locale) })
                  : t("serviceUsers.noCredentialOverlap")}
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap items-center gap-2">
                  <RotateCredential
                    userId={u.id}
                    email={u.email}
                    service={u.service ?? ""}
                    overlapHours={overlapHours}
                    stepUp={own.totpEnabled}
                  />
                  <UserActions
                    kind="service"
                    stepUp={own.totpEnabled}
                    user={{ id: u.id, email: u.email, metaRoles: u.metaRoles, disabled: u.disabledAt !== null, lastAdministrator: false }}
                  />
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
