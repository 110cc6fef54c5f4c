// Issue 22: the core's write paths beside their floor, measured in the same run.
// - registrations/s and renewals/s through lib/registry at 1 and 8 concurrent callers, against the
//   same statements as hand-written SQL transactions (through `pg` on PostgreSQL; through the
//   Prisma client's raw SQL on PGlite, which has one connection);
// - the lifecycle over N domains expiring at once (auto-renew and auto-expire mixed, over every
//   registrar), against one set-based SQL statement doing the same state change.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { PrismaClient } from "@/lib/db/client";
import type { RegistrarActor } from "@/lib/registry/actor";
import { fixedClock } from "@/lib/registry/clock";
import { registerDomain, renewDomain } from "@/lib/registry/domains";
import { runLifecycle } from "@/lib/registry/lifecycle";

export type Measure = { name: string; value: number; unit: string; baseline: number | null };

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
type RawTx = <T>(fn: (q: Query) => Promise<T>) => Promise<T>;

/** Hand-written SQL transactions: a pg pool on PostgreSQL, the Prisma client's raw SQL on PGlite. */
export function rawTransactions(db: PrismaClient, url: string | undefined) {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const tx: RawTx = async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(async (sql, params = []) => (await client.query(sql, params)).rows);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    };
    return { tx, close: () => pool.end() };
  }
  const tx: RawTx = (fn) =>
    db.$transaction((t) =>
      fn((sql, params = []) => t.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params)),
    );
  return { tx, close: async () => {} };
}

/** `count` calls of `fn(i)` spread over `callers` concurrent loops; returns calls per second. */
async function rate(count: number, callers: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = next++; i < count; i = next++) await fn(i);
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

const NS = ["ns1.dns-provider.net", "ns2.dns-provider.net"];

