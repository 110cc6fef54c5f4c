import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getBillingAccount } from "@/lib/registry/billing";
import { CheckoutForm } from "./checkout-form";
import { loadCheckout } from "./load-checkout";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.checkout"))("title") };
}

// Issue 18: "Top up", step 2 — the card. A settled checkout shows its result page instead, so a
// reload or the back button never offers to pay it again.
export default async function CheckoutPage({
  params,
}: {
  params: Promise<{ checkoutId: string }>;
}) {
  const { checkoutId } = await params;
  const { ctx, checkout } = await loadCheckout(checkoutId);
  if (checkout.state === "SUCCEEDED") redirect(`/billing/top-up/${checkoutId}/success`);
  if (checkout.state === "FAILED") redirect(`/billing/top-up/${checkoutId}/failed`);
  const [t, locale, account] = await Promise.all([
    getTranslations("billing.checkout"),
    getLocale() as Promise<Locale>,
    getBillingAccount(ctx),
  ]);
  const amount = formatMoney(checkout.amount, locale);
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      <p className="max-w-prose">{t("summary", { amount, account: account.name })}</p>
      <p className="max-w-prose text-sm text-muted">{t("sandbox")}</p>
      <CheckoutForm checkoutId={checkoutId} payLabel={t("pay", { amount })} />
      <p className="max-w-prose text-sm text-muted">{t("secure")}</p>
    </section>
  );
}
