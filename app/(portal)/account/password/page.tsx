import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { getOwnSecurity } from "@/lib/registry/accounts";
import { PasswordForm } from "./_components/password-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.password"))("title") };
}

// "Change password" (user menu, issue 19): current password, the new one twice (12–128, not easy
// to guess); every other session of the user ends, this one continues.
export default async function PasswordPage() {
  const actor = await requireActor({ enrolled: true });
  const own = await getOwnSecurity(coreContext(actor));
  const t = await getTranslations("security.password");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PasswordForm userId={actor.userId} userInputs={[own.email, own.name]} />
    </>
  );
}
