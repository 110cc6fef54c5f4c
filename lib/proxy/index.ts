import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every matched request (see proxy.ts). For now a pass-through; the IP allowlist and
 * the optimistic session redirect go here (DESIGN.md §5). The client address to check is the
 * `x-forwarded-for` header, which server/entry.ts has already overwritten with a single,
 * trustworthy value before Next.js saw the request.
 */
export function handleProxy(request: NextRequest): NextResponse {
  void request;
  return NextResponse.next();
}
