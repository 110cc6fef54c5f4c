import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { systemClock } from "@/lib/registry/clock";
import { LoginError, logIn } from "./login";
import { revokeSession } from "./sessions";
import { authSettings } from "./settings";

/**
 * next-auth v4 with credentials works only with JWT sessions; the JWT carries the id of a Session
 * row that every request checks (lib/auth/sessions.ts), so logout and revocation are real.
 * Errors travel to the login form as JSON in the error string.
 */
function credentials(kind: "user" | "operator") {
  return CredentialsProvider({
    id: kind === "user" ? "portal" : "operator",
    name: kind === "user" ? "Registrar Portal" : "Operator console",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
      code: { label: "Authentication code", type: "text" },
    },
    async authorize(input, req) {
      const forwarded = req?.headers?.["x-forwarded-for"];
      const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || "unknown";
      try {
        const result = await logIn(
          getPrisma(),
          kind,
          {
            email: String(input?.email ?? ""),
            password: String(input?.password ?? ""),
            code: input?.code ? String(input.code) : undefined,
            ip,
            userAgent: (req?.headers?.["user-agent"] as string | undefined) ?? null,
          },
          systemClock.now(),
          authSettings(),
        );
        return {
          id: result.principalId,
          sid: result.sessionId,
          kind,
          aid: result.accountId,
          cf: result.credential,
        };
      } catch (error) {
        if (error instanceof LoginError) {
          throw new Error(
            JSON.stringify({
              code: error.code,
              message: error.message,
              retryAt: error.retryAt,
              reason: error.reason,
            }),
          );
        }
        // next-auth puts this text into the redirect URL: never an internal error's (issue 11)
        console.error("Login failed unexpectedly", error);
        throw new Error(
          JSON.stringify({ code: "LOGIN_FAILED", message: "Login failed on our side. Please try again." }),
        );
      }
    },
  });
}

export const authOptions: NextAuthOptions = {
  providers: [credentials("user"), credentials("operator")],
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as {
          sid: string;
          kind: "user" | "operator";
          aid: string | null;
          cf: string;
        };
        token.sid = u.sid;
        token.kind = u.kind;
        token.aid = u.aid;
        token.cf = u.cf;
      }
      return token;
    },
    session({ session }) {
      return session; // pages read the actor from the Session row, not from here
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") {
        await revokeSession(getPrisma(), token.sid, "logout", systemClock.now());
      }
    },
  },
};
