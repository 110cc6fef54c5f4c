import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, isSafeCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/next-auth";

const handler = NextAuth(authOptions) as (req: NextRequest, ctx: RouteContext) => Promise<Response>;
type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth, minus the inputs it answers with a 500: those get a 400 with a plain message. */
function guarded(req: NextRequest, ctx: RouteContext): Promise<Response> | Response {
  // the credentials providers are called with POST only; next-auth fails a GET with a 500
  if (req.method !== "POST" && /^\/api\/auth\/callback\//.test(req.nextUrl.pathname)) {
    return new NextResponse("Log in through the login form.\n", {
      status: 405,
      headers: { allow: "POST", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  // the origin the client used, as next-auth sees it (server/entry.ts vouches for both headers)
  const origin = `${req.headers.get("x-forwarded-proto") ?? "http"}://${req.headers.get("host")}`;
  const callbackUrl = req.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isSafeCallbackUrl(callbackUrl, origin)) {
    return badRequest("The callbackUrl must be a page of this portal.");
  }
  for (const name of CALLBACK_URL_COOKIES) {
    const value = req.cookies.get(name)?.value;
    if (value !== undefined && !isSafeCallbackUrl(value, origin)) {
      const response = badRequest("The callback-url cookie must name a page of this portal.");
      response.cookies.delete(name);
      return response;
    }
  }
  return handler(req, ctx);
}

function badRequest(message: string): NextResponse {
  return new NextResponse(`${message}\n`, {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export { guarded as GET, guarded as POST };
