import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { loadCheckout } from "../load-checkout";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.success"))("title") };
}

// Issue 18: the success page. It only reads: reloading it books nothing.
export default async function SuccessPage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const { checkout } = await loadCheckout(checkoutId);
  if (checkout.state !== "SUCCEEDED") redirect(`/billing/top-up/${checkoutId}`);
  const [t, locale] = await Promise.all([
    getTranslations("billing.success"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      <p>{t("text", { amount: formatMoney(checkout.amount, locale) })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm sm:max-w-md">
        <dt className="text-muted">{t("balance")}</dt>
        <dd className="font-semibold" data-testid="new-balance">
          {formatMoney(checkout.balance, locale)}
        </dd>
        <dt className="text-muted">{t("reference")}</dt>
        <dd className="font-mono">{checkout.reference}</dd>
      </dl>
      <p className="flex gap-4">
        <Link href="/billing">{t("back")}</Link>
        <Link href="/billing/ledger">{t("ledger")}</Link>
      </p>
    </section>
  );
}
