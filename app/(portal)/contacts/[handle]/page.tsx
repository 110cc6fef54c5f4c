import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
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
import { formatDate, formatDateTime } from "@/lib/format";
import { countryName } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/locales";
import { can } from "@/lib/registry/permissions";
import { loadContact } from "../_components/load-contact";

type Params = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).handle).toUpperCase() };
}

const ROLES = ["registrant", "proxy", "payer"] as const;

// R-CON-1: one contact, its domain names by role (registrant, proxy, payer) and its history.
export default async function ContactPage({ params }: Params) {
  const actor = await guardPage("contact.view");
  const { handle } = await params;
  const contact = await loadContact(coreContext(actor), handle);
  const [t, locale] = await Promise.all([
    getTranslations("contacts"),
    getLocale() as Promise<Locale>,
  ]);
  const editable = can(actor, "contact.update") && !contact.readOnly;
  const address = [
    contact.street1,
    contact.street2,
    contact.street3,
    `${contact.postalCode} ${contact.city}`,
    countryName(contact.countryCode, locale),
  ].filter((line): line is string => !!line);
  const field = (key: string) =>
    t.has(`fields.${key}`) ? t(`fields.${key}` as "fields.name") : key;
  const operation = (op: string) => {
    const key = `operations.${op.replace(/\./g, "_")}`;
    return t.has(key) ? t(key as "operations.contact_create") : op;
  };
  return (
    <>
      <PageHeader
        title={contact.name}
        description={`${t("detail.handle", { handle: contact.handle })} · ${t(`types.${contact.type}`)}`}
        breadcrumbs={
          <Breadcrumbs
            items={[{ label: t("title"), href: "/contacts" }, { label: contact.handle }]}
          />
        }
        actions={
          editable ? (
            <Link
              href={`/contacts/${contact.handle}/edit`}
              className={buttonClassName("secondary")}
            >
              {t("edit")}
            </Link>
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        {contact.isRegistrarHandle ? (
          <Alert>{t("detail.registrarHandle")}</Alert>
        ) : contact.managementModel === "REGISTRANT" ? (
          <Alert>{t("detail.readOnly")}</Alert>
        ) : null}

        <Card aria-labelledby="contact-details">
          <CardHeader>
            <CardTitle id="contact-details">{t("detail.contact")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DescriptionList
              items={[
                { key: "handle", term: t("columns.handle"), value: contact.handle },
                { key: "type", term: t("fields.type"), value: t(`types.${contact.type}`) },
                ...(contact.organisation
                  ? [{ key: "org", term: t("fields.organisation"), value: contact.organisation }]
                  : []),
                {
                  key: "address",
                  term: t("detail.address"),
                  value: (
                    <>
                      {address.map((line) => (
                        <span key={line} className="block">
                          {line}
                        </span>
                      ))}
                    </>
                  ),
                },
                { key: "email", term: t("fields.email"), value: contact.email },
                { key: "phone", term: t("fields.phone"), value: contact.phone ?? "–" },
                ...(contact.cvr ? [{ key: "cvr", term: t("fields.cvr"), value: contact.cvr }] : []),
                ...(contact.ean ? [{ key: "ean", term: t("fields.ean"), value: contact.ean }] : []),
                {
                  key: "management",
                  term: t("detail.management"),
                  value: t(`management.${contact.managementModel}`),
                },
                {
                  key: "created",
                  term: t("detail.created"),
                  value: formatDateTime(contact.createdAt, locale),
                },
              ]}
            />
          </CardContent>
        </Card>

        <Card aria-labelledby="contact-domains">
          <CardHeader>
            <CardTitle id="contact-domains">{t("detail.domains")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-6 sm:grid-cols-3">
            {ROLES.map((role) => {
              const domains = contact.domains[role];
              const more = contact.domainCounts[role] - domains.length;
              return (
                <section
                  key={role}
                  aria-labelledby={`role-${role}`}
                  className="flex flex-col gap-2"
                >
                  <h3 id={`role-${role}`} className="text-sm font-semibold">
                    {t(`detail.${role}`)}
                  </h3>
                  {domains.length === 0 ? (
                    <p className="text-sm text-muted">{t("detail.noDomains")}</p>
                  ) : (
                    <ul className="flex flex-col gap-1 text-sm">
                      {domains.map((d) => (
                        <li key={d.name}>
                          <Link href={`/domains/${d.name}`} className="text-accent-700">
                            {d.name}
                          </Link>{" "}
                          <span className="text-muted">
                            {d.state === "ACTIVE" && d.exDate
                              ? t("detail.expires", { date: formatDate(d.exDate, locale) })
                              : t.has(`states.${d.state}`)
                                ? t(`states.${d.state}` as "states.HELD")
                                : d.state}
                          </span>
                        </li>
                      ))}
                      {more > 0 ? (
                        <li className="text-muted">{t("detail.more", { count: more })}</li>
                      ) : null}
                    </ul>
                  )}
                </section>
              );
            })}
            {contact.nameServers.length > 0 ? (
              <section aria-labelledby="role-nsa" className="flex flex-col gap-2 sm:col-span-3">
                <h3 id="role-nsa" className="text-sm font-semibold">
                  {t("detail.nameServers")}
                </h3>
                <p className="text-sm">{contact.nameServers.join(", ")}</p>
              </section>
            ) : null}
          </CardContent>
        </Card>

        <section aria-labelledby="contact-history" className="flex flex-col gap-3">
          <h2 id="contact-history" className="text-lg font-semibold">
            {t("detail.history")}
          </h2>
          {contact.history.length === 0 ? (
            <p className="text-sm text-muted">{t("detail.noHistory")}</p>
          ) : (
            <Table caption={t("detail.history")}>
              <TableHead>
                <tr>
                  <TableHeaderCell>{t("detail.when")}</TableHeaderCell>
                  <TableHeaderCell>{t("detail.what")}</TableHeaderCell>
                  <TableHeaderCell>{t("detail.who")}</TableHeaderCell>
                  <TableHeaderCell>{t("detail.changes")}</TableHeaderCell>
                </tr>
              </TableHead>
              <TableBody>
                {contact.history.map((event) => (
                  <TableRow key={event.id}>
                    <TableCell className="whitespace-nowrap">
                      {formatDateTime(event.at, locale)}
                    </TableCell>
                    <TableCell>
                      {operation(event.operation)}
                      {event.outcome === "REFUSED" ? (
                        <span className="text-muted">
                          {" "}
                          {t("detail.refused", { code: event.errorCode ?? "" })}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell>{event.actorLabel}</TableCell>
                    <TableCell>
                      <Changes before={event.before} after={event.after} label={field} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}

/** An event's before → after, field by field (the audit keeps only what changed). */
function Changes({
  before,
  after,
  label,
}: {
  before: unknown;
  after: unknown;
  label: (key: string) => string;
}) {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => typeof (a[k] ?? b[k] ?? "") !== "object",
  );
  if (keys.length === 0) return null;
  const show = (v: unknown) =>
    v === null || v === undefined || v === "" ? "–" : String(v as string);
  return (
    <ul className="flex flex-col gap-0.5">
      {keys.map((k) => (
        <li key={k}>
          <span className="text-muted">{label(k)}:</span>{" "}
          {k in b ? `${show(b[k])} → ${show(a[k])}` : show(a[k])}
        </li>
      ))}
    </ul>
  );
}
