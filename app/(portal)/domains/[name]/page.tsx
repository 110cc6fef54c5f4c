import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, domainStateTone } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
import { formatDate, formatDateTime, formatDeadline, formatLastDay, formatMoney } from "@/lib/format";
import { translateError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locales";
import {
  type DomainAction,
  type DomainDetail,
  domainActions,
  getDomainDetail,
} from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { DomainOpsAction, isDomainOpsAction } from "./_components/domain-ops-action";
import { DomainTransferControl, ownsTransferControl } from "./_components/transfer-controls";

type Params = { params: Promise<{ name: string }> };

/** The name as the URL carries it: a U-label (percent-encoded or not) or an A-label. */
function nameOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The domain's page data, or 404 for another registrar's, an unknown or an invalid name. */
async function load(raw: string) {
  const actor = await guardPage("domain.view");
  const ctx = coreContext(actor);
  const name = nameOf(raw);
  try {
    const [detail, actions] = await Promise.all([
      getDomainDetail(ctx, { name }),
      domainActions(ctx, { name }),
    ]);
    return { detail, actions };
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND") || isRegistryError(error, "INVALID_DOMAIN_NAME")) {
      notFound();
    }
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: nameOf((await params).name).toLowerCase() };
}

type T = Awaited<ReturnType<typeof getTranslations<"domains">>>;

function statusText(d: DomainDetail, t: T, locale: Locale): string {
  const s = d.status;
  switch (s.state) {
    case "ACTIVE":
      return t(
        d.renewalPolicy === "AUTO_RENEW"
          ? "detail.status.ACTIVE_AUTO_RENEW"
          : "detail.status.ACTIVE_AUTO_EXPIRE",
        { date: d.exDate ? formatDate(d.exDate, locale) : "—" },
      );
    case "SUSPENDED":
      return t("detail.status.SUSPENDED", {
        date: s.deadlineDate ? formatLastDay(s.deadlineDate, locale) : "—",
      });
    case "HELD":
      return t("detail.status.HELD", {
        deadline: s.deadline ? formatDeadline(s.deadline, locale) : "—",
      });
    default:
      return t("detail.status.DELETED");
  }
}

/** The page where an action's form lives, where the portal has one. */
function actionPage(action: DomainAction["action"], aLabel: string): string | null {
  switch (action) {
    case "setNameServers":
      return `/domains/${aLabel}/nameservers`;
    case "addDsRecord":
      return `/domains/${aLabel}/dnssec`;
    case "issueRedelegationToken":
      return "/nameservers/tokens";
    default:
      return null;
  }
}

function reasonText(action: DomainAction, t: T, locale: Locale): string {
  const reason = action.reason!;
  const detailReason = typeof reason.details?.reason === "string" ? reason.details.reason : null;
  const key = `detail.reasons.${reason.code}_${detailReason}`;
  if (detailReason && t.has(key as never)) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(reason.details ?? {})) {
      if (typeof v === "string") params[k] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, locale) : v;
      else if (typeof v === "number") params[k] = v;
      else if (Array.isArray(v)) params[k] = v.join(", ");
    }
    return t(key as never, params as never);
  }
  return translateError(reason.code, reason.details, locale);
}

