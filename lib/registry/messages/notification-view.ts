import { type RegistryDate, isRegistryDate, parseDomainName } from "@/lib/registry/rules";

// Issue 12 / R-MSG-1: a registry message is shown from its type and data in the reader's language,
// never from the English `message` stored with it (kept for the EPP poll and the audit trail).
// This turns a notification into a catalogue key per type (`messages.text.<TYPE>`, label
// `messages.types.<TYPE>`) and typed ICU parameters; the page formats dates and money with
// lib/format.ts in the reader's locale. A type this file does not know, or a row whose data lacks
// what its text needs (rows from before the data was stored), falls back to the stored text.

export type NotificationParam =
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "money"; value: number }
  | { kind: "date"; value: RegistryDate }
  /** The last day something is possible when it is refused from 00:00 on this date. */
  | { kind: "lastDay"; value: RegistryDate }
  /** The last moment something is possible when it is refused from this instant. */
  | { kind: "deadline"; value: Date }
  | { kind: "list"; value: string[] };

export type NotificationView = {
  type: string;
  /** false: an unknown type or incomplete data; show `fallback` with a generic label. */
  known: boolean;
  params: Record<string, NotificationParam>;
  /** The stored English text, for the fallback. */
  fallback: string;
  /** A registrant link the message carries (terms requests), shown as a link of its own. */
  registrantLink: string | null;
  /** The domain the message concerns (A-label), if any. */
  domainName: string | null;
  /** What the message is about when no domain is: the balance and payments. */
  concerns: "domain" | "billing" | null;
};

type Data = Record<string, unknown>;
type Params = Record<string, NotificationParam> | null;

const text = (value: unknown): NotificationParam | null =>
  typeof value === "string" || typeof value === "number"
    ? { kind: "text", value: String(value) }
    : null;
const num = (value: unknown): NotificationParam | null =>
  typeof value === "number" && Number.isFinite(value) ? { kind: "number", value } : null;
const money = (value: unknown): NotificationParam | null =>
  typeof value === "number" && Number.isSafeInteger(value) ? { kind: "money", value } : null;
const date = (value: unknown): NotificationParam | null =>
  typeof value === "string" && isRegistryDate(value) ? { kind: "date", value } : null;
const lastDay = (value: unknown): NotificationParam | null =>
  typeof value === "string" && isRegistryDate(value) ? { kind: "lastDay", value } : null;
const deadline = (value: unknown): NotificationParam | null => {
  if (typeof value !== "string") return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : { kind: "deadline", value: at };
};
const list = (value: unknown): NotificationParam | null =>
  Array.isArray(value) && value.every((v) => typeof v === "string")
    ? { kind: "list", value: value as string[] }
    : null;
const flag = (value: unknown): NotificationParam => ({
  kind: "text",
  value: value === true ? "yes" : "no",
});

/** All or nothing: a message whose text needs a parameter the data lacks falls back. */
function all(params: Record<string, NotificationParam | null>): Params {
  return Object.values(params).every((p) => p !== null)
    ? (params as Record<string, NotificationParam>)
    : null;
}

