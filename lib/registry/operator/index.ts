// The public face of lib/registry/operator/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// The registry operator's console (issue 21): registrar accounts, bank statements, what waits for
// a decision, blocked names and waiting lists, the sandbox controls, the operator audit view.
export * from "./bank-statement";
export * from "./names";
export * from "./operator-audit";
export * from "./queues";
export * from "./registrars";
export * from "./sandbox";
export * from "./sandbox-reset";
