// The public face of lib/registry/messages/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Messages: the registrar's notification queue and the outgoing-mail outbox.
export * from "./notification-view";
export * from "./notifications";
export * from "./outbox";
