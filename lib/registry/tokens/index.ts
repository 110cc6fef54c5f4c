// The public face of lib/registry/tokens/ (ARCHITECTURE.md): pages, actions, scripts, tests and
// other core folders import from here, never a file inside.
// Tokens: transfer and redelegation tokens, their use, transfer and redelegation.
export * from "./redelegation";
export * from "./token-use";
export * from "./tokens";
export * from "./transfer";
export * from "./redelegation-tokens";
export * from "./transfer-tokens";
