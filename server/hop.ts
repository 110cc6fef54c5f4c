import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { normaliseIp } from "../lib/net/client-address";

/**
 * Next.js forwards a server action posted to a page that does not own it by fetching the owning
 * page from this same server (`http://localhost:PORT/…`). That second request arrives from
 * loopback, so reading its socket would launder any client into 127.0.0.1 — the allowlist bypass
 * of issue 11. The entry therefore stamps every request with the client address it decided on,
 * signed with a key that exists only in this process; Next copies request headers onto the
 * forwarded request, and the entry believes a stamp only when its signature verifies. A client
 * cannot make one: the key never leaves the process and the header is overwritten on every
 * request.
 */
export const HOP_HEADER = "x-rp-client-hop";

const key = randomBytes(32);

function mac(address: string): string {
  return createHmac("sha256", key).update(`client-hop:${address}`).digest("base64url");
}

export function signHop(address: string): string {
  return `${address} ${mac(address)}`;
}

/** The address a stamp carries when its signature is ours, else null. */
export function verifyHop(value: string | string[] | undefined): string | null {
  if (typeof value !== "string") return null;
  const [address, signature, ...rest] = value.split(" ");
  if (!address || !signature || rest.length > 0) return null;
  const normalised = normaliseIp(address);
  if (normalised !== address) return null;
  // compared as text: decoding base64 would skip stray characters
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(address));
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}
