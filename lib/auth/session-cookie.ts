import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { getPrisma } from "@/lib/db/client";
import { credentialFingerprint } from "./credential";
import { SESSION_COOKIES } from "./token";

/** next-auth's session length (lib/auth/next-auth.ts), which the cookie and JWT keep. */
const MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * After the acting user changed its own credentials (password, TOTP), the core replaced its
 * session row; this points the browser's session cookie at the new row, with the fingerprint of
 * the new credentials (lib/auth/credential.ts), so this browser stays signed in while every other
 * session of the user has ended. Called from server actions only (they may set cookies); the JWT
 * keeps every other claim and next-auth's cookie name and attributes.
 */
export async function reissueSessionCookie(sessionId: string): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.get(n)?.value);
  if (!name) return;
  const token = await decode({ token: jar.get(name)!.value, secret });
  if (!token || token.kind !== "user") return;
  const session = await getPrisma().session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { user: { select: { passwordHash: true, totpSecret: true } } },
  });
  if (!session.user) return;
  const value = await encode({
    token: { ...token, sid: sessionId, cf: credentialFingerprint(session.user) },
    secret,
    maxAge: MAX_AGE_SECONDS,
  });
  jar.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: MAX_AGE_SECONDS,
  });
}
