// The public face of lib/registry/accounts/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Accounts: users, service users, sessions, TOTP enrolment, linked handles and merge, allowlist,
// settings, guards, self-service, the audit trail.
export * from "./account-guards";
export * from "./account-settings";
export * from "./account-summary";
export * from "./allowlist";
export * from "./audit-csv";
export * from "./audit-trail";
export * from "./audit-view";
export * from "./handle-merge";
export * from "./own-security";
export * from "./linked-handles";
export * from "./preferences";
export * from "./self-service";
export * from "./service-users";
export * from "./totp-enrolment";
export * from "./user-agent";
export * from "./user-sessions";
export * from "./users";
