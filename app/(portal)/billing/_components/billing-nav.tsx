import Link from "next/link";
import { getTranslations } from "next-intl/server";

const pages = [
  { href: "/billing", key: "overview" },
  { href: "/billing/ledger", key: "ledger" },
  { href: "/billing/invoices", key: "invoices" },
  { href: "/billing/top-up", key: "topUp" },
] as const;

/** The billing section's own pages, the current one marked. */
export async function BillingNav({ current }: { current: (typeof pages)[number]["href"] }) {
  const t = await getTranslations("billing.nav");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1 border-b border-border">
        {pages.map((p) => (
          <li key={p.href}>
            <Link
              href={p.href}
              aria-current={p.href === current ? "page" : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm text-zinc-700 no-underline hover:text-zinc-900 aria-[current=page]:border-accent-600 aria-[current=page]:font-semibold aria-[current=page]:text-zinc-900"
            >
              {t(p.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
