import { createHash } from "node:crypto";

/**
 * What ends a session besides time and logout: a changed password hash or TOTP secret, however it
 * was changed (also out of band, in the database). The session's JWT carries the fingerprint of
 * the credentials it logged in with; lib/auth/sessions.ts compares it on every request. It is a
 * hash of the stored hash, inside an encrypted JWT: nothing a client could use.
 */
export function credentialFingerprint(p: { passwordHash: string; totpSecret: string | null }): string {
  return createHash("sha256")
    .update(`${p.passwordHash}\u0000${p.totpSecret ?? ""}`)
    .digest("base64url")
    .slice(0, 22);
}
