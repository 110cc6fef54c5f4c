import type { NextRequest } from "next/server";
import { handleProxy } from "@/lib/proxy";

// Next 16's middleware (renamed "proxy"); thin on purpose, the logic lives in lib/proxy/.
export function proxy(request: NextRequest) {
  return handleProxy(request);
}

export const config = {
  // Anchored (issue 11): only Next's static files, the image optimiser itself and the favicon
  // skip the proxy — not `/favicon.icox` or `/_next/imagex`, which the unanchored form let through.
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$).*)"],
};
