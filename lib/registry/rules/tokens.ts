import { createHash, timingSafeEqual } from "node:crypto";

import { RegistryError } from "@/lib/registry/errors";

// R-TOK-1 token format and R-TOK-2 secret handling. The token text is shown once to its issuer;
// only its SHA-256 hash is stored, and a presented token is hashed and compared in constant time.
// SHA-256 (not a slow password hash) is enough: the secret has 128 random bits, so there is
// nothing to brute-force offline, and lookups by hash stay indexable.

export const tokenRoles = ["REG", "NSA", "PXY", "OWN"] as const;
export type TokenRole = (typeof tokenRoles)[number];
export const tokenOperations = ["TRANSFER", "REDEL"] as const;
export type TokenOperation = (typeof tokenOperations)[number];

/** Role–operation pairs that exist (R-TOK-1). OWN-* come from registrant self-service. */
export const tokenKinds = [
  "REG-TRANSFER",
  "NSA-REDEL",
  "PXY-REDEL",
  "OWN-TRANSFER",
  "OWN-REDEL",
] as const;
export type TokenKind = (typeof tokenKinds)[number];

/** Kinds this product issues itself; OWN-* are only accepted. */
export const issuableTokenKinds = [
  "REG-TRANSFER",
  "NSA-REDEL",
  "PXY-REDEL",
] as const satisfies readonly TokenKind[];

export type ParsedToken = {
  role: TokenRole;
  operation: TokenOperation;
  kind: TokenKind;
  secret: string;
};

const SECRET_PATTERN = /^[0-9a-f]{32}$/;
const TOKEN_PATTERN = /^(REG|NSA|PXY|OWN)-(TRANSFER|REDEL)-([0-9a-f]{32})$/;

function isTokenKind(kind: string): kind is TokenKind {
  return (tokenKinds as readonly string[]).includes(kind);
}

export function formatToken(role: TokenRole, operation: TokenOperation, secretHex: string): string {
  const kind = `${role}-${operation}`;
  // Wrong arguments here are programming errors in the issuing code, not user input.
  if (!isTokenKind(kind)) throw new RangeError(`${kind} is not a token kind`);
  if (!SECRET_PATTERN.test(secretHex))
    throw new RangeError("Token secret must be 32 lowercase hex digits");
  return `${kind}-${secretHex}`;
}

/**
 * Strict parse of a presented token: exact case, no whitespace, a known role–operation pair.
 * Trimming pasted input is the form schema's job; the core sees exactly what will be hashed.
 * The message never echoes the token, which is a secret even when malformed.
 */
export function parseToken(token: string): ParsedToken {
  const match = TOKEN_PATTERN.exec(token);
  const role = match?.[1] as TokenRole | undefined;
  const operation = match?.[2] as TokenOperation | undefined;
  const secret = match?.[3];
  const kind = `${role}-${operation}`;
  if (!role || !operation || !secret || !isTokenKind(kind)) {
    throw new RegistryError(
      "TOKEN_INVALID",
      "Token is not a valid transfer or redelegation token",
      {
        reason: "MALFORMED",
      },
    );
  }
  return { role, operation, kind, secret };
}

/** 128 random bits as 32 lowercase hex digits. */
export function generateTokenSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

export function generateToken(role: TokenRole, operation: TokenOperation): string {
  return formatToken(role, operation, generateTokenSecret());
}

/** SHA-256 of the whole token text, lowercase hex: what AuthToken.secretHash stores. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Constant-time comparison of two hex hashes. Different lengths return false at once, which
 * leaks only the length — fixed at 64 for SHA-256 hex anyway.
 */
export function tokensEqual(hashA: string, hashB: string): boolean {
  const a = Buffer.from(hashA, "utf8");
  const b = Buffer.from(hashB, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

// R-REG-6 waiting-list offer token: 8 hex digits, typed by a person from a mail. Decision: any
// case and surrounding whitespace are accepted here (unlike R-TOK-1 tokens); stored lowercase.
const OFFER_TOKEN_PATTERN = /^[0-9a-f]{8}$/;

export function generateOfferToken(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(4)));
}

export function parseOfferToken(input: string): string {
  const token = input.trim().toLowerCase();
  if (!OFFER_TOKEN_PATTERN.test(token)) {
    throw new RegistryError("TOKEN_INVALID", "Offer token must be 8 hexadecimal digits", {
      reason: "MALFORMED",
    });
  }
  return token;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
