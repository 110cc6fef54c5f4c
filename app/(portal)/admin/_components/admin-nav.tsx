"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { adminSections } from "../sections";

/** The Administration sub-navigation; the current section is marked with aria-current. */
export function AdminNav() {
  const t = useTranslations("admin");
  const pathname = usePathname();
  return (
    <nav aria-label={t("subnav")} className="border-b border-border pb-2">
      <ul className="flex flex-wrap gap-1">
        {adminSections.map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.key}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
                  current && "bg-accent-50 font-medium text-accent-800",
                )}
              >
                {t(`sections.${s.key}.title`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
