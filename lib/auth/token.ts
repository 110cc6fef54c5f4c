import { decode } from "next-auth/jwt";

/**
 * What our JWT carries: the Session row id, what kind of principal logged in, and the fingerprint
 * of the credentials it logged in with (lib/auth/login.ts `credentialFingerprint`).
 */
export type SessionToken = { sid: string; kind: "user" | "operator"; aid: string | null; cf: string | null };

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function decodeSessionToken(value: string | undefined): Promise<SessionToken | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!value || !secret) return null;
  try {
    const token = await decode({ token: value, secret });
    if (!token || typeof token.sid !== "string") return null;
    const kind = token.kind === "operator" ? "operator" : "user";
    return {
      sid: token.sid,
      kind,
      aid: typeof token.aid === "string" ? token.aid : null,
      cf: typeof token.cf === "string" ? token.cf : null,
    };
  } catch {
    return null; // tampered, or made with another secret
  }
}

export function sessionCookieValue(get: (name: string) => string | undefined): string | undefined {
  for (const name of SESSION_COOKIES) {
    const v = get(name);
    if (v) return v;
  }
  return undefined;
}
