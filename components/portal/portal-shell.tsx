import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { coreContext } from "@/lib/auth/context";
import { portalSections } from "@/lib/auth/sections";
import type { RegistrarActor } from "@/lib/registry/actor";
import { getAccountSummary } from "@/lib/registry/accounts";
import { countMessages } from "@/lib/registry/messages";
import { can } from "@/lib/registry/permissions";
import { LanguageSwitch } from "./language-switch";
import { MainNav, type NavItem } from "./main-nav";
import { shellState } from "./shell-state";
import { UserMenu } from "./user-menu";

/**
 * The signed-in portal's frame (issue 12): a skip link, the header with the account's name, the
 * navigation by role with the unread-messages badge, the language switch and the user menu. The
 * portal layout, the 404 and the 403 page use it.
 */
export async function PortalShell({ actor, children }: { actor: RegistrarActor; children: ReactNode }) {
  shellState().inShell = true;
  const t = await getTranslations("shell");
  const ctx = coreContext(actor);
  const [account, unread] = await Promise.all([
    getAccountSummary(ctx),
    can(actor, "message.view") ? countMessages(ctx) : 0,
  ]);
  const items: NavItem[] = portalSections
    .filter((s) => s.verb === null || can(actor, s.verb))
    .map((s) => ({
      href: s.href,
      label: t(`nav.${s.key}`),
      ...(s.key === "messages" ? { badge: { count: unread, label: t("unread", { count: unread }) } } : {}),
    }));
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
            <p className="truncate font-semibold" data-testid="registrar-name">
              {account.name}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <LanguageSwitch />
            <UserMenu email={actor.label} />
          </div>
        </div>
        <MainNav items={items} label={t("mainNavigation")} />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:py-8">
        {children}
      </main>
    </div>
  );
}
