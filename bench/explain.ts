// Issue 22: indexes proved by EXPLAIN on the bench data. Each query that must stay indexed at
// 1,000,000 domains is run through the core as the page runs it, on a Prisma client whose driver
// adapter records every statement it sends (Prisma's own and $queryRaw alike, in transactions
// too); each recorded SELECT/UPDATE/DELETE is then EXPLAINed (FORMAT JSON, not ANALYZE: nothing
// runs twice, nothing is written) with its own parameters, and the plan is walked: the indexes it
// uses, and any Seq Scan on a big table. One result per query: pass = no Seq Scan on a big table.
import type {
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { recordingFactory } from "../tests/support/counting";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { listAuditEvents, countAuditEvents } from "@/lib/registry/accounts";
import type { RegistrarActor } from "@/lib/registry/actor";
import { getBalance, listLedger } from "@/lib/registry/billing";
import { fixedClock } from "@/lib/registry/clock";
import type { CoreContext } from "@/lib/registry/context";
import {
  countDomains,
  countPendingRequests,
  domainActions,
  exportDomainsCsv,
  forecastAutoRenewals,
  getDomainDetail,
  type ListDomainsInput,
  listDomains,
} from "@/lib/registry/domains";
import { runRegistryLifecycle } from "@/lib/registry/lifecycle";
import { countMessages, listMessagePage } from "@/lib/registry/messages";
import { addDays, localDateOf } from "@/lib/registry/rules";

/** Tables that grow with the registry: a Seq Scan on one of them fails the query. */
export const BIG_TABLES = [
  "Domain",
  "Delegation",
  "DsRecord",
  "Handle",
  "NameServer",
  "LedgerEntry",
  "AuditEvent",
  "Notification",
  "Invoice",
  "AuthToken",
  "RegistrantChangeRequest",
  "OutboxMail",
  "Session",
  "LoginAttempt",
];

export type ExplainResult = {
  name: string;
  statements: number;
  indexes: string[];
  /** Seq Scans on big tables, e.g. `Domain` (none: pass). */
  seqScans: string[];
  /** Seq Scans on small tables (fine: the planner reads a few pages rather than an index). */
  smallSeqScans: string[];
  /**
   * Big tables that hold too few rows in this bench data for the planner's choice to mean
   * anything (under MIN_ROWS): their Seq Scans are judged by the plan with seq scans disabled,
   * which must then use an index (else the query fails: no index can serve it).
   */
  forcedIndexes: string[];
  pass: boolean;
};

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
};

/** The indexes a plan uses and the relations it reads whole (Seq Scan). */
export function walkPlan(node: PlanNode, into = { indexes: new Set<string>(), seq: new Set<string>() }) {
  if (node["Index Name"]) into.indexes.add(node["Index Name"]);
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) into.seq.add(node["Relation Name"]);
  for (const child of node.Plans ?? []) walkPlan(child, into);
  return into;
}

