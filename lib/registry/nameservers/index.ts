// The public face of lib/registry/nameservers/ (ARCHITECTURE.md): pages, actions, scripts, tests
// and
// other core folders import from here, never a file inside.
// Name servers: hosts and their scope, queries, delegation, a domain's name servers, DNSSEC.
export * from "./delegation";
export * from "./dnssec";
export * from "./domain-nameservers";
export * from "./nameserver-queries";
export * from "./nameserver-scope";
export * from "./nameservers";
export * from "./domain-dns-views";
export * from "./nameserver-detail";
