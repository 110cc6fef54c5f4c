import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage } from "@/lib/auth/actor";
import { adminSections } from "./sections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

// The Administration landing: one card per section, saying what each is for.
export default async function AdminPage() {
  await guardPage("account.users");
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {adminSections.map((s) => (
          <li key={s.key} className="rounded-lg border border-border bg-surface p-4">
            <h2 className="text-base font-semibold">
              <Link href={s.href} className="text-accent-700 hover:underline">
                {t(`sections.${s.key}.title`)}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-muted">{t(`sections.${s.key}.description`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
