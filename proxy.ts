import type { NextRequest } from "next/server";
import { handleProxy } from "@/lib/proxy";

// Next 16's middleware (renamed "proxy"); thin on purpose, the logic lives in lib/proxy/.
export function proxy(request: NextRequest) {
  return handleProxy(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
