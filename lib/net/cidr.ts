import ipaddr from "ipaddr.js";
import { type Cidr, parseCidrList } from "./client-address";

/**
 * One IPv4 or IPv6 address or CIDR as the allowlist stores it: the network address and prefix
 * (`203.0.113.7/24` → `203.0.113.0/24`, `2001:DB8::1` → `2001:db8::1/128`), or null when the text
 * is not exactly one valid entry. Pure, so the "Add" form can show the network as one types.
 */
export function cidrNetwork(input: string): string | null {
  const text = input.trim();
  if (!text || text.includes(",")) return null;
  let parsed: Cidr[];
  try {
    parsed = parseCidrList(text);
  } catch {
    return null;
  }
  const [entry] = parsed;
  if (!entry || parsed.length !== 1) return null;
  const [address, bits] = entry;
  const network =
    address.kind() === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  return `${network.toString()}/${bits}`;
}