export async function benchCore(
  db: PrismaClient,
  url: string | undefined,
  now: Date,
  actor: RegistrarActor,
  opts: { count: number; run: string },
): Promise<Measure[]> {
  const ctx = { db, clock: fixedClock(now), actor };
  const raw = rawTransactions(db, url);
  const account = actor.accountId;
  // enough funds for every call (through the ledger, so balance = sum of entries holds)
  await raw.tx(async (q) => {
    const [acc] = await q(`SELECT balance FROM "RegistrarAccount" WHERE id = $1::uuid FOR UPDATE`, [
      account,
    ]);
    const delta = 200_000_000 - Number(acc!.balance); // 2,000,000 DKK: enough for every call
    if (delta <= 0) return;
    await q(`UPDATE "RegistrarAccount" SET balance = balance + $2 WHERE id = $1::uuid`, [
      account,
      delta,
    ]);
    await q(
      `INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter", "actorKind", "actorLabel", description, "createdAt")
       VALUES ($1::uuid, 'ADJUSTMENT', $2, 200000000, 'SYSTEM', 'bench', 'Bench funds', $3)`,
      [account, delta, now],
    );
  });
  const [registrant] = await raw.tx((q) => q(`SELECT id FROM "Handle" WHERE handle = 'JCA1-DK'`));
  const nsIds = (
    await raw.tx((q) =>
      q(`SELECT id FROM "NameServer" WHERE host = ANY($1::text[]) ORDER BY host`, [NS]),
    )
  ).map((r) => r.id as string);
  const exDate = new Date(now);
  exDate.setUTCFullYear(exDate.getUTCFullYear() + 1);
  const exDay = exDate.toISOString().slice(0, 10);

  // what registerDomain writes, as one hand-written transaction: the name's availability, the
  // funds under lock, the domain, its delegations, the debit with its ledger entry, the audit event
  const rawRegister = (name: string) =>
    raw.tx(async (q) => {
      const taken = await q(`SELECT 1 FROM "Domain" WHERE "liveName" = $1`, [name]);
      if (taken.length) throw new Error(`${name} taken`);
      const [acc] = await q(
        `SELECT balance FROM "RegistrarAccount" WHERE id = $1::uuid FOR UPDATE`,
        [account],
      );
      if (Number(acc!.balance) < 4500) throw new Error("funds");
      const [d] = await q(
        `INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
           "registrarId", "registrantId", "crDate", "exDate", "createdAt", "updatedAt")
         VALUES ($1, $1, $1, 'ACTIVE', 'REGISTRAR', 'AUTO_RENEW', $2::uuid, $3::uuid, $4, $5::date, $4, $4)
         RETURNING id`,
        [name, account, registrant!.id, now, exDay],
      );
      await q(
        `INSERT INTO "Delegation" ("domainId", "nameServerId", position)
         SELECT $1::uuid, ns, p FROM unnest($2::uuid[]) WITH ORDINALITY AS v(ns, p)`,
        [d!.id, nsIds],
      );
      const [b] = await q(
        `UPDATE "RegistrarAccount" SET balance = balance - 4500 WHERE id = $1::uuid RETURNING balance`,
        [account],
      );
      await q(
        `INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter", "domainName", "domainId",
           "periodMonths", "actorKind", "actorId", "actorLabel", description, "createdAt")
         VALUES ($1::uuid, 'REGISTRATION', -4500, $2, $3, $4::uuid, 12, 'PORTAL', $5::uuid, $6, $7, $8)`,
        [
          account,
          b!.balance,
          name,
          d!.id,
          actor.userId,
          actor.label,
          `Registration of ${name}, 1 year`,
          now,
        ],
      );
      await q(
        `INSERT INTO "AuditEvent" (at, "actorKind", "actorId", "actorLabel", "accountId", ip, operation,
           "objectType", "objectId", "objectLabel", after, outcome)
         VALUES ($1, 'PORTAL', $2::uuid, $3, $4::uuid, $5, 'domain.register', 'Domain', $6, $7, $8::jsonb, 'SUCCESS')`,
        [
          now,
          actor.userId,
          actor.label,
          account,
          actor.ip,
          d!.id,
          name,
          JSON.stringify({ exDate: exDay }),
        ],
      );
    });
  const rawRenew = (name: string) =>
    raw.tx(async (q) => {
      const [d] = await q(
        `SELECT id, "exDate" FROM "Domain" WHERE "liveName" = $1 AND "registrarId" = $2::uuid FOR UPDATE`,
        [name, account],
      );
      await q(`SELECT balance FROM "RegistrarAccount" WHERE id = $1::uuid FOR UPDATE`, [account]);
      const [b] = await q(
        `UPDATE "RegistrarAccount" SET balance = balance - 4500 WHERE id = $1::uuid RETURNING balance`,
        [account],
      );
      await q(
        `INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter", "domainName", "domainId",
           "periodMonths", "actorKind", "actorId", "actorLabel", description, "createdAt")
         VALUES ($1::uuid, 'RENEWAL', -4500, $2, $3, $4::uuid, 12, 'PORTAL', $5::uuid, $6, $7, $8)`,
        [
          account,
          b!.balance,
          name,
          d!.id,
          actor.userId,
          actor.label,
          `Renewal of ${name}, 1 year`,
          now,
        ],
      );
      await q(
        `UPDATE "Domain" SET "exDate" = "exDate" + INTERVAL '1 year', "updatedAt" = $2 WHERE id = $1::uuid`,
        [d!.id, now],
      );
      await q(
        `INSERT INTO "AuditEvent" (at, "actorKind", "actorId", "actorLabel", "accountId", ip, operation,
           "objectType", "objectId", "objectLabel", outcome)
         VALUES ($1, 'PORTAL', $2::uuid, $3, $4::uuid, $5, 'domain.renew', 'Domain', $6, $7, 'SUCCESS')`,
        [now, actor.userId, actor.label, account, actor.ip, d!.id, name],
      );
    });

  const out: Measure[] = [];
  for (const callers of [1, 8]) {
    const coreNames = Array.from(
      { length: opts.count },
      (_, i) => `bench-${opts.run}-c${callers}-${i}.dk`,
    );
    const rawNames = Array.from(
      { length: opts.count },
      (_, i) => `bench-${opts.run}-r${callers}-${i}.dk`,
    );
    const regRaw = await rate(opts.count, callers, (i) => rawRegister(rawNames[i]!));
    const regCore = await rate(opts.count, callers, (i) =>
      registerDomain(ctx, {
        name: coreNames[i]!,
        registrant: "JCA1-DK",
        nameServers: NS,
        termsAcceptedAt: now,
      }),
    );
    out.push({
      name: `core registrations, ${callers} caller${callers > 1 ? "s" : ""}`,
      value: regCore,
      unit: "ops/s",
      baseline: regRaw,
    });
    const renRaw = await rate(opts.count, callers, (i) => rawRenew(rawNames[i]!));
    const renCore = await rate(opts.count, callers, (i) =>
      renewDomain(ctx, { name: coreNames[i]!, curExpDate: exDay }),
    );
    out.push({
      name: `core renewals, ${callers} caller${callers > 1 ? "s" : ""}`,
      value: renCore,
      unit: "ops/s",
      baseline: renRaw,
    });
  }
  await raw.close();
  return out;
}