const EXPLAINABLE = /^\s*(\(\s*)?(SELECT|WITH|UPDATE|DELETE)\b/i;

/** Moves every date and instant among the arguments by `ms` (the lifecycle's selection, below). */
function shiftDates(args: unknown[], ms: number): unknown[] {
  return args.map((arg) => {
    if (arg instanceof Date) return new Date(arg.getTime() + ms);
    if (typeof arg === "string" && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(arg)) {
      const date = arg.length === 10 ? new Date(`${arg}T00:00:00Z`) : new Date(arg.replace(" ", "T"));
      if (Number.isNaN(date.getTime())) return arg;
      const moved = new Date(date.getTime() + ms).toISOString();
      return arg.length === 10 ? moved.slice(0, 10) : arg.includes("T") ? moved : moved.replace("T", " ");
    }
    return arg;
  });
}

/** Below this many rows a Seq Scan is the planner's right choice; the index is checked forced. */
const MIN_ROWS = 10_000;
/** BENCH_EXPLAIN_SQL=1: print the SQL of every statement with a Seq Scan on a big table. */
const SHOW_SQL = process.env.BENCH_EXPLAIN_SQL === "1";

export async function benchExplain(options: {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** PostgreSQL: EXPLAIN on one connection of its own (settings stick); else the factory's. */
  url?: string;
  db: PrismaClient;
  actor: RegistrarActor;
  now: Date;
  domains: number;
}): Promise<ExplainResult[]> {
  const { factory, db, actor, now } = options;
  const seen: SqlQuery[] = [];
  const recorded = createPrismaClient(recordingFactory(factory, (q) => seen.push(q)));
  const explainer = options.url
    ? await new PrismaPg({ connectionString: options.url, max: 1 }).connect()
    : await factory.connect();
  const ctx: CoreContext = { db: recorded, clock: fixedClock(now), actor };
  const tables = await db.$queryRawUnsafe<{ relname: string; n: number }[]>(
    `SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
  );
  const big = new Set([...BIG_TABLES, ...tables.filter((t) => t.n >= 50_000).map((t) => t.relname)]);
  const rows = new Map(tables.map((t) => [t.relname, t.n]));
  const few = (table: string) => (rows.get(table) ?? 0) < MIN_ROWS;
  const results: ExplainResult[] = [];

  async function plan(query: SqlQuery, seqscan = true) {
    const set = (on: boolean) =>
      explainer.queryRaw({
        sql: `SELECT set_config('enable_seqscan', '${on ? "on" : "off"}', false)`,
        args: [],
        argTypes: [],
      });
    if (!seqscan) await set(false);
    try {
      const rs = await explainer.queryRaw({ ...query, sql: `EXPLAIN (FORMAT JSON) ${query.sql}` });
      const cell = rs.rows[0]?.[0];
      const json = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
      return json[0]!.Plan;
    } finally {
      if (!seqscan) await set(true);
    }
  }

  async function explain(
    name: string,
    run: () => Promise<unknown>,
    transform: (q: SqlQuery) => SqlQuery = (q) => q,
  ) {
    seen.length = 0;
    await run();
    const statements = seen.filter((q) => EXPLAINABLE.test(q.sql)).map(transform);
    const found = { indexes: new Set<string>(), seq: new Set<string>() };
    const failing = new Set<string>();
    const forced = new Set<string>();
    const sqlOfFailures: string[] = [];
    for (const q of statements) {
      const walked = walkPlan(await plan(q));
      for (const i of walked.indexes) found.indexes.add(i);
      for (const t of walked.seq) found.seq.add(t);
      const bigSeq = [...walked.seq].filter((t) => big.has(t));
      if (bigSeq.length === 0) continue;
      // a big table that is nearly empty here: the index must exist, as the plan without seq scans shows
      const again = bigSeq.every(few) ? walkPlan(await plan(q, false)) : null;
      for (const t of bigSeq) {
        if (again && !again.seq.has(t)) forced.add(t);
        else failing.add(t);
      }
      if (again) for (const i of again.indexes) if (!walked.indexes.has(i)) found.indexes.add(`${i} (forced)`);
      if (SHOW_SQL || bigSeq.some((t) => !(again && !again.seq.has(t))))
        sqlOfFailures.push(q.sql.replace(/\s+/g, " ").slice(0, 400));
    }
    const seqScans = [...failing].sort();
    const result: ExplainResult = {
      name,
      statements: statements.length,
      indexes: [...found.indexes].sort(),
      seqScans,
      smallSeqScans: [...found.seq].filter((t) => !big.has(t) || (few(t) && !failing.has(t))).sort(),
      forcedIndexes: [...forced].sort(),
      pass: seqScans.length === 0,
    };
    results.push(result);
    console.log(
      `${result.pass ? "✓" : "✗"} ${name.padEnd(46)} ${String(result.statements).padStart(2)} stmt  ${
        result.pass ? "" : `SEQ SCAN ${seqScans.join(", ")}  `
      }${result.indexes.join(", ") || "(no index)"}`,
    );
    for (const sql of sqlOfFailures) console.log(`    | ${sql}`);
  }

  console.log(
    `\nEXPLAIN on the bench data (issue 22): the indexes each query uses; ✗ = a Seq Scan on a big table (${[...big].join(", ")})`,
  );
  const page = { limit: 50 } as const;
  const list = (input: ListDomainsInput) => () => listDomains(ctx, input);
  await explain("domain list, first page", list(page));
  await explain("domain list, first page by expiry", list({ ...page, sort: "expiry" }));
  await explain("domain list, first page by created desc", list({ ...page, sort: "created", direction: "desc" }));
  // a cursor half-way into the portfolio, walked with the plain client (not recorded)
  let cursor: string | null = null;
  for (let n = 0; n < options.domains / 2; n += 1000) {
    const next: Awaited<ReturnType<typeof listDomains>> = await listDomains(
      { ...ctx, db },
      { cursor, limit: 1000 },
    );
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  await explain("domain list, deep keyset page", list({ ...page, cursor }));
  await explain("domain search, prefix", list({ ...page, search: "bager-" }));
  await explain("domain search, prefix (U-label)", list({ ...page, search: "søby1" }));
  await explain("domain search, contains", list({ ...page, search: "a1b", match: "contains" }));
  await explain("domain filter, state SUSPENDED", list({ ...page, states: ["SUSPENDED"] }));
  await explain("domain filter, state HELD", list({ ...page, states: ["HELD"] }));
  await explain("domain filter, expiring within 30 days", list({ ...page, expiresWithin: 30 }));
  await explain(
    "domain filter, expiring 30 days by expiry",
    list({ ...page, expiresWithin: 30, sort: "expiry" }),
  );
  await explain("domain filter, renewal AUTO_EXPIRE", list({ ...page, renewalPolicy: "AUTO_EXPIRE" }));
  await explain("domain filter, management REGISTRANT", list({ ...page, managementModel: "REGISTRANT" }));
  const registrant = await db.$queryRaw<{ handle: string }[]>`
    SELECT h.handle FROM "Domain" d JOIN "Handle" h ON h.id = d."registrantId"
    WHERE d."registrarId" = ${actor.accountId}::uuid LIMIT 1`;
  if (registrant[0])
    await explain("domain filter, registrant", list({ ...page, registrant: registrant[0].handle }));

  const today = localDateOf(now);
  await explain("dashboard: unread messages", () => countMessages(ctx));
  await explain("dashboard: balance", () => getBalance(ctx));
  await explain("dashboard: auto-renew forecast", () => forecastAutoRenewals(ctx, { days: 30 }));
  await explain("dashboard: expiring in 30 days", () =>
    countDomains(ctx, { states: ["ACTIVE"], expiresFrom: today, expiresTo: addDays(today, 30) }),
  );
  await explain("dashboard: pending requests", () => countPendingRequests(ctx));

  const named = await db.$queryRaw<{ aLabel: string }[]>`
    SELECT d."aLabel" FROM "Domain" d
    WHERE d."registrarId" = ${actor.accountId}::uuid AND d.state = 'ACTIVE'
      AND EXISTS (SELECT 1 FROM "DsRecord" r WHERE r."domainId" = d.id)
      AND EXISTS (SELECT 1 FROM "Delegation" g WHERE g."domainId" = d.id)
    LIMIT 1`;
  const name = named[0]?.aLabel;
  if (name)
    await explain("domain page (detail + actions)", () =>
      Promise.all([getDomainDetail(ctx, { name }), domainActions(ctx, { name })]),
    );

  await explain("CSV export, first 3 batches", async () => {
    let batches = 0;
    for await (const chunk of exportDomainsCsv(ctx, { batchSize: 1000 })) {
      void chunk;
      if (++batches >= 3) break;
    }
  });

  // the lifecycle's selection of due domains, without changing anything: run where nothing is due
  // (the year 2000), then EXPLAIN what it ran with its dates moved to the bench's "now"
  const past = new Date("2000-01-03T06:00:00Z");
  await explain(
    "lifecycle: selection of due domains",
    () => runRegistryLifecycle(recorded, past),
    (q) => ({ ...q, args: shiftDates(q.args, now.getTime() - past.getTime()) }),
  );

  await explain("ledger, first page", () => listLedger(ctx, { limit: 50 }));
  const ledger = await listLedger({ ...ctx, db }, { limit: 100 });
  const after = ledger.nextCursor;
  if (after) await explain("ledger, next page", () => listLedger(ctx, { limit: 50, after }));
  await explain("messages, first page", () => listMessagePage(ctx, { limit: 50 }));
  await explain("messages, history", () => listMessagePage(ctx, { history: true, limit: 50 }));
  await explain("audit log, first page and count", () =>
    Promise.all([listAuditEvents(ctx, { limit: 50 }), countAuditEvents(ctx, {})]),
  );
  const audit = await listAuditEvents({ ...ctx, db }, { limit: 200 });
  if (audit.nextCursor)
    await explain("audit log, next page", () => listAuditEvents(ctx, { limit: 50, cursor: audit.nextCursor }));

  await explainer.dispose();
  await recorded.$disconnect();
  const failed = results.filter((r) => !r.pass);
  console.log(
    failed.length === 0
      ? `All ${results.length} queries use indexes on the big tables.`
      : `Seq Scan on a big table: ${failed.map((r) => `${r.name} (${r.seqScans.join(", ")})`).join("; ")}`,
  );
  return results;
}
