/*
 * Request-line sanity the server entry checks before Next.js sees a request. Pure, no Node imports.
 */

/**
 * Whether a Host header is a plausible `host[:port]`: a DNS name or IPv4 address, or a bracketed
 * IPv6 address, with an optional decimal port. An empty or missing Host is refused: HTTP/1.1
 * requires it, and next-auth and server actions build URLs from it (an empty one made them fail
 * with a 500).
 */
export function isValidHostHeader(value: string | undefined): boolean {
  if (!value || value.length > 300) return false;
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?))(?::(\d{1,5}))?$/.exec(
    value,
  );
  if (!match) return false;
  const port = match[3];
  return port === undefined || (Number(port) > 0 && Number(port) <= 65_535);
}

/** The largest server-action body accepted (Next's own default limit: 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type ActionRequestCheck = { ok: true } | { ok: false; status: 400 | 405 | 411 | 413; message: string };

/**
 * A server-action call from a client (a request with a `Next-Action` header) must be a POST to a
 * page, with a declared length within the limit. Browsers always send Content-Length for fetch
 * bodies; a chunked body could only be measured by reading it, which Next does itself and then
 * answers an oversized one with a 500. Paths that are never pages (Next's own files, the favicon,
 * route handlers) are refused before Next would forward the call to the page that owns it.
 */
export function checkActionRequest(
  method: string | undefined,
  contentLength: string | undefined,
  url: string | undefined,
): ActionRequestCheck {
  const path = (url ?? "").split("?")[0] ?? "";
  if (/^\/(?:_next\/|api\/|favicon\.ico$)/.test(path)) {
    return { ok: false, status: 400, message: "Server actions are called on pages only." };
  }
  if (method !== "POST") {
    return { ok: false, status: 405, message: "Server actions are called with POST." };
  }
  if (contentLength === undefined) {
    return { ok: false, status: 411, message: "A server-action request needs a Content-Length." };
  }
  if (!/^\d{1,12}$/.test(contentLength)) {
    return { ok: false, status: 400, message: "The Content-Length header is not a number." };
  }
  if (Number(contentLength) > ACTION_BODY_LIMIT) {
    return { ok: false, status: 413, message: "The request body is larger than 1 MB." };
  }
  return { ok: true };
}
