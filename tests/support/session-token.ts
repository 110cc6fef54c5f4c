import { encode } from "next-auth/jwt";
import type { PrismaClient } from "@/lib/db/client";
import { logIn } from "@/lib/auth/login";
import { authSettings, type AuthSettings } from "@/lib/auth/settings";

/**
 * Logs a demo user in through the core (as the login form does) and returns the login with the
 * session JWT next-auth would set (NEXTAUTH_SECRET), for tests that send requests as that user.
 */
export async function signInToken(
  prisma: PrismaClient,
  email: string,
  settings: AuthSettings = authSettings(),
) {
  const login = await logIn(
    prisma,
    "user",
    { email, password: "Demo-Portal-2026!", ip: "127.0.0.1" },
    new Date(),
    settings,
  );
  const token = await encode({
    token: { sid: login.sessionId, kind: "user", aid: login.accountId, cf: login.credential },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return { ...login, token };
}
