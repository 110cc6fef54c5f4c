import type { Verb } from "@/lib/registry/permissions";

/**
 * The portal's sections (DESIGN.md §1 "Pages") and the verb each needs to open. `key` names the
 * section's label in messages/<locale>/shell.json (`nav.<key>`).
 */
export const portalSections = [
  { href: "/", key: "dashboard", verb: null },
  { href: "/domains", key: "domains", verb: "domain.view" },
  { href: "/contacts", key: "contacts", verb: "contact.view" },
  { href: "/nameservers", key: "nameservers", verb: "nameserver.view" },
  { href: "/billing", key: "billing", verb: "billing.view" },
  { href: "/messages", key: "messages", verb: "message.view" },
  { href: "/admin", key: "admin", verb: "account.users" },
] as const satisfies readonly { href: string; key: string; verb: Verb | null }[];

export type PortalSection = (typeof portalSections)[number];

/** The section a path belongs to: the longest section href that is the path or its parent. */
export function currentSection(pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of portalSections) {
    const hit = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (hit && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
