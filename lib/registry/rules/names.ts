import { domainToASCII, domainToUnicode } from "node:url";

import { RegistryError } from "@/lib/registry/errors";

// R-REG-4 domain names and RFC 1123 host names. Pure computation: node:url's IDNA (UTS #46)
// conversion is used only to turn U-labels into A-labels and back; the .dk character rules are
// checked here, before conversion, so UTS #46 mappings (ß → ss, full-width letters, …) can never
// sneak a character past them.

export type DomainName = {
  /** Stored form, lowercase: `example.dk`, `xn--blegrd-oua3m.dk`. */
  aLabel: string;
  /** Display form: `example.dk`, `æblegrød.dk`. Equals aLabel for ASCII names. */
  uLabel: string;
};

const TLD = "dk";
const MAX_LABEL_LENGTH = 63;
const MAX_HOST_LENGTH = 253;
// R-REG-4: a–z, 0–9, hyphen and æ ø å ä é ö ü.
const ALLOWED_DK_CHAR = /^[a-z0-9\-æøåäéöü]$/u;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function invalidName(
  input: string,
  reason: string,
  reasonCode: string,
  extra: Record<string, string | number> = {},
): RegistryError {
  // `field`: a form's domain-name field is `name` (issue 15: the reason shows at that field)
  return new RegistryError("INVALID_DOMAIN_NAME", `Domain name "${input}" is invalid: ${reason}`, {
    reason: reasonCode,
    field: "name",
    ...extra,
  });
}

/**
 * Parses a .dk domain name as a registrar types it.
 *
 * Decision: the ".dk" suffix is optional ("example" and "example.dk" both mean example.dk), since
 * the registry has only one TLD and registrars often omit it; any other suffix is refused as "not
 * under .dk". One trailing root dot ("example.dk.") and surrounding whitespace are tolerated. Case
 * is folded, and U-labels are NFC-normalised so a decomposed "é" counts as the allowed letter.
 */
export function parseDomainName(input: string): DomainName {
  let name = input.trim().normalize("NFC").toLowerCase();
  if (name.endsWith(".")) name = name.slice(0, -1);
  if (name === "") throw invalidName(input, "the name is empty", "EMPTY");
  // Cheap bound before any per-character work on hostile input.
  if (name.length > MAX_HOST_LENGTH) throw invalidName(input, "the name is too long", "TOO_LONG");

  const labels = name.split(".");
  const last = labels[labels.length - 1];
  if (labels.length > 1 && last !== TLD)
    throw invalidName(input, "the name is not under .dk", "NOT_UNDER_DK");
  if (labels.length > 1) labels.pop();
  if (labels.length > 1) {
    throw invalidName(input, "only one label under .dk can be registered", "MULTIPLE_LABELS");
  }
  const label = labels[0] ?? "";
  if (label === "") throw invalidName(input, "the name is empty", "EMPTY");

  const { aLabel, uLabel } = label.startsWith("xn--")
    ? fromALabel(input, label)
    : fromULabel(input, label);
  return { aLabel: `${aLabel}.${TLD}`, uLabel: `${uLabel}.${TLD}` };
}

function fromALabel(input: string, aLabel: string): { aLabel: string; uLabel: string } {
  const uLabel = domainToUnicode(aLabel);
  // A valid A-label decodes to non-ASCII text that encodes back to exactly the same A-label;
  // anything else ("xn--abc", "xn--example-") is a fake prefix.
  if (
    uLabel === "" ||
    uLabel === aLabel ||
    !/[^\x00-\x7f]/.test(uLabel) ||
    domainToASCII(uLabel) !== aLabel
  ) {
    throw invalidName(
      input,
      `"--" in positions 3–4 is only allowed in a valid xn-- A-label`,
      "INVALID_A_LABEL",
    );
  }
  checkULabel(input, uLabel);
  if (aLabel.length > MAX_LABEL_LENGTH) {
    throw invalidName(
      input,
      `the name is longer than ${MAX_LABEL_LENGTH} characters as A-label`,
      "TOO_LONG",
      { max: MAX_LABEL_LENGTH },
    );
  }
  return { aLabel, uLabel };
}

