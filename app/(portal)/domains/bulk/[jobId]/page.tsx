import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DownloadIcon } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClassName } from "@/components/ui/button";
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
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { bulkReasonText } from "@/lib/actions/bulk-reason";
import type { Locale } from "@/lib/i18n/locales";
import { type BulkItemView, type BulkJobView, getBulkJob } from "@/lib/registry/bulk";
import { isRegistryError } from "@/lib/registry/errors";
import { JobPoller } from "./job-poller";

type Params = { params: Promise<{ jobId: string }> };

// Issue 15 item 6: a bulk job's result, per domain — its own page, so a reload only reads (the
// job ran once, under its idempotency key). While it runs, the page polls and shows progress.
// Another account's job and an unknown id are 404.

async function load(jobId: string) {
  const actor = await guardPage("domain.view");
  try {
    return await getBulkJob(coreContext(actor), { jobId });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domainBulk"))("result.breadcrumb") };
}

const TONES: Record<BulkItemView["state"], BadgeTone> = {
  PENDING: "neutral",
  RUNNING: "neutral",
  SUCCEEDED: "success",
  REFUSED: "danger",
  SKIPPED: "warning",
};

type T = Awaited<ReturnType<typeof getTranslations<"domainBulk">>>;

function detailText(job: BulkJobView, item: BulkItemView, t: T, policy: string, locale: Locale) {
  if (item.state === "SUCCEEDED") {
    return job.kind === "RENEW"
      ? t("result.renewed", {
          from: item.curExpDate ? formatDate(item.curExpDate, locale) : "—",
          to: item.newExDate ? formatDate(item.newExDate, locale) : "—",
        })
      : t("result.policySet", { policy });
  }
  if (item.reason?.code === "UNCHANGED") return t("result.unchanged", { policy });
  if (item.reason) return bulkReasonText(item.reason, locale);
  return "";
}

export default async function BulkJobPage({ params }: Params) {
  const { jobId } = await params;
  const job = await load(jobId);
  const [t, td, tn, locale] = await Promise.all([
    getTranslations("domainBulk"),
    getTranslations("domains"),
    getTranslations("shell"),
    getLocale() as Promise<Locale>,
  ]);
  const policy = job.renewalPolicy ? td(`renewal.${job.renewalPolicy}`) : "";
  const title = job.kind === "RENEW" ? t("result.titleRenew") : t("result.titlePolicy", { policy });
  const running = job.state === "RUNNING";
  return (
    <>
      <JobPoller running={running} />
      <PageHeader
        title={title}
        breadcrumbs={
          <Breadcrumbs
            items={[{ label: tn("nav.domains"), href: "/domains" }, { label: t("result.breadcrumb") }]}
          />
        }
        description={t("result.started", { at: formatDateTime(job.createdAt, locale), by: job.createdBy })}
        actions={
          <Link
            href={`/domains/bulk/${job.id}/export`}
            prefetch={false}
            download
            className={buttonClassName("secondary")}
          >
            <DownloadIcon aria-hidden="true" className="size-4" />
            {t("result.download")}
          </Link>
        }
      />
      <section className="flex flex-col gap-4">
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          {running ? (
            <>
              <p>{t("result.running", { done: job.done, total: job.total })}</p>
              {job.total > 20 ? (
                <progress
                  aria-label={t("result.progress")}
                  max={job.total}
                  value={job.done}
                  className="h-2 w-full max-w-md accent-accent-600"
                />
              ) : null}
            </>
          ) : (
            <p>
              {t("result.finished", {
                succeeded: job.succeeded,
                refused: job.refused,
                skipped: job.skipped,
              })}
            </p>
          )}
        </div>
        <DescriptionList
          className="rounded-md bg-zinc-50 p-4"
          items={[
            { term: t("result.total"), value: job.total },
            { term: t("result.succeeded"), value: job.succeeded },
            { term: t("result.refused"), value: job.refused },
            { term: t("result.skipped"), value: job.skipped },
            ...(job.kind === "RENEW"
              ? [{ term: t("result.charged"), value: formatMoney(job.charged, locale) }]
              : []),
          ]}
        />
        <Table caption={t("result.caption")}>
          <TableHead>
            <tr>
              <TableHeaderCell>{t("result.domain")}</TableHeaderCell>
              <TableHeaderCell>{t("result.outcome")}</TableHeaderCell>
              <TableHeaderCell>{t("result.details")}</TableHeaderCell>
              {job.kind === "RENEW" ? (
                <TableHeaderCell className="text-right">{t("result.amount")}</TableHeaderCell>
              ) : null}
            </tr>
          </TableHead>
          <TableBody>
            {job.items.map((item) => (
              <TableRow key={item.domainId}>
                <TableCell className="font-medium">
                  <Link href={`/domains/${encodeURIComponent(item.uLabel)}`} className="text-accent-700">
                    {item.uLabel}
                  </Link>
                </TableCell>
                <TableCell>
                  <Badge tone={TONES[item.state]}>{t(`result.state.${item.state}`)}</Badge>
                </TableCell>
                <TableCell>{detailText(job, item, t, policy, locale)}</TableCell>
                {job.kind === "RENEW" ? (
                  <TableCell className="text-right whitespace-nowrap tabular-nums">
                    {item.charged !== null ? formatMoney(item.charged, locale) : "—"}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <p>
          <Link href="/domains" className="text-accent-700">
            {t("result.back")}
          </Link>
        </p>
      </section>
    </>
  );
}
