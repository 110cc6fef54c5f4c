"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { currentSection } from "@/lib/auth/sections";

export type NavItem = { href: string; label: string; badge?: { count: number; label: string } };

/** The sections the user's roles open, the current one marked with aria-current. */
export function MainNav({ items, label }: { items: NavItem[]; label: string }) {
  const current = currentSection(usePathname());
  return (
    <nav aria-label={label} className="mx-auto max-w-6xl px-2 sm:px-4">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium no-underline hover:no-underline",
                  active
                    ? "border-accent-600 text-accent-800"
                    : "border-transparent text-zinc-700 hover:border-zinc-300 hover:text-zinc-900",
                )}
              >
                {item.label}
                {item.badge && item.badge.count > 0 ? (
                  <span
                    className="rounded-full bg-accent-700 px-2 py-0.5 text-xs font-semibold text-white"
                    data-testid={`nav-badge-${item.href.slice(1) || "home"}`}
                  >
                    <span aria-hidden="true">{item.badge.count}</span>
                    <span className="sr-only">({item.badge.label})</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
