// npm run bench:seed — a registry at scale in PostgreSQL (BENCH_DATABASE_URL): the demo registry
// plus 1,000,000 domains over 200 registrars (Demo Registrar A/S holds 100,000, so the demo logins
// sign in to the big portfolio), with registrant handles, name servers and delegations, DS records,
// ledger history, audit events and messages. Every table is filled by set-based SQL
// (INSERT … SELECT generate_series); BENCH_SCALE scales the domain count (0.02 = 20,000).
// Idempotent: a database that already holds the bench data is left alone.
import { domainToASCII } from "node:url";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { postgresAdapterFactory } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrator";
import { seedDemoRegistry } from "@/prisma/seed/demo";

export const BENCH_NOW = new Date("2026-11-23T10:00:00Z");

export type SeedSize = { domains: number; big: number; registrars: number };

export function seedSize(scale = Number(process.env.BENCH_SCALE ?? 1)): SeedSize {
  if (!(scale > 0)) throw new Error(`BENCH_SCALE must be a positive number, got ${scale}`);
  return {
    domains: Math.max(200, Math.round(1_000_000 * scale)),
    // BENCH_BIG: the big registrar's size on its own (e.g. issue 14's 100,000 on a smaller registry)
    big: Math.max(20, Number(process.env.BENCH_BIG ?? Math.round(100_000 * scale))),
    registrars: 200,
  };
}

// IDN names: a stem with æ/ø/å and a 7-digit number. The number only widens the ASCII part of the
// punycode, so one template per stem gives every A-label in SQL (checked below).
const IDN_STEMS = [
  "søby",
  "æblegård",
  "blåbær",
  "smørrebrød",
  "køkken",
  "østerbro",
  "strøget",
  "fjordkær",
];
const ASCII_STEMS = [
  "bager",
  "frisor",
  "tomrer",
  "advokat",
  "cafe",
  "shop",
  "foto",
  "byg",
  "tandlaege",
  "vvs",
];

function idnTemplates() {
  return IDN_STEMS.map((stem) => {
    const a = domainToASCII(`${stem}0000000.dk`);
    const b = domainToASCII(`${stem}1234567.dk`);
    if (a.replace("0000000", "1234567") !== b) throw new Error(`punycode template of ${stem}`);
    return { u: `${stem}0000000.dk`, a };
  });
}

