import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { kronerText } from "@/lib/schemas/billing";
import { loadCheckout } from "../load-checkout";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.failure"))("title") };
}

// Issue 18: the failure page — the provider's reason in the reader's language; nothing booked.
export default async function FailedPage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const { checkout } = await loadCheckout(checkoutId);
  if (checkout.state !== "FAILED") redirect(`/billing/top-up/${checkoutId}`);
  const [t, locale] = await Promise.all([
    getTranslations("billing.failure"),
    getLocale() as Promise<Locale>,
  ]);
  const code = checkout.failureCode ?? "provider_error";
  const reason = t.has(`reasons.${code}`) ? t(`reasons.${code}`) : t("reasons.provider_error");
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      <p role="alert" className="max-w-prose text-danger">
        {t("text", { amount: formatMoney(checkout.amount, locale), reason })}
      </p>
      <p className="flex gap-4">
        <Link href={`/billing/top-up?amount=${kronerText(checkout.amount)}`}>{t("tryAgain")}</Link>
        <Link href="/billing">{t("back")}</Link>
      </p>
    </section>
  );
}
