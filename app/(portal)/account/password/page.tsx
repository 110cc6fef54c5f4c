import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { getOwnSecurity } from "@/lib/registry/accounts";
import { PasswordForm } from "./_components/password-form";

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
    <section aria-labelledby="password-title" className="flex flex-col gap-4">
      <h1 id="password-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="max-w-prose text-sm text-zinc-700">{t("intro")}</p>
      <PasswordForm userId={actor.userId} userInputs={[own.email, own.name]} />
    </section>
  );
}
