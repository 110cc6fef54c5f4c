// The public face of lib/registry/contacts/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Contacts: end-user handles as domains and name servers use them (handles.ts), the registrar's
// customer contacts (R-CON-1: contacts.ts, contact-queries.ts) and registry-issued handle ids.
export * from "./handles";
export * from "./handle-ids";
export * from "./contacts";
export * from "./contact-queries";
export { parseContactFields, CONTACT_LIMITS, type ContactColumns } from "./contact-fields";
export type { ContactView } from "./contact-view";
