import type { Db } from "@/lib/db/client";
import { type Cidr, ipInCidrs, parseCidrList } from "@/lib/net/client-address";

/**
 * The registrars' IP allowlists, cached per process for at most REFRESH_MS so a change applies
 * within 5 seconds without a restart (R-ACC-7) while a request costs no query. The core drops
 * this process's copy after its own change; every other process (more instances on PostgreSQL)
 * reloads when its copy is REFRESH_MS old, so a change reaches it within REFRESH_MS plus one load.
 * (`tests/registry/accounts/allowlist-cache.test.ts` checks that with two clients on PostgreSQL.)
 */
export const ALLOWLIST_REFRESH_MS = 2_000;

type Snapshot = { loadedAt: number; byAccount: Map<string, Cidr[]>; all: Cidr[] };

async function load(db: Db): Promise<Snapshot> {
  const rows = await db.ipAllowlistEntry.findMany({ select: { accountId: true, cidr: true } });
  const byAccount = new Map<string, Cidr[]>();
  for (const row of rows) {
    const parsed = parseCidrList(row.cidr);
    byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), ...parsed]);
  }
  return { loadedAt: Date.now(), byAccount, all: [...byAccount.values()].flat() };
}

export type AllowlistCache = {
  get(db: Db): Promise<Snapshot>;
  invalidate(): void;
  isAllowed(db: Db, ip: string, accountId?: string): Promise<boolean>;
};

/** One process's cache (the portal keeps one per process in `globalThis`; tests make several). */
export function createAllowlistCache(refreshMs = ALLOWLIST_REFRESH_MS): AllowlistCache {
  let current: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  // A load that began before an invalidation must not put its (possibly stale) result back.
  let generation = 0;
  const cache: AllowlistCache = {
    async get(db) {
      if (current && Date.now() - current.loadedAt < refreshMs) return current;
      const started = generation;
      loading ??= load(db).finally(() => {
        loading = undefined;
      });
      const fresh = await loading;
      if (started === generation) current = fresh;
      return fresh;
    },
    invalidate() {
      generation += 1;
      current = undefined;
      loading = undefined;
    },
    async isAllowed(db, ip, accountId) {
      const lists = await cache.get(db);
      const cidrs = accountId ? (lists.byAccount.get(accountId) ?? []) : lists.all;
      return ipInCidrs(ip, cidrs);
    },
  };
  return cache;
}

// Shared by the server entry, the proxy and every Next bundle of this process.
const holder = globalThis as { __rpAllowlistCache?: AllowlistCache };
const processCache = () => (holder.__rpAllowlistCache ??= createAllowlistCache());

export function getAllowlists(db: Db): Promise<Snapshot> {
  return processCache().get(db);
}

/** Forget the cache (the core calls this after an allowlist change in this process). */
export function invalidateAllowlists() {
  processCache().invalidate();
}

/** Allowed by some registrar's list (before login), or by the given account's (after). */
export function isAddressAllowed(db: Db, ip: string, accountId?: string): Promise<boolean> {
  return processCache().isAllowed(db, ip, accountId);
}

/** The operator console's own list (OPERATOR_ALLOWLIST, default loopback). */
export function operatorAllowlist(env: NodeJS.ProcessEnv = process.env): Cidr[] {
  return parseCidrList(env.OPERATOR_ALLOWLIST?.trim() || "127.0.0.1/32,::1/128");
}
