import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime, formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { isRegistryError } from "@/lib/registry/errors";
import { type ChangeStep, type ChangeStepStatus, getRegistrantChange } from "@/lib/registry/registrants";
import { CancelRegistrantChange } from "./cancel-request";

type Params = { params: Promise<{ name: string }> };

function nameOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domainTransfer"))("request.title") };
}

const TONES: Record<ChangeStepStatus, BadgeTone> = {
  done: "success",
  current: "accent",
  skipped: "neutral",
  failed: "danger",
  upcoming: "neutral",
  notReached: "neutral",
};

// Issue 16, R-CHG-2/3: a domain's change of registrant — its steps (terms requested, accepted, ID
// control, the outcome) with their deadlines — and "Cancel request" while it is pending. Proxy
// only (403 otherwise); another registrar's or an unknown domain is 404.
export default async function RegistrantChangePage({ params }: Params) {
  const actor = await guardPage("domain.changeRegistrant");
  const name = nameOf((await params).name);
  let view;
  try {
    view = await getRegistrantChange(coreContext(actor), { name });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND") || isRegistryError(error, "INVALID_DOMAIN_NAME")) notFound();
    throw error;
  }
  const [t, td, locale] = await Promise.all([
    getTranslations("domainTransfer"),
    getTranslations("domains"),
    getLocale() as Promise<Locale>,
  ]);
  const { domain, request } = view;
  const stepLabel = (s: ChangeStep) =>
    s.step === "outcome" ? t(`request.outcome.${request?.state ?? "TERMS_REQUESTED"}`) : t(`request.step.${s.step}`);
  return (
    <>
      <PageHeader
        breadcrumbs={
          <Breadcrumbs
            items={[
              { label: td("detail.breadcrumb"), href: "/domains" },
              { label: domain.uLabel, href: `/domains/${domain.name}` },
              { label: t("request.title") },
            ]}
          />
        }
        title={t("request.title")}
        description={domain.uLabel}
      />
      {!request ? (
        <EmptyState
          title={t("request.none")}
          action={
            <Link href={`/domains/${domain.name}`} className={buttonClassName("secondary")}>
              {t("request.back", { name: domain.uLabel })}
            </Link>
          }
        />
      ) : (
        <div className="flex max-w-3xl flex-col gap-6">
          <Card aria-labelledby="request-summary">
            <CardHeader>
              <CardTitle id="request-summary" className="flex flex-wrap items-center gap-2">
                <Badge tone={request.pending ? "accent" : request.state === "COMPLETED" ? "success" : "neutral"}>
                  {t(`request.state.${request.state}`)}
                </Badge>
                <span>{t("request.summary", { from: request.from.handle, to: request.to.handle })}</span>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <DescriptionList
                items={[
                  { term: t("request.from"), value: `${request.from.handle} — ${request.from.name}` },
                  { term: t("request.to"), value: `${request.to.handle} — ${request.to.name}` },
                  { term: t("request.requestedAt"), value: formatDateTime(request.requestedAt, locale) },
                  ...(request.decisionReason
                    ? [{ term: t("request.decisionReason"), value: request.decisionReason }]
                    : []),
                ]}
              />
            </CardContent>
          </Card>

          <section aria-labelledby="steps-title" className="flex flex-col gap-3">
            <h2 id="steps-title" className="text-lg font-semibold">
              {t("request.steps")}
            </h2>
            <ol className="flex flex-col gap-3">
              {request.steps.map((s) => (
                <li
                  key={s.step}
                  aria-current={s.status === "current" ? "step" : undefined}
                  className="flex flex-col gap-1 rounded-md border border-border bg-surface p-4"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{stepLabel(s)}</span>
                    <Badge tone={TONES[s.status]}>{t(`request.status.${s.status}`)}</Badge>
                  </div>
                  {s.at ? (
                    <p className="text-sm text-muted">{t("request.at", { at: formatDateTime(s.at, locale) })}</p>
                  ) : null}
                  {s.deadline && (s.status === "current" || s.status === "upcoming") ? (
                    <p className="text-sm">{t("request.deadline", { deadline: formatDeadline(s.deadline, locale) })}</p>
                  ) : s.deadline && s.status === "failed" ? (
                    <p className="text-sm text-muted">
                      {t("request.deadlinePassed", { deadline: formatDeadline(s.deadline, locale) })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>

          {request.pending ? <CancelRegistrantChange name={domain.name} uLabel={domain.uLabel} to={request.to.handle} /> : null}
        </div>
      )}
    </>
  );
}
