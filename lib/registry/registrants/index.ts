// The public face of lib/registry/registrants/ (ARCHITECTURE.md): pages, actions, scripts, tests
// and
// other core folders import from here, never a file inside.
// Registrants: change of registrant and its steps, terms (method 2), the waiting list and its
// claims.
export * from "./registrant-change-steps";
export * from "./registrant-change";
export * from "./registrant-pages";
export * from "./terms";
export * from "./waiting-list-claim";
export * from "./waiting-list";
export * from "./registrant-change-request";
