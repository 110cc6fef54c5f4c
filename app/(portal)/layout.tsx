import Link from "next/link";
import { LogoutButton } from "@/components/portal/logout-button";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { portalSections } from "@/lib/auth/sections";
import { getAccountSummary } from "@/lib/registry/accounts";
import { can } from "@/lib/registry/permissions";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const account = await getAccountSummary(coreContext(actor));
  const sections = portalSections.filter((s) => s.verb === null || can(actor, s.verb));
  return (
    <div className="min-h-screen">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-sm text-muted">Registrar Portal</p>
            <p className="font-semibold" data-testid="registrar-name">
              {account.name}
            </p>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span aria-label="Signed in as">{actor.label}</span>
            <LogoutButton />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-4">
          <ul className="flex flex-wrap gap-1">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="inline-block rounded-t-md px-3 py-2 text-sm hover:bg-zinc-100">
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
