// The public face of lib/registry/billing/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Billing: the ledger, payments and the payment provider, invoices, balance and statements (CSV).
export * from "./billing";
export * from "./csv";
export * from "./invoices";
export * from "./ledger";
export * from "./payment-provider";
export * from "./payments";
