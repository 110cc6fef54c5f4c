import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/portal/language-switch";

/**
 * The registrants' pages (issue 16): no login, reachable from anywhere (the proxy exempts the
 * exact /r/ routes from the allowlist), in the browser's language, with none of the portal's text.
 */
export default async function RegistrantLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("registrant");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between gap-4 border-b border-border bg-surface px-4 py-3">
        <p className="font-semibold">{t("registry")}</p>
        <LanguageSwitch />
      </header>
      <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col gap-6 px-4 py-8">{children}</main>
      <footer className="border-t border-border px-4 py-4 text-center text-xs text-muted">{t("footer")}</footer>
    </div>
  );
}
