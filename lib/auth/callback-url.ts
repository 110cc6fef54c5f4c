/**
 * next-auth answers a callback URL it cannot use (`javascript:alert(7)`, `http://`) with a 500
 * (issue 11). The portal only ever returns to its own pages, so anything else is refused up front
 * with a 400: a path on this site, or an absolute http(s) URL of this very origin.
 */
export function isSafeCallbackUrl(value: string, origin: string): boolean {
  if (value.length > 2048 || /[\u0000-\u001f\u007f\\]/.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === origin;
  } catch {
    return false;
  }
}

export const CALLBACK_URL_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];
