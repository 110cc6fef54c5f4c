// The public face of lib/registry/rules/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Pure rules (no I/O): names and IDN, dates, periods, pricing, renewal, lifecycle, tokens, DNSSEC,
// name servers.
export * from "./contact-fields";
export * from "./dates";
export * from "./dnskey";
export * from "./dnssec";
export * from "./lifecycle";
export * from "./names";
export * from "./nameservers";
export * from "./order-confirmation";
export * from "./periods";
export * from "./pricing";
export * from "./registrant-change";
export * from "./registration";
export * from "./renewal";
export * from "./tokens";
