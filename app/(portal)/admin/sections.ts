// The Administration section's pages (DESIGN.md §1: every account.* verb is the Administrator's).
// /admin/users and /admin/service-users are issue 19's; the rest issue 20's.
export const adminSections = [
  { key: "users", href: "/admin/users" },
  { key: "serviceUsers", href: "/admin/service-users" },
  { key: "handles", href: "/admin/handles" },
  { key: "settings", href: "/admin/settings" },
  { key: "allowlist", href: "/admin/ip-allowlist" },
  { key: "audit", href: "/admin/audit" },
] as const;

export type AdminSectionKey = (typeof adminSections)[number]["key"];
