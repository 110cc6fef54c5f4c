import { ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

export type Crumb = { label: string; href?: string };

/**
 * Where a detail page sits: `<Breadcrumbs items={[{ label: t("nav.domains"), href: "/domains" },
 * { label: domain.name }]} />`. The last item is the current page (aria-current, not a link).
 */
export function Breadcrumbs({ items, className }: { items: readonly Crumb[]; className?: string }) {
  const t = useTranslations("ui.breadcrumbs");
  return (
    <nav aria-label={t("label")} className={cn("text-sm", className)}>
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className="flex items-center gap-1">
              {last || !item.href ? (
                <span
                  aria-current={last ? "page" : undefined}
                  className={cn(last && "font-medium text-zinc-900")}
                >
                  {item.label}
                </span>
              ) : (
                <Link href={item.href} className="text-accent-700">
                  {item.label}
                </Link>
              )}
              {last ? null : (
                <ChevronRightIcon aria-hidden="true" className="size-3.5 text-zinc-500" />
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
