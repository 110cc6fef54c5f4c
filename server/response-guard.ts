import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Baseline headers for every response, also those Next serves without running proxy.ts (static
 * files, the image optimiser). Pages get their own nonce-based Content-Security-Policy from the
 * proxy (lib/proxy/csp.ts), which replaces the restrictive default set here.
 */
export function setBaselineHeaders(res: ServerResponse, tls: boolean): void {
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  res.setHeader("X-Frame-Options", "DENY");
  if (tls) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

/** A short plain-text refusal; the text is ours, never an error's. */
export function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(`${message}\n`);
}

/**
 * Next answers a server-action request whose body it cannot decode (not JSON, broken multipart,
 * over its size limit) with a 500 and an RSC error payload. When the action's own code never ran
 * (`entered()` is false) that is the client's malformed request: the 5xx is replaced by a 400 with
 * a plain message, and Next's body is dropped. A 5xx after the action ran stays a 5xx: that is
 * our bug, not the client's input.
 */
export function guardActionResponse(_req: IncomingMessage, res: ServerResponse, entered: () => boolean): void {
  let replaced = false;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;

  const decide = (status: number) => {
    if (status < 500 || entered()) return false;
    replaced = true;
    for (const name of res.getHeaderNames()) {
      if (!isBaselineHeader(name)) res.removeHeader(name);
    }
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    return true;
  };

  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (decide(status)) return writeHead(400);
    return writeHead(status, ...rest);
  } as typeof res.writeHead;

  const flushHead = () => {
    if (!res.headersSent) res.writeHead(res.statusCode);
  };

  res.write = function (this: ServerResponse, ...args: unknown[]) {
    flushHead();
    if (!replaced) return write(...args);
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    callback?.();
    return true;
  } as typeof res.write;

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    flushHead();
    if (!replaced) return end(...args);
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    return end("The request could not be read: it is not a valid server-action call.\n", callback);
  } as typeof res.end;
}

const baseline = new Set([
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "x-frame-options",
  "strict-transport-security",
]);

function isBaselineHeader(name: string): boolean {
  return baseline.has(name.toLowerCase());
}
