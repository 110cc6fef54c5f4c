// The public face of lib/registry/contacts/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Contacts: end-user handles as domains and name servers use them.
export * from "./handles";
