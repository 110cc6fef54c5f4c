import "server-only";
import { cache } from "react";

/**
 * Whether this request's page is already inside the portal shell. A notFound() or forbidden()
 * thrown by a portal page renders its status page inside the portal layout (which ran first);
 * an unmatched URL renders it under the root layout alone. One object per request (React cache).
 */
export const shellState = cache(() => ({ inShell: false }));