/** A before → after value of the audit trail, as plain text. */
function auditValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(auditValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function changes(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((k) =>
    k in b && k in a
      ? `${k}: ${auditValue(b[k])} → ${auditValue(a[k])}`
      : k in a
        ? `${k}: ${auditValue(a[k])}`
        : `${k}: ${auditValue(b[k])} → —`,
  );
}

export default async function DomainPage({ params }: Params) {
  const { detail: d, actions } = await load((await params).name);
  const [t, locale] = await Promise.all([getTranslations("domains"), getLocale() as Promise<Locale>]);
  const date = (v: Date | string | null) => (v ? formatDate(v, locale) : t("detail.none"));
  const handle = (h: { handle: string; name: string } | null) =>
    h ? `${h.handle} — ${h.name}` : t("detail.none");
  const registrarManaged = d.managementModel === "REGISTRAR";
  const operation = (op: string) => {
    const key = `detail.operation.${op.replace(/\./g, "_")}`;
    return t.has(key as never) ? t(key as never) : op;
  };

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Breadcrumbs
            items={[{ label: t("detail.breadcrumb"), href: "/domains" }, { label: d.uLabel }]}
          />
        }
        title={d.uLabel}
        description={d.isIdn ? `${t("detail.aLabel")}: ${d.name}` : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card aria-labelledby="status-title">
            <CardHeader>
              <CardTitle id="status-title" className="flex flex-wrap items-center gap-2">
                <Badge tone={domainStateTone(d.status.state)}>{t(`state.${d.status.state}`)}</Badge>
                <span>{statusText(d, t, locale)}</span>
              </CardTitle>
              {d.status.reason ? (
                <CardDescription>{t(`detail.suspensionReason.${d.status.reason}`)}</CardDescription>
              ) : null}
            </CardHeader>
            <CardContent>
              <DescriptionList
                items={[
                  { term: t("detail.created"), value: date(d.crDate) },
                  { term: t("detail.expiry"), value: date(d.exDate) },
                  ...(d.deleteAt ? [{ term: t("detail.deletion"), value: date(d.deleteAt) }] : []),
                  { term: t("detail.renewal"), value: t(`renewal.${d.renewalPolicy}`) },
                  { term: t("detail.management"), value: t(`management.${d.managementModel}`) },
                  { term: t("detail.reference"), value: d.reference ?? t("detail.none") },
                  { term: t("detail.poNumber"), value: d.poNumber ?? t("detail.none") },
                  { term: t("detail.accountCode"), value: d.accountCode ?? t("detail.none") },
                ]}
              />
            </CardContent>
          </Card>

          <Card aria-labelledby="contacts-title">
            <CardHeader>
              <CardTitle id="contacts-title">{t("detail.contacts")}</CardTitle>
            </CardHeader>
            <CardContent>
              <DescriptionList
                items={[
                  { term: t("detail.registrant"), value: handle(d.registrant) },
                  {
                    term: t("detail.proxy"),
                    value: registrarManaged ? t("detail.implicitRegistrar") : handle(d.proxy),
                  },
                  {
                    term: t("detail.payer"),
                    value: registrarManaged ? t("detail.implicitRegistrar") : handle(d.payer),
                  },
                ]}
              />
            </CardContent>
          </Card>

          <section aria-labelledby="ns-title" className="flex flex-col gap-2">
            <h2 id="ns-title" className="text-lg font-semibold">
              {t("detail.nameServers")}
            </h2>
            {d.nameServers.length === 0 ? (
              <p className="text-sm text-muted">{t("detail.noNameServers")}</p>
            ) : (
              <Table caption={t("detail.nameServers")}>
                <TableHead>
                  <tr>
                    <TableHeaderCell>{t("detail.host")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.glueV4")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.glueV6")}</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {d.nameServers.map((ns) => (
                    <TableRow key={ns.host}>
                      <TableCell>
                        {ns.host}
                        {ns.markedForDeletion ? (
                          <Badge tone="danger" className="ml-2">
                            {t("detail.markedForDeletion")}
                          </Badge>
                        ) : null}
                      </TableCell>
                      <TableCell className="tabular-nums">{ns.glueV4.join(", ") || "—"}</TableCell>
                      <TableCell className="tabular-nums">{ns.glueV6.join(", ") || "—"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="ds-title" className="flex flex-col gap-2">
            <h2 id="ds-title" className="text-lg font-semibold">
              {t("detail.dsRecords")}
            </h2>
            {d.dsRecords.length === 0 ? (
              <p className="text-sm text-muted">{t("detail.noDsRecords")}</p>
            ) : (
              <Table caption={t("detail.dsRecords")}>
                <TableHead>
                  <tr>
                    <TableHeaderCell>{t("detail.keyTag")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.algorithm")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.digestType")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.digest")}</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {d.dsRecords.map((r) => (
                    <TableRow key={`${r.keyTag}-${r.algorithm}-${r.digestType}-${r.digest}`}>
                      <TableCell className="tabular-nums">{r.keyTag}</TableCell>
                      <TableCell className="tabular-nums">{r.algorithm}</TableCell>
                      <TableCell className="tabular-nums">{r.digestType}</TableCell>
                      <TableCell className="font-mono text-xs break-all">{r.digest}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="history-title" className="flex flex-col gap-2">
            <h2 id="history-title" className="text-lg font-semibold">
              {t("detail.history")}
            </h2>
            {d.history.length === 0 ? (
              <p className="text-sm text-muted">{t("detail.noHistory")}</p>
            ) : (
              <Table caption={t("detail.historyCaption")}>
                <TableHead>
                  <tr>
                    <TableHeaderCell>{t("detail.when")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.who")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.address")}</TableHeaderCell>
                    <TableHeaderCell>{t("detail.what")}</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {d.history.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell className="whitespace-nowrap">{formatDateTime(e.at, locale)}</TableCell>
                      <TableCell>
                        {e.actorKind === "PORTAL" || e.actorKind === "SERVICE"
                          ? e.actorLabel
                          : t(`detail.actor.${e.actorKind}`)}
                      </TableCell>
                      <TableCell className="tabular-nums">{e.ip ?? "—"}</TableCell>
                      <TableCell>
                        <span className="font-medium">{operation(e.operation)}</span>
                        <ul className="text-xs text-muted">
                          {changes(e.before, e.after).map((line) => (
                            <li key={line} className="break-all">
                              {line}
                            </li>
                          ))}
                        </ul>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
        </div>

        <div className="flex flex-col gap-6">
          <Card aria-labelledby="actions-title">
            <CardHeader>
              <CardTitle id="actions-title">{t("detail.actions")}</CardTitle>
              <CardDescription>{t("detail.actionsNote")}</CardDescription>
            </CardHeader>
            <CardContent>
              {actions.length === 0 ? (
                <p className="text-sm text-muted">{t("detail.noActions")}</p>
              ) : (
                <ul className="flex flex-col gap-4">
                  {actions.map((a) => {
                    if (ownsTransferControl(a)) {
                      return (
                        <li key={a.action} className="flex flex-col gap-1">
                          <DomainTransferControl action={a} name={d.name} uLabel={d.uLabel} />
                        </li>
                      );
                    }
                    if (isDomainOpsAction(a.action)) {
                      const note = a.possible ? null : t("detail.notPossible", { reason: reasonText(a, t, locale) });
                      return (
                        <li key={a.action} className="flex flex-col gap-1">
                          <DomainOpsAction action={a} domain={{ name: d.name, uLabel: d.uLabel, exDate: d.exDate }} note={note} />
                        </li>
                      );
                    }
                    const noteId = `action-${a.action}-note`;
                    const href = a.possible ? actionPage(a.action, d.name) : null;
                    return (
                      <li key={a.action} className="flex flex-col gap-1">
                        {href ? (
                          <Link href={href} className={buttonClassName("secondary", "md", "justify-start")}>
                            {t(`detail.action.${a.action}`)}
                          </Link>
                        ) : (
                          <Button
                            variant="secondary"
                            disabled
                            aria-describedby={noteId}
                            className="justify-start"
                          >
                            {t(`detail.action.${a.action}`)}
                          </Button>
                        )}
                        {href ? null : (
                          <p id={noteId} className="text-xs text-muted">
                            {a.possible
                              ? `${t("detail.possible")}. ${t("detail.formLater")}`
                              : t("detail.notPossible", { reason: reasonText(a, t, locale) })}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </CardContent>
          </Card>

          <Card aria-labelledby="pending-title">
            <CardHeader>
              <CardTitle id="pending-title">{t("detail.pending")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-2 text-sm">
              {d.hold ? <p>{t("detail.hold", { deadline: formatDeadline(d.hold.expiresAt, locale) })}</p> : null}
              {d.pendingRegistrantChange ? (
                <p>
                  {t("detail.registrantChange", {
                    handle: d.pendingRegistrantChange.to.handle,
                    name: d.pendingRegistrantChange.to.name,
                  })}
                  {". "}
                  {d.pendingRegistrantChange.deadline
                    ? t(`detail.registrantChangeState.${d.pendingRegistrantChange.state as "TERMS_REQUESTED"}`, {
                        deadline: formatDeadline(d.pendingRegistrantChange.deadline, locale),
                      })
                    : null}
                </p>
              ) : null}
              {d.openInvoice ? (
                <p>
                  {t("detail.invoice", {
                    number: d.openInvoice.number,
                    amount: formatMoney(d.openInvoice.amount, locale),
                    payer: d.openInvoice.payer.handle,
                    due: formatDeadline(d.openInvoice.dueAt, locale),
                  })}
                </p>
              ) : null}
              {!d.hold && !d.pendingRegistrantChange && !d.openInvoice ? (
                <p className="text-muted">{t("detail.nothingPending")}</p>
              ) : null}
            </CardContent>
          </Card>

          <Card aria-labelledby="tokens-title">
            <CardHeader>
              <CardTitle id="tokens-title">{t("detail.tokens")}</CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              {d.openTokens.length === 0 ? (
                <p className="text-muted">{t("detail.noTokens")}</p>
              ) : (
                <DescriptionList
                  columns={1}
                  items={d.openTokens.map((tok) => ({
                    key: tok.id,
                    term: tok.kind,
                    value: `${t("detail.issued")} ${formatDateTime(tok.createdAt, locale)} · ${t("detail.expires")} ${formatDeadline(tok.expiresAt, locale)}`,
                  }))}
                />
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
