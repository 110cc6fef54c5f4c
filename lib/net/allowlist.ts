import type { Db } from "@/lib/db/client";
import { type Cidr, ipInCidrs, parseCidrList } from "@/lib/net/client-address";

/**
 * The registrars' IP allowlists, cached per process for at most REFRESH_MS so a change applies
 * within 5 seconds without a restart (R-ACC-7) while a request costs no query.
 */
const REFRESH_MS = 2_000;

type Snapshot = { loadedAt: number; byAccount: Map<string, Cidr[]>; all: Cidr[] };
const holder = globalThis as { __rpAllowlist?: Snapshot; __rpAllowlistLoading?: Promise<Snapshot> };

async function load(db: Db): Promise<Snapshot> {
  const rows = await db.ipAllowlistEntry.findMany({ select: { accountId: true, cidr: true } });
  const byAccount = new Map<string, Cidr[]>();
  for (const row of rows) {
    const parsed = parseCidrList(row.cidr);
    byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), ...parsed]);
  }
  return { loadedAt: Date.now(), byAccount, all: [...byAccount.values()].flat() };
}

export async function getAllowlists(db: Db): Promise<Snapshot> {
  const current = holder.__rpAllowlist;
  if (current && Date.now() - current.loadedAt < REFRESH_MS) return current;
  holder.__rpAllowlistLoading ??= load(db).finally(() => {
    holder.__rpAllowlistLoading = undefined;
  });
  const fresh = await holder.__rpAllowlistLoading;
  holder.__rpAllowlist = fresh;
  return fresh;
}

/** Forget the cache (the core calls this after an allowlist change in this process). */
export function invalidateAllowlists() {
  holder.__rpAllowlist = undefined;
}

/** Allowed by some registrar's list (before login), or by the given account's (after). */
export async function isAddressAllowed(db: Db, ip: string, accountId?: string): Promise<boolean> {
  const lists = await getAllowlists(db);
  const cidrs = accountId ? (lists.byAccount.get(accountId) ?? []) : lists.all;
  return ipInCidrs(ip, cidrs);
}

/** The operator console's own list (OPERATOR_ALLOWLIST, default loopback). */
export function operatorAllowlist(env: NodeJS.ProcessEnv = process.env): Cidr[] {
  return parseCidrList(env.OPERATOR_ALLOWLIST?.trim() || "127.0.0.1/32,::1/128");
}