/** Per type: its ICU parameters from the data (besides `domain`, added for every domain message). */
const specs: Record<string, (data: Data) => Params> = {
  DOMAIN_CANCELLED: (d) => all({ until: deadline(d.deleteAt) }),
  DOMAIN_EXPIRED_SUSPENDED: (d) => all({ until: lastDay(d.deleteOn) }),
  DOMAIN_DELETED: (d) => {
    const hosts = list(d.markedNameServers ?? []);
    return all({ hosts, count: num((hosts?.value as string[] | undefined)?.length) });
  },
  DOMAIN_AUTO_RENEWED: (d) => all({ exDate: date(d.exDate), invoiced: flag(d.invoiced) }),
  DOMAIN_SUSPENDED_NON_PAYMENT: (d) => all({ invoice: num(d.invoice), until: lastDay(d.deleteOn) }),
  DOMAIN_REDELEGATED: (d) => {
    const hosts = list(d.nameServers);
    return all({ hosts, removed: num(d.removedDsRecords ?? 0) });
  },
  TRANSFER_OUT: (d) => all({ registrar: text(d.to) }),
  TRANSFER_IN: (d) => all({ registrar: text(d.from), exDate: date(d.exDate) }),
  REGISTRATION_TERMS_REQUESTED: (d) => all({ until: deadline(d.holdExpiresAt) }),
  REGISTRATION_COMPLETED: (d) => all({ exDate: date(d.exDate) }),
  REGISTRATION_REFUSED: () => ({}),
  REGISTRATION_DECLINED_FUNDS: () => ({}),
  REGISTRATION_TERMS_EXPIRED: () => ({}),
  REGISTRANT_CHANGE_TERMS_REQUESTED: (d) => all({ until: deadline(d.expiresAt) }),
  REGISTRANT_CHANGE_ID_CONTROL_REQUESTED: (d) => all({ until: deadline(d.expiresAt) }),
  REGISTRANT_CHANGE_ID_CONTROL_REJECTED: (d) =>
    all({ to: text(d.to), reason: text(typeof d.reason === "string" ? ` (${d.reason})` : "") }),
  REGISTRANT_CHANGE_TERMS_EXPIRED: () => ({}),
  REGISTRANT_CHANGE_ID_CONTROL_EXPIRED: () => ({}),
  REGISTRANT_CHANGE_COMPLETED: (d) => all({ from: text(d.from), to: text(d.to) }),
  REGISTRANT_CHANGE_TERMS_DECLINED: (d) => all({ to: text(d.to) }),
  LOW_BALANCE: (d) => all({ balance: money(d.balance), threshold: money(d.threshold) }),
  PAYMENT_BOOKED: (d) => all({ amount: money(d.amount) }),
  INVOICE_PAID: (d) => all({ invoice: num(d.number), reactivated: flag(d.reactivated) }),
  INVOICE_CANCELLED: (d) => all({ invoice: num(d.number), reason: text(d.reason) }),
  ACCOUNT_SUSPENDED: (d) => all({ reason: text(d.reason) }),
  ACCOUNT_REACTIVATED: () => ({}),
  WAITING_LIST_OFFERED: () => ({}),
  WAITING_LIST_OFFER_DECLINED: () => ({}),
  WAITING_LIST_OFFER_EXPIRED: () => ({}),
  WELCOME: () => ({}),
};

/** Every type with a text of its own; the catalogue has `types.<T>` and `text.<T>` for each. */
export const NOTIFICATION_TYPES = Object.keys(specs);

const BILLING_TYPES = new Set(["LOW_BALANCE", "PAYMENT_BOOKED"]);
const NO_DOMAIN_TYPES = new Set([...BILLING_TYPES, "WELCOME", "ACCOUNT_SUSPENDED", "ACCOUNT_REACTIVATED"]);

function uLabelOf(aLabel: string): string {
  try {
    return parseDomainName(aLabel).uLabel;
  } catch {
    return aLabel;
  }
}

export function describeNotification(n: {
  type: string;
  domainName: string | null;
  message: string;
  data: unknown;
}): NotificationView {
  const data: Data =
    typeof n.data === "object" && n.data !== null && !Array.isArray(n.data) ? (n.data as Data) : {};
  const spec = specs[n.type];
  let params = spec ? spec(data) : null;
  // every text but these names its domain
  if (!n.domainName && !NO_DOMAIN_TYPES.has(n.type)) params = null;
  if (params && n.domainName)
    params = { domain: { kind: "text", value: uLabelOf(n.domainName) }, ...params };
  const link = typeof data.link === "string" && data.link.startsWith("/r/") ? data.link : null;
  return {
    type: n.type,
    known: params !== null,
    params: params ?? {},
    fallback: n.message,
    registrantLink: link,
    domainName: n.domainName,
    concerns: n.domainName ? "domain" : BILLING_TYPES.has(n.type) ? "billing" : null,
  };
}
