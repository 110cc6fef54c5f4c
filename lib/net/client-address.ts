import ipaddr from "ipaddr.js";

/*
 * Client address for the server entry (DESIGN.md §5). Pure functions, no Node or Next imports, so
 * the proxy and the core can reuse them (e.g. for allowlist matching).
 */

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
export type Cidr = readonly [IpAddress, number];

/**
 * Parses an address strictly: dotted-quad IPv4 (no octal, hex or short forms, which
 * `ipaddr.isValid` would accept) or IPv6, with IPv4-mapped IPv6 (`::ffff:1.2.3.4`, how Node
 * reports IPv4 peers on a dual-stack socket) turned into IPv4. Returns null when invalid.
 */
export function parseIp(input: string): IpAddress | null {
  const value = input.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (ipaddr.IPv6.isValid(value)) return ipaddr.process(value);
  return null;
}

/** The canonical text of an address (`::ffff:1.2.3.4` → `1.2.3.4`, IPv6 compressed), or null. */
export function normaliseIp(input: string | undefined | null): string | null {
  if (!input) return null;
  const address = parseIp(input);
  return address ? address.toString() : null;
}

/**
 * Parses a comma-separated CIDR list such as `TRUSTED_PROXIES` ("10.0.0.0/8, ::1/128").
 * A bare address means that single host. Throws on an invalid entry: a typo in a trust setting
 * must stop the server, not silently trust nobody (or everybody).
 */
export function parseCidrList(input: string | undefined | null): Cidr[] {
  if (!input) return [];
  return input
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const slash = entry.indexOf("/");
      const host = slash === -1 ? entry : entry.slice(0, slash);
      const address = parseIp(host);
      if (!address) throw new Error(`Invalid address in CIDR list: "${entry}"`);
      const maxBits = address.kind() === "ipv4" ? 32 : 128;
      const bitsText = slash === -1 ? String(maxBits) : entry.slice(slash + 1);
      // A mapped IPv4 network written as IPv6 (::ffff:10.0.0.0/104) becomes its IPv4 form.
      const mappedShift = address.kind() === "ipv4" && ipaddr.IPv6.isValid(host) ? 96 : 0;
      const bits = Number(bitsText) - (slash === -1 ? 0 : mappedShift);
      if (!/^\d{1,3}$/.test(bitsText) || bits < 0 || bits > maxBits) {
        throw new Error(`Invalid prefix length in CIDR list: "${entry}"`);
      }
      return [address, bits] as const;
    });
}

/** Whether an address (string or parsed) lies in any of the CIDRs. Invalid input: false. */
export function ipInCidrs(address: string | IpAddress, cidrs: readonly Cidr[]): boolean {
  const parsed = typeof address === "string" ? parseIp(address) : address;
  if (!parsed) return false;
  return cidrs.some(([network, bits]) => {
    if (network.kind() !== parsed.kind()) return false;
    return parsed.match(network, bits);
  });
}

/**
 * The client address to hand to Next.js as the single `x-forwarded-for` value.
 *
 * - The socket peer is the client unless it is a trusted proxy.
 * - From a trusted proxy, X-Forwarded-For is read from the right (the end each proxy appends
 *   to), skipping hops that are themselves trusted proxies; the first untrusted hop is the
 *   client. With one proxy this is the last hop. Hops further left were written by the client
 *   and are never believed.
 * - A missing header falls back to the socket peer; an unparseable hop stops the walk at the
 *   nearest address already read (the socket peer if it is the last hop).
 *
 * Returns null only when the socket address itself is missing or invalid.
 */
export function clientAddressFor(
  socketAddress: string | undefined | null,
  forwardedForHeader: string | readonly string[] | undefined | null,
  trustedProxies: readonly Cidr[],
): string | null {
  const peer = socketAddress ? parseIp(socketAddress) : null;
  if (!peer) return null;
  if (!ipInCidrs(peer, trustedProxies) || !forwardedForHeader) return peer.toString();

  // Node joins repeated headers with ", "; accept an array too.
  const joined =
    typeof forwardedForHeader === "string" ? forwardedForHeader : forwardedForHeader.join(",");
  const hops = joined
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);

  let client: IpAddress = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIp(stripPort(hops[i] ?? ""));
    if (!hop) break;
    client = hop;
    if (!ipInCidrs(hop, trustedProxies)) break;
  }
  return client.toString();
}

/** Some proxies write `1.2.3.4:5678` or `[2001:db8::1]:443`; keep the address only. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  if (v4WithPort?.[1]) return v4WithPort[1];
  return hop;
}
