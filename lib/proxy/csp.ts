/**
 * The Content-Security-Policy of every page: scripts only with this response's nonce (Next.js
 * reads it from the request's CSP header and puts it on its own scripts; 'strict-dynamic' lets
 * them load the chunks they import), no framing, no plugins, forms and connections to ourselves.
 * Styles stay 'unsafe-inline': components set style attributes, and CSS cannot run code.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; tls?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (opts.tls) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: a fresh nonce per request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
