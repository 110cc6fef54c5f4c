import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { getAccountProfile, getAccountSettings } from "@/lib/registry/accounts";
import { DefaultsForm } from "./_components/defaults-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

// R-ACC-6: the account's defaults for new domains, and its data as the registry holds it.
export default async function SettingsPage() {
  const actor = await guardPage("account.settings");
  const ctx = coreContext(actor);
  const [t, settings, profile] = await Promise.all([
    getTranslations("admin.settings"),
    getAccountSettings(ctx),
    getAccountProfile(ctx),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="defaults-title" className="flex max-w-xl flex-col gap-3">
          <h2 id="defaults-title" className="text-lg font-semibold">
            {t("defaults")}
          </h2>
          <DefaultsForm
            defaultManagementModel={settings.defaultManagementModel}
            defaultRenewalPolicy={settings.defaultRenewalPolicy}
          />
        </section>
        <section aria-labelledby="account-title" className="flex flex-col gap-3">
          <h2 id="account-title" className="text-lg font-semibold">
            {t("account")}
          </h2>
          <p className="text-sm text-muted">{t("accountHint")}</p>
          <DescriptionList
            items={[
              { term: t("handle"), value: profile.handle },
              { term: t("name"), value: profile.name },
              {
                term: t("address"),
                value: `${profile.street}, ${profile.postalCode} ${profile.city}, ${profile.countryCode}`,
              },
              { term: t("email"), value: profile.email },
              { term: t("phone"), value: profile.phone ?? "—" },
              { term: t("vatNumber"), value: profile.vatNumber ?? "—" },
              { term: t("fikCode"), value: profile.fikCode },
              { term: t("accountNumber"), value: profile.accountNumber },
            ]}
          />
        </section>
        <section aria-labelledby="two-factor-title" className="flex flex-col gap-2">
          <h2 id="two-factor-title" className="text-lg font-semibold">
            {t("twoFactor")}
          </h2>
          <p className="text-sm text-muted">{t("twoFactorHint")}</p>
          <p className="text-sm">
            <Link href="/admin/users" className="text-accent-700 hover:underline">
              {t("twoFactorLink")}
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}
