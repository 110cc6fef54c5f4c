import type { Verb } from "@/lib/registry/permissions";

/** The portal's sections (DESIGN.md §1 "Pages") and the verb each needs to open. */
export const portalSections = [
  { href: "/", label: "Dashboard", verb: null },
  { href: "/domains", label: "Domains", verb: "domain.view" },
  { href: "/nameservers", label: "Name servers", verb: "nameserver.view" },
  { href: "/billing", label: "Billing", verb: "billing.view" },
  { href: "/messages", label: "Messages", verb: "message.view" },
  { href: "/admin", label: "Administration", verb: "account.users" },
] as const satisfies readonly { href: string; label: string; verb: Verb | null }[];
