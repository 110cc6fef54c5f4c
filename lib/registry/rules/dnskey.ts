import { createHash } from "node:crypto";

import { RegistryError } from "@/lib/registry/errors";
import { DS_ALGORITHMS, type DsRecord } from "@/lib/registry/rules/dnssec";

// R-DS-1 help for the NSA: a DS record computed from the zone's DNSKEY, as `dnssec-dsfromkey`
// does (RFC 4034 §5.1.4): key tag by RFC 4034 Appendix B over the DNSKEY RDATA; digest over the
// owner name in canonical wire format (lower case, uncompressed) followed by the RDATA. Digest
// types 1 (SHA-1), 2 (SHA-256, RFC 4509) and 4 (SHA-384, RFC 6605).

export type Dnskey = {
  /** The owner name when the text carried one (a zone-file line), lower case, without the dot. */
  owner: string | null;
  flags: number;
  protocol: number;
  algorithm: number;
  publicKey: Buffer;
};

const HASHES: Readonly<Record<number, string>> = { 1: "sha1", 2: "sha256", 4: "sha384" };
const ZONE_KEY = 0x0100;

function malformed(reason: string, message: string): RegistryError {
  return new RegistryError("DS_RECORD_INVALID", `DNSKEY is not usable: ${message}`, {
    field: "dnskey",
    reason,
  });
}

/**
 * Parses a DNSKEY as the NSA pastes it: a zone-file line (`owner [ttl] [class] DNSKEY flags
 * protocol algorithm key`, with parentheses and `;` comments over several lines) or the RDATA
 * alone (`flags protocol algorithm key`). Only a zone key (flag bit 7) of protocol 3 with an
 * allowed algorithm is accepted: another key cannot be the target of a DS record.
 */
export function parseDnskey(text: string): Dnskey {
  const cleaned = text
    .split("\n")
    .map((line) => line.replace(/;.*$/, ""))
    .join(" ")
    .replace(/[()]/g, " ")
    .trim();
  const tokens = cleaned.split(/\s+/).filter(Boolean);
  const typeAt = tokens.findIndex((t) => t.toUpperCase() === "DNSKEY");
  let owner: string | null = null;
  let rest = tokens;
  if (typeAt >= 0) {
    const before = tokens.slice(0, typeAt);
    // owner, TTL and class in any of the orders zone files allow; the owner is the one token that
    // is neither a number nor a class
    const name = before.find((t) => !/^\d+$/.test(t) && !/^(IN|CH|HS|CS)$/i.test(t));
    owner = name ? name.toLowerCase().replace(/\.$/, "") : null;
    rest = tokens.slice(typeAt + 1);
  }
  const [flagsText, protocolText, algorithmText, ...keyParts] = rest;
  if (!flagsText || !protocolText || !algorithmText || keyParts.length === 0) {
    throw malformed("DNSKEY_MALFORMED", "expected flags, protocol, algorithm and the public key");
  }
  const numbers = [flagsText, protocolText, algorithmText].map((t) => (/^\d{1,5}$/.test(t) ? Number(t) : NaN));
  const [flags, protocol, algorithm] = numbers as [number, number, number];
  if (!Number.isInteger(flags) || flags > 65535 || !Number.isInteger(protocol) || !Number.isInteger(algorithm)) {
    throw malformed("DNSKEY_MALFORMED", "flags, protocol and algorithm must be numbers");
  }
  const base64 = keyParts.join("");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw malformed("DNSKEY_MALFORMED", "the public key is not base64");
  }
  if (protocol !== 3) throw malformed("DNSKEY_PROTOCOL", `protocol ${protocol} is not 3`);
  if ((flags & ZONE_KEY) === 0) throw malformed("DNSKEY_NOT_ZONE_KEY", `flags ${flags} do not mark a zone key`);
  if (!(DS_ALGORITHMS as readonly number[]).includes(algorithm)) {
    throw malformed("DNSKEY_ALGORITHM", `algorithm ${algorithm} is not one of ${DS_ALGORITHMS.join(", ")}`);
  }
  return { owner, flags, protocol, algorithm, publicKey: Buffer.from(base64, "base64") };
}

/** The DNSKEY RDATA in wire format: flags (16 bits), protocol, algorithm, public key. */
export function dnskeyRdata(key: Pick<Dnskey, "flags" | "protocol" | "algorithm" | "publicKey">): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(key.flags, 0);
  head.writeUInt8(key.protocol, 2);
  head.writeUInt8(key.algorithm, 3);
  return Buffer.concat([head, key.publicKey]);
}

/** RFC 4034 Appendix B (every algorithm but the retired 1, which R-DS-1 does not allow). */
export function keyTag(rdata: Buffer): number {
  let ac = 0;
  for (let i = 0; i < rdata.length; i += 1) ac += i & 1 ? rdata[i]! : rdata[i]! << 8;
  ac += (ac >> 16) & 0xffff;
  return ac & 0xffff;
}

/** A domain name in canonical wire format (RFC 4034 §6.2): length-prefixed lower-case labels. */
export function nameToWire(name: string): Buffer {
  const labels = name.toLowerCase().replace(/\.$/, "").split(".").filter(Boolean);
  const parts: Buffer[] = [];
  for (const label of labels) {
    const bytes = Buffer.from(label, "ascii");
    if (bytes.length > 63) throw malformed("DNSKEY_OWNER", `label ${label} is longer than 63 octets`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * The DS record of `dnskey` for the domain `owner` (an A-label). A zone-file line naming another
 * owner is refused: its DS would never match the domain's key set.
 */
export function dsFromDnskey(owner: string, dnskey: string | Dnskey, digestType: number): DsRecord {
  const key = typeof dnskey === "string" ? parseDnskey(dnskey) : dnskey;
  const domain = owner.toLowerCase().replace(/\.$/, "");
  if (key.owner !== null && key.owner !== domain) {
    throw malformed("DNSKEY_OWNER", `the key is for ${key.owner}, not ${domain}`);
  }
  const hash = HASHES[digestType];
  if (!hash) {
    throw new RegistryError("DS_RECORD_INVALID", `digest type ${digestType} is not 1, 2 or 4`, {
      field: "digestType",
    });
  }
  const rdata = dnskeyRdata(key);
  const digest = createHash(hash).update(nameToWire(domain)).update(rdata).digest("hex").toUpperCase();
  return { keyTag: keyTag(rdata), algorithm: key.algorithm, digestType, digest };
}
