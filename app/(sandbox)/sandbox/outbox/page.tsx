import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { SandboxControls } from "@/app/(operator)/operator/_components/sandbox-controls";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { clientIp, getOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { isLoopback } from "@/lib/net/loopback";
import { listOutbox } from "@/lib/registry/messages";
import { getSandboxState, isSandbox } from "@/lib/registry/operator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sandbox.outbox"))("metaTitle") };
}

/** Links in a mail's text — registrant links are paths on this site — made clickable. */
const LINK = /(https?:\/\/[^\s]+[^\s.,;:)]|\/r\/[a-z-]+\/[0-9a-f]{32}|\/r\/waiting-list)/g;

function withLinks(text: string): ReactNode {
  return text.split(LINK).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="break-all text-accent-700 underline">
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/**
 * `/sandbox/outbox` (issue 16): the mail the registry queued, newest first, so a person or a
 * test can follow its links; with an operator signed in, the sandbox clock and "Run lifecycle
 * now". Only in the sandbox (REGISTRY_ENVIRONMENT=sandbox) and only from this machine
 * (127.0.0.1, ::1): anywhere else the page does not exist (404).
 */
export default async function OutboxPage() {
  if (!isSandbox() || !isLoopback(await clientIp())) notFound();
  const operator = await getOperatorActor();
  const [t, locale] = await Promise.all([getTranslations("sandbox"), getLocale() as Promise<Locale>]);
  const ctx = coreContext(operator ?? { kind: "system", label: "sandbox outbox" });
  const [mails, state] = await Promise.all([
    listOutbox(ctx.db, { limit: 200 }),
    operator ? getSandboxState(ctx) : null,
  ]);
  return (
    <>
      <PageHeader title={t("outbox.title")} description={t("outbox.description")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("clock.title")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t("clock.description")}</p>
          {state ? (
            <>
              <p className="text-sm">
                {t("clock.registryTime")}: <span data-testid="registry-time">{formatDateTime(state.registryNow, locale)}</span>
              </p>
              <SandboxControls offsetDays={state.clockOffsetSeconds / 86_400} />
            </>
          ) : (
            <p className="text-sm">
              {t("clock.signIn")}{" "}
              <a href="/operator/login" className="text-accent-700 underline">
                {t("clock.signInLink")}
              </a>
            </p>
          )}
        </CardContent>
      </Card>
      <section aria-labelledby="outbox-mails" className="flex flex-col gap-3">
        <h2 id="outbox-mails" className="text-lg font-semibold">
          {t("outbox.count", { count: mails.length })}
        </h2>
        {mails.length === 0 ? (
          <EmptyState title={t("outbox.none")} />
        ) : (
          <ol className="flex flex-col gap-3">
            {mails.map((mail) => (
              <li key={mail.id}>
                <article
                  aria-label={t("outbox.mail", { to: mail.to, subject: mail.subject })}
                  className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4"
                >
                  <h3 className="font-medium">{mail.subject}</h3>
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="text-muted">{t("outbox.to")}</dt>
                    <dd>{mail.to}</dd>
                    <dt className="text-muted">{t("outbox.queued")}</dt>
                    <dd>{formatDateTime(mail.createdAt, locale)}</dd>
                    <dt className="text-muted">{t("outbox.sent")}</dt>
                    <dd>{mail.sentAt ? formatDateTime(mail.sentAt, locale) : t("outbox.notSent")}</dd>
                  </dl>
                  <p className="text-sm whitespace-pre-wrap">{withLinks(mail.body)}</p>
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
