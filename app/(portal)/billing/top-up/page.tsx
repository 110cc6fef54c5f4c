import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/actor";
import { parseKroner } from "@/lib/schemas/billing";
import { BillingNav } from "../_components/billing-nav";
import { TopUpForm } from "./_components/top-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.topUp"))("title") };
}

// Issue 18: "Top up" by card, step 1 — the amount (1.00–100,000.00 DKK). `?amount=` prefills it
// (the failure page's "Try again").
export default async function TopUpPage({
  searchParams,
}: {
  searchParams: Promise<{ amount?: string }>;
}) {
  await guardPage("billing.topUp");
  const t = await getTranslations("billing");
  const { amount } = await searchParams;
  const initial = typeof amount === "string" && parseKroner(amount) !== null ? amount : "";
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("topUp.title")} />
      <BillingNav current="/billing/top-up" />
      <p className="max-w-prose text-muted">{t("topUp.description")}</p>
      <TopUpForm initial={initial} />
    </section>
  );
}