function log(step: string, t0: number) {
  console.log(`${step.padEnd(52)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
}

/** Fills the database; returns false when it already held the bench data. */
export async function benchSeed(url: string, size: SeedSize = seedSize()): Promise<boolean> {
  const factory = postgresAdapterFactory(url);
  await applyMigrations(factory);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    const seeded = await q(
      `SELECT count(*)::int AS n FROM "RegistrarAccount" WHERE name LIKE 'Bench Registrar %'`,
    );
    if (seeded.rows[0].n > 0) {
      const n = await q(`SELECT count(*)::int AS n FROM "Domain"`);
      console.log(`Already seeded: ${n.rows[0].n.toLocaleString("en")} domains; nothing to do.`);
      return false;
    }
    const total = performance.now();
    const demoExists = await q(
      `SELECT 1 FROM "RegistrarAccount" WHERE name = 'Demo Registrar A/S'`,
    );
    if (demoExists.rowCount === 0) {
      const t = performance.now();
      const db = createPrismaClient(factory);
      await seedDemoRegistry(db, BENCH_NOW);
      await db.$disconnect();
      log("demo registry", t);
    }
    const now = BENCH_NOW.toISOString();
    // the bench's rows carry this createdAt: the demo registry's rows (created at BENCH_NOW) never match
    const created = new Date(BENCH_NOW.getTime() - 3_600_000).toISOString();
    const others = size.registrars - 1;
    await q("BEGIN");
    let t = performance.now();
    // 199 registrars: a handle, an account, a loopback allowlist
    await q(
      `INSERT INTO "Handle" (handle, type, name, street, "postalCode", city, "countryCode", email, phone,
         "managementModel", "termsAcceptedAt", "createdAt", "updatedAt")
       SELECT 'BENCH' || g || '-DK', 'COMPANY', 'Bench Registrar ' || g, 'Benchvej ' || g, '2100', 'København Ø',
         'DK', 'registrar' || g || '@bench.test', '+45.33000000', 'REGISTRAR', $1, $1, $1
       FROM generate_series(1, $2::int) g`,
      [now, others],
    );
    await q(
      `INSERT INTO "RegistrarAccount" ("handleId", name, street, "postalCode", city, "countryCode", email,
         phone, "fikCode", "accountNumber", "lowBalanceThreshold", balance, "createdAt", "updatedAt")
       SELECT h.id, h.name, h.street, h."postalCode", h.city, 'DK', h.email, h.phone,
         'BENCH-FIK-' || substr(h.handle, 6), 'BENCH-ACC-' || substr(h.handle, 6), 100000, 0, $1, $1
       FROM "Handle" h WHERE h.handle LIKE 'BENCH%-DK'`,
      [now],
    );
    await q(
      `UPDATE "Handle" h SET "accountId" = a.id FROM "RegistrarAccount" a WHERE a."handleId" = h.id AND h.handle LIKE 'BENCH%-DK'`,
    );
    // every registrar in one numbered table: 0 = Demo (the big one), 1…199 = bench registrars
    await q(
      `CREATE TEMP TABLE reg ON COMMIT DROP AS
       SELECT 0 AS n, a.id, a."handleId" FROM "RegistrarAccount" a WHERE a.name = 'Demo Registrar A/S'
       UNION ALL
       SELECT substr(h.handle, 6, length(h.handle) - 8)::int, a.id, a."handleId"
       FROM "RegistrarAccount" a JOIN "Handle" h ON h.id = a."handleId" WHERE h.handle LIKE 'BENCH%-DK'`,
    );
    await q(`CREATE UNIQUE INDEX ON reg (n)`);
    log(`${size.registrars} registrars`, t);

    // registrant handles: one per 10 domains, each linked to its registrar
    t = performance.now();
    const handles = Math.ceil(size.domains / 10);
    await q(
      `INSERT INTO "Handle" (handle, type, name, street, "postalCode", city, "countryCode", email, phone,
         "managementModel", "accountId", "termsAcceptedAt", "createdAt", "updatedAt")
       SELECT 'BHX' || g || '-DK', (CASE WHEN g % 3 = 0 THEN 'COMPANY' ELSE 'PERSON' END)::"HandleType",
         (ARRAY['Anders','Birgitte','Carsten','Dorthe','Erik','Frederikke','Gustav','Hanne'])[1 + g % 8] || ' ' ||
         (ARRAY['Jensen','Nielsen','Hansen','Pedersen','Andersen','Christensen','Larsen','Sørensen'])[1 + (g / 8) % 8] || ' ' || g,
         'Vestergade ' || (g % 200 + 1), lpad((1000 + g % 8900)::text, 4, '0'), 'Aarhus C', 'DK',
         'kunde' || g || '@bench.test', '+45.' || lpad((g % 100000000)::text, 8, '0'), 'REGISTRAR',
         r.id, $1, $1, $1
       FROM generate_series(1, $2::int) g
       JOIN reg r ON r.n = CASE WHEN g <= $3::int / 10 THEN 0 ELSE 1 + g % $4::int END
       ORDER BY g`,
      [now, handles, size.big, others],
    );
    await q(
      `CREATE TEMP TABLE bh ON COMMIT DROP AS
       SELECT substr(handle, 4, length(handle) - 6)::int AS hg, id FROM "Handle" WHERE handle LIKE 'BHX%-DK'`,
    );
    await q(`CREATE UNIQUE INDEX ON bh (hg)`);
    log(`${handles.toLocaleString("en")} registrant handles`, t);

    // domains: g ≤ big are Demo's, the rest spread over the 199; expiry over the year, 10%
    // auto-expire, 1% suspended (auto-expire ones in redemption), 5% IDN, 2% registrant-managed
    t = performance.now();
    const idn = idnTemplates();
    await q(
      `INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel", "renewalPolicy",
         "registrarId", "registrantId", "payerId", "crDate", "exDate", "suspendedAt", "suspensionReason",
         "deleteAt", "createdAt", "updatedAt")
       SELECT n.a, n.u, n.a,
         (CASE WHEN g % 100 = 44 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"DomainState",
         (CASE WHEN g % 50 = 7 THEN 'REGISTRANT' ELSE 'REGISTRAR' END)::"ManagementModel",
         (CASE WHEN g % 10 = 4 THEN 'AUTO_EXPIRE' ELSE 'AUTO_RENEW' END)::"RenewalPolicy",
         r.id, bh.id, CASE WHEN g % 50 = 7 THEN bh.id END,
         (ex - (1 + g % 12) * INTERVAL '1 year')::timestamptz, ex,
         CASE WHEN g % 100 = 44 THEN $1::timestamptz - (g % 25) * INTERVAL '1 day' END,
         (CASE WHEN g % 100 = 44 THEN 'EXPIRED' END)::"SuspensionReason",
         CASE WHEN g % 100 = 44 THEN $1::timestamptz + (30 - g % 25) * INTERVAL '1 day' END,
         $8, $8
       FROM generate_series(1, $2::int) g
       JOIN bh ON bh.hg = 1 + (g - 1) / 10
       JOIN reg r ON r.n = CASE WHEN g <= $3::int THEN 0 ELSE 1 + bh.hg % $4::int END,
       LATERAL (SELECT CASE WHEN g % 100 = 44 THEN DATE '2026-11-23' - g % 25
         ELSE DATE '2026-11-24' + ((g::bigint * 7919) % 365)::int END AS ex) e,
       LATERAL (SELECT CASE WHEN g % 20 = 3
           THEN replace(($5::text[])[1 + (g / 20) % $7::int], '0000000', lpad(g::text, 7, '0'))
           ELSE (ARRAY['${ASCII_STEMS.join("','")}'])[1 + g % ${ASCII_STEMS.length}] || '-' || g || '.dk' END AS a,
         CASE WHEN g % 20 = 3
           THEN replace(($6::text[])[1 + (g / 20) % $7::int], '0000000', lpad(g::text, 7, '0'))
           ELSE (ARRAY['${ASCII_STEMS.join("','")}'])[1 + g % ${ASCII_STEMS.length}] || '-' || g || '.dk' END AS u) n`,
      [
        now,
        size.domains,
        size.big,
        others,
        idn.map((i) => i.a),
        idn.map((i) => i.u),
        idn.length,
        created,
      ],
    );
    log(`${size.domains.toLocaleString("en")} domains`, t);

    // name servers: two out-of-zone hosts per registrar; two delegations per domain; DS for 25%
    t = performance.now();
    await q(
      `INSERT INTO "NameServer" (host, "nsaHandleId", "managementModel", "glueV4", "glueV6", "createdAt", "updatedAt")
       SELECT 'ns' || k || '.hosting-' || r.n || '.bench.net', r."handleId", 'REGISTRAR', '{}', '{}', $1, $1
       FROM reg r, generate_series(1, 2) k`,
      [now],
    );
    await q(
      `CREATE TEMP TABLE nsr ON COMMIT DROP AS
       SELECT r.id AS account, k, ns.id FROM reg r CROSS JOIN generate_series(1, 2) k
       JOIN "NameServer" ns ON ns.host = 'ns' || k || '.hosting-' || r.n || '.bench.net'`,
    );
    await q(
      `INSERT INTO "Delegation" ("domainId", "nameServerId", position)
       SELECT d.id, nsr.id, nsr.k FROM "Domain" d JOIN nsr ON nsr.account = d."registrarId"
       WHERE d."createdAt" = $1`,
      [created],
    );
    await q(
      `INSERT INTO "DsRecord" ("domainId", "keyTag", algorithm, "digestType", digest, "createdAt")
       SELECT d.id, (hashtext(d."aLabel") & 65535), 13, 2, upper(encode(sha256(d."aLabel"::bytea), 'hex')), $1
       FROM "Domain" d JOIN reg r ON r.id = d."registrarId"
       WHERE d."createdAt" = $1 AND hashtext(d."aLabel") % 4 = 0`,
      [created],
    );
    log("name servers, delegations, DS records", t);

    // ledger: a top-up per bench registrar, one REGISTRATION per domain, balanceAfter running
    t = performance.now();
    await q(
      `INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter", "domainName", "domainId",
         "periodMonths", "actorKind", "actorLabel", description, "createdAt")
       SELECT e.account, e.op::"LedgerOperation", e.amount,
         coalesce(a0.balance, 0) + sum(e.amount) OVER (PARTITION BY e.account ORDER BY e.at, e.seq),
         e.name, e.domain, e.months, 'SYSTEM', 'bench seed', e.description, e.at
       FROM (
         SELECT r.id AS account, 'PAYMENT_BANK' AS op, 500000000 AS amount, NULL::text AS name,
           NULL::uuid AS domain, NULL::int AS months, 'Bank transfer (bench)' AS description,
           TIMESTAMPTZ '2000-01-01' AS at, 0::bigint AS seq
         FROM reg r
         UNION ALL
         SELECT d."registrarId", 'REGISTRATION', -4500, d."aLabel", d.id, 12,
           'Registration of ' || d."uLabel" || ', 1 year', d."crDate", row_number() OVER ()
         FROM "Domain" d WHERE d."createdAt" = $1 AND d."registrarId" IN (SELECT id FROM reg)
       ) e LEFT JOIN "RegistrarAccount" a0 ON a0.id = e.account
       ORDER BY e.account, e.at, e.seq`,
      [created],
    );
    // the balance moves only with the ledger: it is the sum of the account's entries
    await q(
      `UPDATE "RegistrarAccount" a SET balance = s.total FROM (
         SELECT "accountId", sum(amount)::int AS total FROM "LedgerEntry" GROUP BY "accountId") s
       WHERE s."accountId" = a.id AND a.id IN (SELECT id FROM reg)`,
    );
    log("ledger history", t);

    // audit events: one registration per domain; messages: 3% of domains have one waiting
    t = performance.now();
    await q(
      `INSERT INTO "AuditEvent" (at, "actorKind", "actorLabel", "accountId", operation, "objectType",
         "objectId", "objectLabel", after, outcome)
       SELECT d."crDate", 'SYSTEM', 'bench seed', d."registrarId", 'domain.register', 'Domain', d.id::text,
         d."aLabel", jsonb_build_object('exDate', d."exDate"), 'SUCCESS'
       FROM "Domain" d WHERE d."createdAt" = $1 AND d."registrarId" IN (SELECT id FROM reg)`,
      [created],
    );
    await q(
      `INSERT INTO "Notification" ("accountId", type, "domainName", message, data, "createdAt")
       SELECT d."registrarId", 'DOMAIN_AUTO_RENEWED', d."aLabel",
         'Domain ' || d."uLabel" || ' was renewed automatically until ' || d."exDate" || '; 45.00 DKK was charged',
         jsonb_build_object('exDate', d."exDate", 'invoiced', false), $1::timestamptz + INTERVAL '1 hour' - INTERVAL '1 day'
       FROM "Domain" d WHERE d."createdAt" = $1 AND hashtext(d."aLabel") % 33 = 0
         AND d."registrarId" IN (SELECT id FROM reg)`,
      [created],
    );
    log("audit events, messages", t);
    await q("COMMIT");
    t = performance.now();
    await q("VACUUM ANALYZE");
    log("VACUUM ANALYZE", t);
    log("bench seed, total", total);
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (process.argv[1]?.endsWith("seed.ts")) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.error("npm run bench:seed needs BENCH_DATABASE_URL (a PostgreSQL database)");
    process.exit(2);
  }
  await benchSeed(url);
  process.exit(0);
}
