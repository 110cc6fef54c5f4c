// The public face of lib/registry/bulk/ (ARCHITECTURE.md): pages, actions, scripts and tests
// import from here, never a file inside.
// Bulk work on a selection of domains (issue 15 item 6): the preview, the job under an
// idempotency key, its runner (one transaction per domain through the domain operations), its
// result and CSV.
export * from "./bulk-csv";
export * from "./bulk-jobs";
export * from "./bulk-plan";
