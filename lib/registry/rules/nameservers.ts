import { isIPv4, isIPv6 } from "node:net";

import ipaddr from "ipaddr.js";

import { RegistryError } from "@/lib/registry/errors";
import { isUnderDk, parseHostName } from "@/lib/registry/rules/names";

// R-NS-4 delegation sets and R-NS-1 glue.

export const MIN_NAME_SERVERS = 2;
export const MAX_NAME_SERVERS = 7;

/**
 * Parses and checks a domain's new name-server list: 2 to 7 distinct hosts after normalisation
 * (case, trailing dot, IDN → A-label). Returns the normalised hosts in the given order, which is
 * kept because Delegation is ordered.
 */
export function normaliseNameServers(domainName: string, hosts: readonly string[]): string[] {
  const normalised: string[] = [];
  for (const input of hosts) {
    const host = parseHostName(input);
    if (normalised.includes(host)) {
      throw new RegistryError(
        "NAMESERVER_DUPLICATE",
        `Name server ${host} is listed twice for ${domainName}`,
        {
          host,
        },
      );
    }
    normalised.push(host);
  }
  if (normalised.length < MIN_NAME_SERVERS || normalised.length > MAX_NAME_SERVERS) {
    throw new RegistryError(
      "NAMESERVER_COUNT_INVALID",
      `Domain ${domainName} needs ${MIN_NAME_SERVERS} to ${MAX_NAME_SERVERS} name servers, got ${normalised.length}`,
      { count: normalised.length, min: MIN_NAME_SERVERS, max: MAX_NAME_SERVERS },
    );
  }
  return normalised;
}

const comparable = (host: string) => host.toLowerCase().replace(/\.$/, "");

/**
 * True when the new set shares no host with the current one: a new DNS operator, whose keys the
 * domain's DS records cannot match, so the core removes them and tells the caller first (R-NS-4).
 * A domain with no current name servers has nothing to replace.
 */
export function replacesAll(current: readonly string[], next: readonly string[]): boolean {
  if (current.length === 0) return false;
  const kept = new Set(next.map(comparable));
  return !current.some((host) => kept.has(comparable(host)));
}

export type Glue = { ipv4: readonly string[]; ipv6: readonly string[] };

// Addresses that can never serve DNS to the Internet. Documentation ranges (192.0.2.0/24,
// 2001:db8::/32) stay allowed on purpose: the sandbox and tests use them.
const REFUSED_RANGES = new Set([
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal",
  "loopback",
  "private",
  "carrierGradeNat",
  "uniqueLocal",
  "ipv4Mapped",
]);

function invalidAddress(host: string, address: string, reason: string): RegistryError {
  return new RegistryError(
    "INVALID_IP_ADDRESS",
    `Glue address ${address} for ${host} is invalid: ${reason}`,
    {
      address,
    },
  );
}

function normaliseAddress(host: string, address: string, family: 4 | 6): string {
  const text = address.trim();
  // node:net is strict (no octal or short forms like "10.1"), unlike ipaddr.parse.
  const valid = family === 4 ? isIPv4(text) : isIPv6(text) && !text.includes("%");
  if (!valid) throw invalidAddress(host, address, `not an IPv${family} address`);
  const parsed = ipaddr.parse(text);
  const range = parsed.range();
  if (REFUSED_RANGES.has(range))
    throw invalidAddress(host, address, `${range} addresses cannot be glue`);
  return parsed.kind() === "ipv6" ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
}

/**
 * R-NS-1: glue only for hosts under .dk (the registry is authoritative only there; glue for an
 * out-of-zone host would be ignored by resolvers or, worse, poison). Returns de-duplicated,
 * normalised addresses. Whether the host's superordinate domain is in the caller's portfolio is
 * a database question for the core.
 */
export function checkGlue(host: string, glue: Glue): { ipv4: string[]; ipv6: string[] } {
  if ((glue.ipv4.length > 0 || glue.ipv6.length > 0) && !isUnderDk(host)) {
    throw new RegistryError(
      "GLUE_NOT_ALLOWED",
      `Name server ${host} is not under .dk and cannot have glue`,
      {
        host,
      },
    );
  }
  const ipv4 = [...new Set(glue.ipv4.map((a) => normaliseAddress(host, a, 4)))];
  const ipv6 = [...new Set(glue.ipv6.map((a) => normaliseAddress(host, a, 6)))];
  return { ipv4, ipv6 };
}
