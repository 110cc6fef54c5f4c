import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/portal/language-switch";
import { LogoutButton } from "@/components/portal/logout-button";
import { requireOperatorActor } from "@/lib/auth/actor";
import { isSandbox } from "@/lib/registry/operator";
import { OperatorNav } from "../_components/operator-nav";

export const dynamic = "force-dynamic";

// The operator console's own frame (issue 21): not the portal shell — registry staff, their own
// sections. The guard runs here, before anything streams: a portal user gets 403, anyone else
// without an operator session the operator login.
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperatorActor();
  const t = await getTranslations("operator.shell");
  const sections = [
    ["/operator", "home"],
    ["/operator/registrars", "registrars"],
    ["/operator/payments", "payments"],
    ["/operator/id-control", "idControl"],
    ["/operator/invoices", "invoices"],
    ["/operator/policy", "policy"],
    ["/operator/names", "names"],
    ...(isSandbox() ? [["/operator/sandbox", "sandbox"]] : []),
    ["/operator/audit", "audit"],
  ] as const;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent-700 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="min-w-0">
            <p className="text-xs text-muted">{t("product")}</p>
            <p className="font-semibold">{t("title")}</p>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <LanguageSwitch />
            <span>
              <span className="sr-only">{t("signedInAs")} </span>
              {operator.label}
            </span>
            <LogoutButton callbackUrl="/operator/login" />
          </div>
        </div>
        <OperatorNav
          label={t("navigation")}
          items={sections.map(([href, key]) => ({ href, label: t(`nav.${key}`) }))}
        />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:py-8">
        {children}
      </main>
    </div>
  );
}
