import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getSandboxState } from "@/lib/registry/operator";
import { SandboxControls } from "../../_components/sandbox-controls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.sandbox"))("title") };
}

// Sandbox only (REGISTRY_ENVIRONMENT=sandbox): anywhere else the page does not exist.
export default async function SandboxPage() {
  const ctx = coreContext(await requireOperatorActor());
  const state = await getSandboxState(ctx);
  if (!state.sandbox) notFound();
  const [t, locale] = await Promise.all([getTranslations("operator.sandbox"), getLocale() as Promise<Locale>]);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-border bg-surface p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="text-sm text-muted">{t("registryTime")}</dt>
        <dd className="text-sm" data-testid="registry-time">
          {formatDateTime(state.registryNow, locale)}
        </dd>
        <dt className="text-sm text-muted">{t("offset")}</dt>
        <dd className="text-sm">{t("offsetValue", { days: state.clockOffsetSeconds / 86_400 })}</dd>
      </dl>
      <SandboxControls offsetDays={state.clockOffsetSeconds / 86_400} />
    </div>
  );
}
