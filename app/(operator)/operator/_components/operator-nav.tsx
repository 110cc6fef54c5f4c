"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type OperatorNavItem = { href: string; label: string };

/** The console's sections, the current one marked with aria-current. */
export function OperatorNav({ items, label }: { items: OperatorNavItem[]; label: string }) {
  const pathname = usePathname();
  const current = items
    .filter((i) => (i.href === "/operator" ? pathname === i.href : pathname === i.href || pathname.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="mx-auto max-w-6xl px-2 sm:px-4">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className={cn(
                "inline-flex items-center border-b-2 px-3 py-2.5 text-sm font-medium no-underline hover:no-underline",
                item.href === current
                  ? "border-accent-600 text-accent-800"
                  : "border-transparent text-zinc-700 hover:border-zinc-300 hover:text-zinc-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
