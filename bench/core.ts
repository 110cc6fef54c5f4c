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

/** `count` calls of `fn(i)` spread over `callers` concurrent loops; returns the seconds taken. */
async function timed(
  from: number,
  to: number,
  callers: number,
  fn: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = from;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = next++; i < to; i = next++) await fn(i);
    }),
  );
  return (performance.now() - start) / 1000;
}

/**
 * The core's and the baseline's calls per second, measured in alternating rounds (each round a
 * slice of the calls, the side going first swapping every round), so a shared, loaded machine's
 * drift falls on both sides alike instead of on whichever ran in a busier second.
 */
async function interleaved(
  count: number,
  callers: number,
  core: (i: number) => Promise<unknown>,
  raw: (i: number) => Promise<unknown>,
): Promise<{ core: number; raw: number }> {
  const rounds = Math.max(1, Math.min(5, Math.floor(count / (2 * callers))));
  let coreSeconds = 0;
  let rawSeconds = 0;
  for (let k = 0; k < rounds; k++) {
    const from = Math.floor((count * k) / rounds);
    const to = Math.floor((count * (k + 1)) / rounds);
    if (k % 2 === 0) {
      rawSeconds += await timed(from, to, callers, raw);
      coreSeconds += await timed(from, to, callers, core);
    } else {
      coreSeconds += await timed(from, to, callers, core);
      rawSeconds += await timed(from, to, callers, raw);
    }
  }
  return { core: count / coreSeconds, raw: count / rawSeconds };
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
  const exDate = new Date(now);
  exDate.setUTCFullYear(exDate.getUTCFullYear() + 1);
  const exDay = exDate.toISOString().slice(0, 10);

  // What registerDomain does, as one hand-written transaction: the reads and checks the rules
  // require (the policy in force, DESIGN §2; the account's defaults, R-ACC-6; the registrant, a
  // live handle of the account, R-REG-3; the name servers, existing and not marked for deletion,
  // R-REG-1; the name free of a live domain, an open offer and a block, R-REG-4), then the funds
  // under lock, the domain, its delegations, the debit with its ledger entry, the audit event.
  const policyAt = (q: Query) =>
    q(
      `SELECT settings FROM "Policy" WHERE "effectiveFrom" IS NULL OR "effectiveFrom" <= $1
       ORDER BY "effectiveFrom" DESC NULLS LAST, version DESC LIMIT 1`,
      [now],
    );
  const rawRegister = (name: string) =>
    raw.tx(async (q) => {
      await policyAt(q);
      await q(
        `SELECT "defaultManagementModel", "defaultRenewalPolicy", "handleId" FROM "RegistrarAccount" WHERE id = $1::uuid`,
        [account],
      );
      const [registrant] = await q(
        `SELECT id, handle, "managementModel", "termsAcceptedAt" FROM "Handle"
         WHERE handle = 'JCA1-DK' AND "accountId" = $1::uuid AND "mergedIntoId" IS NULL`,
        [account],
      );
      const [free] = await q(
        `SELECT NOT EXISTS (SELECT 1 FROM "Domain" WHERE "liveName" = $1)
           AND NOT EXISTS (SELECT 1 FROM "WaitingListOffer" WHERE name = $1 AND state IN ('OPEN', 'ACCEPTED'))
           AND NOT EXISTS (SELECT 1 FROM "BlockedName" WHERE name = $1) AS free`,
        [name],
      );
      if (!free!.free) throw new Error(`${name} taken`);
      const nsIds = (
        await q(
          `SELECT id FROM "NameServer" WHERE host = ANY($1::text[]) AND "markedForDeletionAt" IS NULL
           ORDER BY array_position($1::text[], host)`,
          [NS],
        )
      ).map((r) => r.id as string);
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
      // the checks R-REN-1/2 require besides the lock: the policy in force, who pays (the
      // account's handle), no open invoice
      await policyAt(q);
      const [d] = await q(
        `SELECT id, "exDate" FROM "Domain" WHERE "liveName" = $1 AND "registrarId" = $2::uuid FOR UPDATE`,
        [name, account],
      );
      await q(`SELECT "handleId" FROM "RegistrarAccount" WHERE id = $1::uuid`, [account]);
      await q(
        `SELECT number FROM "Invoice" WHERE "domainId" = $1::uuid AND state = 'OPEN' ORDER BY number LIMIT 1`,
        [d!.id],
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

  const register = (name: string) =>
    registerDomain(ctx, { name, registrant: "JCA1-DK", nameServers: NS, termsAcceptedAt: now });
  // warm-up (connections, the client's query plans, the JIT), not measured
  for (let i = 0; i < 5; i++) {
    await rawRegister(`bench-${opts.run}-wr-${i}.dk`);
    await register(`bench-${opts.run}-wc-${i}.dk`);
  }
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
    const reg = await interleaved(
      opts.count,
      callers,
      (i) => register(coreNames[i]!),
      (i) => rawRegister(rawNames[i]!),
    );
    out.push({
      name: `core registrations, ${callers} caller${callers > 1 ? "s" : ""}`,
      value: reg.core,
      unit: "ops/s",
      baseline: reg.raw,
    });
    const ren = await interleaved(
      opts.count,
      callers,
      (i) => renewDomain(ctx, { name: coreNames[i]!, curExpDate: exDay }),
      (i) => rawRenew(rawNames[i]!),
    );
    out.push({
      name: `core renewals, ${callers} caller${callers > 1 ? "s" : ""}`,
      value: ren.core,
      unit: "ops/s",
      baseline: ren.raw,
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
