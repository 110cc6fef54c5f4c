import { AsyncLocalStorage } from "node:async_hooks";
import type { VerifiedPortalSession } from "../auth/request-session";

/**
 * What the server entry and the action layer share about one HTTP request. The entry runs Next's
 * handler inside `requestContext.run(…)`; `defineAction` marks when an action's own code starts.
 * A server-action request that fails before that (Next could not decode its body) is the client's
 * malformed input, and the entry answers it 400 instead of Next's 500.
 *
 * One instance per process through globalThis: the entry (run by tsx) and Next's bundled server
 * code load this module separately.
 */
export type RequestContext = {
  actionEntered: boolean;
  /** The proxy's session check of this request (lib/auth/request-session.ts, issue 22). */
  portalSession?: VerifiedPortalSession;
};

const holder = globalThis as { __rpRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (holder.__rpRequestContext ??=
  new AsyncLocalStorage<RequestContext>());

/** Called by the action layer once Next has decoded the request and our code runs. */
export function markActionEntered(): void {
  const store = requestContext.getStore();
  if (store) store.actionEntered = true;
}