function fromULabel(input: string, uLabel: string): { aLabel: string; uLabel: string } {
  checkULabel(input, uLabel);
  if (uLabel.slice(2, 4) === "--") {
    throw invalidName(
      input,
      `"--" in positions 3–4 is only allowed in a valid xn-- A-label`,
      "HYPHENS_3_4",
    );
  }
  const aLabel = domainToASCII(uLabel);
  if (aLabel === "")
    throw invalidName(input, "the name cannot be converted to an A-label", "IDNA_FAILED");
  if (aLabel.length > MAX_LABEL_LENGTH) {
    throw invalidName(
      input,
      `the name is longer than ${MAX_LABEL_LENGTH} characters as A-label`,
      "TOO_LONG",
      { max: MAX_LABEL_LENGTH },
    );
  }
  return { aLabel, uLabel };
}

function checkULabel(input: string, uLabel: string): void {
  for (const char of uLabel) {
    if (!ALLOWED_DK_CHAR.test(char)) {
      const shown =
        char.trim() === ""
          ? `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`
          : char;
      throw invalidName(input, `the character "${shown}" is not allowed`, "CHARACTER_NOT_ALLOWED", {
        char: shown,
      });
    }
  }
  if (uLabel.startsWith("-"))
    throw invalidName(input, "the name starts with a hyphen", "LEADING_HYPHEN");
  if (uLabel.endsWith("-"))
    throw invalidName(input, "the name ends with a hyphen", "TRAILING_HYPHEN");
}

/**
 * Parses a name-server host name (any TLD): RFC 1123 labels of letters, digits and hyphens, at
 * least two labels, at most 253 characters; IDN labels are converted to A-labels. Returns the
 * lowercase A-label form, without a trailing dot.
 */
export function parseHostName(input: string): string {
  let name = input.trim().normalize("NFC").toLowerCase();
  if (name.endsWith(".")) name = name.slice(0, -1);
  const fail = (reason: string, reasonCode: string) =>
    new RegistryError("INVALID_HOST_NAME", `Host name "${input}" is invalid: ${reason}`, {
      reason: reasonCode,
    });

  if (name === "") throw fail("the name is empty", "EMPTY");
  if (name.length > MAX_HOST_LENGTH) throw fail("the name is too long", "TOO_LONG");
  const ascii = /^[\x00-\x7f]*$/.test(name) ? name : domainToASCII(name);
  if (ascii === "") throw fail("the name cannot be converted to A-labels", "IDNA_FAILED");
  if (ascii.length > MAX_HOST_LENGTH) throw fail("the name is too long", "TOO_LONG");

  const labels = ascii.split(".");
  if (labels.length < 2) throw fail("a host name needs at least two labels", "SINGLE_LABEL");
  for (const label of labels) {
    if (label === "") throw fail("the name has an empty label", "EMPTY_LABEL");
    if (label.length > MAX_LABEL_LENGTH)
      throw fail(`the label "${label}" is too long`, "LABEL_TOO_LONG");
    if (!LDH_LABEL.test(label))
      throw fail(`the label "${label}" is not letters, digits and inner hyphens`, "LABEL_INVALID");
    if (label.startsWith("xn--") && domainToASCII(domainToUnicode(label)) !== label) {
      throw fail(`the label "${label}" is not a valid xn-- A-label`, "INVALID_A_LABEL");
    }
  }
  // An all-numeric TLD would make "192.0.2.1" look like a host name.
  if (/^\d+$/.test(labels[labels.length - 1] ?? ""))
    throw fail("the top-level label is numeric", "NUMERIC_TLD");
  return ascii;
}

/** True when a normalised host sits in the .dk zone (the registry must then hold its glue). */
export function isUnderDk(host: string): boolean {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  return labels.length >= 2 && labels[labels.length - 1] === TLD && labels.every((l) => l !== "");
}

/**
 * The registered .dk domain a host sits under: ns1.sub.example.dk → example.dk. Decision: a host
 * equal to a domain (example.dk as its own name server) is its own superordinate domain. Returns
 * null for hosts outside .dk.
 */
export function superordinateDomain(host: string): string | null {
  if (!isUnderDk(host)) return null;
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  return labels.slice(-2).join(".");
}
