// How the audit log shows an event's change (pure, no I/O): secrets are never shown, and the
// before → after is a list of the fields that differ.
//
// The core does not put secrets into audit events (tokens, passwords, TOTP secrets, /r/ links are
// returned once and stored only as hashes), but the log is a place where a slip would be read by
// many, so the read side hides them again: values under keys that name a secret, and token-shaped
// or registrant-link-shaped text anywhere.

export const HIDDEN = "[hidden]";

const SECRET_KEY = /password|secret|hash|credential|recoverycode$|^(token|code|totpcode|authcode|authorizationcode|link|termslink|offerlink)$/i;
const TOKEN_TEXT = /\b(REG|OWN|NSA|PXY)-(TRANSFER|REDEL)-[0-9a-fA-F]{32}\b/g;
const LINK_TEXT = /\/r\/([a-z-]+)\/[0-9a-fA-F]{32}\b/g;

/** A copy of an audit value with every secret replaced by "[hidden]". */
export function redactAuditValue(value: unknown): unknown {
  if (typeof value === "string") {
    return value.replace(TOKEN_TEXT, `$1-$2-${HIDDEN}`).replace(LINK_TEXT, `/r/$1/${HIDDEN}`);
  }
  if (Array.isArray(value)) return value.map(redactAuditValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? HIDDEN : redactAuditValue(v)]),
    );
  }
  return value;
}

export type AuditChange = {
  /** Dotted path of the field ("renewalPolicy", "other.invoices"); "" for a value that is no object. */
  path: string;
  before: unknown;
  after: unknown;
  /** Whether the field appears on that side at all (a creation has no before). */
  hasBefore: boolean;
  hasAfter: boolean;
};

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined && value !== null) {
    out.set(prefix, value);
  } else if (prefix) {
    out.set(prefix, null);
  }
}

/**
 * The readable before → after: one row per field that differs, in the order the fields first
 * appear (before's, then after's new ones). Both sides are redacted first.
 */
export function describeAuditChange(before: unknown, after: unknown): AuditChange[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  flatten(redactAuditValue(before), "", b);
  flatten(redactAuditValue(after), "", a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .filter((p) => JSON.stringify(b.get(p)) !== JSON.stringify(a.get(p)))
    .map((path) => ({ path, before: b.get(path) ?? null, after: a.get(path) ?? null, hasBefore: b.has(path), hasAfter: a.has(path) }));
}
