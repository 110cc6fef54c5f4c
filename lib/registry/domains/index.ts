// The public face of lib/registry/domains/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Domains: registration, renewal, cancel/restore, queries and the domain view, contacts, the
// administrability guard, availability, dashboard figures.
export * from "./availability";
export * from "./dashboard";
export * from "./domain-actions";
export * from "./domain-admin";
export * from "./domain-checks";
export * from "./domain-contacts";
export * from "./domain-detail";
export * from "./domain-list";
export * from "./domain-previews";
export * from "./domain-queries";
export * from "./domain-view";
export * from "./redemption";
export * from "./registration";
export * from "./renewal";