/**
 * `count` domains expiring on one day over every registrar (10% auto-expire): runLifecycle's
 * domains/s, against one set-based statement doing the same state change on an equal set.
 */
export async function benchLifecycle(
  db: PrismaClient,
  opts: { count: number; run: string; exDate: string; at: Date },
): Promise<Measure> {
  const insert = (prefix: string) =>
    db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
       "registrarId", "registrantId", "crDate", "exDate", "createdAt", "updatedAt")
     SELECT n, n, n, 'ACTIVE', 'REGISTRAR',
       (CASE WHEN g % 10 = 4 THEN 'AUTO_EXPIRE' ELSE 'AUTO_RENEW' END)::"RenewalPolicy",
       a.id, a."handleId", $3::timestamptz - INTERVAL '1 year', $2::date, $3, $3
     FROM generate_series(1, $1::int) g
     JOIN (SELECT id, "handleId", row_number() OVER (ORDER BY id) - 1 AS k,
             count(*) OVER () AS cnt FROM "RegistrarAccount") a ON a.k = g % a.cnt,
     LATERAL (SELECT '${prefix}-' || g || '.dk' AS n) names
     RETURNING id`,
      opts.count,
      opts.exDate,
      opts.at,
    );
  const ids = (await insert(`lc-${opts.run}-sql`)).map((r) => r.id);
  // the floor: the whole state change as one statement over the batch's ids
  let start = performance.now();
  const changed = await db.$executeRawUnsafe(
    `UPDATE "Domain" SET
       "exDate" = CASE WHEN "renewalPolicy" = 'AUTO_RENEW' THEN "exDate" + INTERVAL '1 year' ELSE "exDate" END,
       state = CASE WHEN "renewalPolicy" = 'AUTO_RENEW' THEN state ELSE 'SUSPENDED' END,
       "suspensionReason" = CASE WHEN "renewalPolicy" = 'AUTO_RENEW' THEN NULL ELSE 'EXPIRED'::"SuspensionReason" END,
       "suspendedAt" = CASE WHEN "renewalPolicy" = 'AUTO_RENEW' THEN NULL ELSE $2::timestamptz END,
       "deleteAt" = CASE WHEN "renewalPolicy" = 'AUTO_RENEW' THEN NULL ELSE $2::timestamptz + INTERVAL '30 days' END,
       "updatedAt" = $2
     WHERE id = ANY($1::uuid[]) AND state = 'ACTIVE'`,
    ids,
    opts.at,
  );
  const floor = changed / ((performance.now() - start) / 1000);
  await insert(`lc-${opts.run}-core`);
  start = performance.now();
  const summary = await runLifecycle(db, opts.at);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `runLifecycle: ${summary.expired.toLocaleString("en")} expired domains in ${seconds.toFixed(2)} s; one UPDATE: ${changed.toLocaleString("en")} rows`,
  );
  return {
    name: `lifecycle, ${opts.count.toLocaleString("en")} expiring at once`,
    value: summary.expired / seconds,
    unit: "domains/s",
    baseline: floor,
  };
}
