// The public face of lib/registry/billing/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Billing: the ledger, payments and the payment provider, card checkouts, invoices, balance and
// statements (CSV), the auto-renew forecast.
export * from "./billing";
export * from "./checkout";
export * from "./csv";
export * from "./forecast";
export * from "./invoices";
export * from "./ledger";
export * from "./payment-provider";
export * from "./payments";
