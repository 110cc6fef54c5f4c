import { Prisma } from "@/lib/db/client";
import type {
  DomainState,
  ManagementModel,
  RenewalPolicy,
  SuspensionReason,
} from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { type CsvValue, streamCsv } from "@/lib/registry/billing";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";
import {
  addDays,
  localDateOf,
  parseRegistryDate,
  type RegistryDate,
  registryDateFromDb,
  registryDateToDb,
} from "@/lib/registry/rules";

// Issue 14: the portfolio list (domain.view) at 100,000 domains — one query for the table, its
// total, and the CSV export. Written in SQL so every variant runs on an index
// (prisma/migrations/*_domain_list_keyset, the trigram indexes of init): the order is a keyset
// (sort key, uLabel, id) walked in either direction; a sort key that can be NULL (a HELD domain
// has neither exDate nor crDate) is two segments — the dated rows, then the undated ones by name —
// each its own index range, so no page ever skips rows it has already passed. `npm run bench`
// measures every variant with its EXPLAIN.

export const DOMAIN_LIST_STATES = ["HELD", "ACTIVE", "SUSPENDED"] as const;
export const DOMAIN_PAGE_SIZES = [25, 50, 100] as const;
export const EXPIRES_WITHIN_DAYS = [30, 60, 90] as const;
export type DomainSort = "name" | "expiry" | "created";
export type SortDirection = "asc" | "desc";

export type DomainListFilter = {
  /** Prefix (default) or contains, over the U-label and the A-label, any case. */
  search?: string;
  match?: "prefix" | "contains";
  /** Default: the live states (HELD, ACTIVE, SUSPENDED). */
  states?: readonly DomainState[];
  renewalPolicy?: RenewalPolicy;
  managementModel?: ManagementModel;
  /** exDate from today to today + N days (inclusive); combined with the range below. */
  expiresWithin?: number;
  /** Inclusive exDate range, `YYYY-MM-DD`. */
  expiresFrom?: string;
  expiresTo?: string;
  /** Registrant handle, e.g. JCA1-DK, any case. */
  registrant?: string;
};

export type ListDomainsInput = DomainListFilter & {
  sort?: DomainSort;
  direction?: SortDirection;
  /** A cursor returned as nextCursor or prevCursor of the page before. */
  cursor?: string | null;
  limit?: number;
};

export type DomainListRow = {
  id: string;
  name: string;
  uLabel: string;
  state: DomainState;
  managementModel: ManagementModel;
  renewalPolicy: RenewalPolicy;
  registrant: string;
  crDate: Date | null;
  exDate: RegistryDate | null;
  suspensionReason: SuspensionReason | null;
  deleteAt: Date | null;
};

export type DomainListPage = {
  domains: DomainListRow[];
  /** Every domain that matches the filter, on all pages. */
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
};

const MAX_PAGE = 1000;

type Keyset = { k: string | null; u: string; i: string };
type Cursor = Keyset & { s: DomainSort; d: SortDirection; p: "after" | "before" };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.s, c.d, c.p, c.k, c.u, c.i])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string, sort: DomainSort, direction: SortDirection): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 6) {
      const [s, d, p, k, u, i] = v as unknown[];
      if (
        s === sort &&
        d === direction &&
        (p === "after" || p === "before") &&
        (k === null || (typeof k === "string" && (sort === "name" || isSortValue(sort, k)))) &&
        typeof u === "string" &&
        typeof i === "string" &&
        UUID.test(i)
      ) {
        return { s: sort, d: direction, p, k, u, i };
      }
    }
  } catch {
    // fall through
  }
  throw new RegistryError("VALIDATION_FAILED", "The page cursor is invalid", { field: "cursor" });
}

function isSortValue(sort: DomainSort, k: string): boolean {
  if (sort === "expiry") return /^\d{4}-\d{2}-\d{2}$/.test(k);
  return !Number.isNaN(Date.parse(k));
}

type Row = {
  id: string;
  aLabel: string;
  uLabel: string;
  state: DomainState;
  managementModel: ManagementModel;
  renewalPolicy: RenewalPolicy;
  registrant: string;
  crDate: Date | null;
  exDate: Date | null;
  suspensionReason: SuspensionReason | null;
  deleteAt: Date | null;
};

function toRow(r: Row): DomainListRow {
  return {
    id: r.id,
    name: r.aLabel,
    uLabel: r.uLabel,
    state: r.state,
    managementModel: r.managementModel,
    renewalPolicy: r.renewalPolicy,
    registrant: r.registrant,
    crDate: r.crDate,
    exDate: r.exDate ? registryDateFromDb(r.exDate) : null,
    suspensionReason: r.suspensionReason,
    deleteAt: r.deleteAt,
  };
}

function keysetOf(sort: DomainSort, r: Row): Keyset {
  const k =
    sort === "expiry"
      ? r.exDate
        ? registryDateFromDb(r.exDate)
        : null
      : sort === "created"
        ? (r.crDate?.toISOString() ?? null)
        : r.uLabel;
  return { k, u: r.uLabel, i: r.id };
}

/** LIKE pattern for the search text: wildcards in it are literal. */
function likePattern(text: string, contains: boolean): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return contains ? `%${escaped}%` : `${escaped}%`;
}

/**
 * Prefix or contains over both labels. A prefix also bounds the U-label from below (every
 * string sorts at or after its own prefix, in any collation), so the name-ordered index walk
 * starts at the first match instead of the first domain. The A-label differs from the U-label
 * only for IDN names, whose A-labels all start with "xn--": other prefixes need no A-label test.
 */
function searchSql(search: string, contains: boolean): Prisma.Sql {
  const pattern = likePattern(search, contains);
  if (contains) return Prisma.sql`(d."uLabel" LIKE ${pattern} OR d."aLabel" LIKE ${pattern})`;
  const uLabel = Prisma.sql`(d."uLabel" >= ${search} AND d."uLabel" LIKE ${pattern})`;
  const ace = search.startsWith("xn--") || "xn--".startsWith(search);
  return ace
    ? Prisma.sql`(${uLabel} OR (d."aLabel" LIKE ${pattern} AND d."aLabel" <> d."uLabel"))`
    : uLabel;
}

/** The search text as the columns hold it: trimmed, lower case, NFC, without a trailing dot. */
export function normaliseDomainSearch(search: string | undefined): string {
  return (search ?? "").trim().toLowerCase().normalize("NFC").replace(/\.$/, "");
}

/** The WHERE clause of the filter, always inside the account's portfolio and its live domains. */
function filterSql(accountId: string, filter: DomainListFilter, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`d."registrarId" = ${accountId}::uuid`];
  const states = [...new Set(filter.states ?? [])].filter((s) =>
    (DOMAIN_LIST_STATES as readonly string[]).includes(s),
  );
  if (filter.states && filter.states.length > 0 && states.length === 0) {
    parts.push(Prisma.sql`FALSE`);
  } else if (states.length > 0 && states.length < DOMAIN_LIST_STATES.length) {
    parts.push(
      Prisma.sql`d.state IN (${Prisma.join(states.map((s) => Prisma.sql`${s}::"DomainState"`))})`,
    );
  } else {
    // the live domains (liveName is set exactly while not DELETED); as a condition on state the
    // total is counted from the (registrarId, state) index alone
    parts.push(Prisma.sql`d.state <> 'DELETED'::"DomainState"`);
  }
  const search = normaliseDomainSearch(filter.search);
  if (search) parts.push(searchSql(search, filter.match === "contains"));
  if (filter.renewalPolicy) {
    parts.push(Prisma.sql`d."renewalPolicy" = ${filter.renewalPolicy}::"RenewalPolicy"`);
  }
  if (filter.managementModel) {
    parts.push(Prisma.sql`d."managementModel" = ${filter.managementModel}::"ManagementModel"`);
  }
  const [from, to] = expiryRange(filter, now);
  if (from) parts.push(Prisma.sql`d."exDate" >= ${registryDateToDb(from)}::date`);
  if (to) parts.push(Prisma.sql`d."exDate" <= ${registryDateToDb(to)}::date`);
  const registrant = filter.registrant?.trim().toUpperCase();
  if (registrant) {
    parts.push(
      Prisma.sql`d."registrantId" = (SELECT h.id FROM "Handle" h WHERE h.handle = ${registrant})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

/**
 * The exDate bounds of the filter: "expires within N days" is today … today + N (the dashboard's
 * tile counts the same), narrowed by an explicit range.
 */
export function expiryRange(
  filter: DomainListFilter,
  now: Date,
): [RegistryDate | null, RegistryDate | null] {
  let from = filter.expiresFrom ? parseRegistryDate(filter.expiresFrom) : null;
  let to = filter.expiresTo ? parseRegistryDate(filter.expiresTo) : null;
  if (filter.expiresWithin !== undefined) {
    const days = filter.expiresWithin;
    if (!Number.isInteger(days) || days < 0 || days > 3660) {
      throw new RegistryError("VALIDATION_FAILED", `Expires within ${days} days is not allowed`, {
        field: "expiresWithin",
      });
    }
    const today = localDateOf(now);
    const end = addDays(today, days);
    if (!from || from < today) from = today;
    if (!to || to > end) to = end;
  }
  return [from, to];
}

const SORT_COLUMN: Record<DomainSort, Prisma.Sql | null> = {
  name: null,
  expiry: Prisma.raw(`d."exDate"`),
  created: Prisma.raw(`d."crDate"`),
};

function sortValueSql(sort: DomainSort, k: string): Prisma.Sql {
  return sort === "expiry"
    ? Prisma.sql`${registryDateToDb(k)}::date`
    : Prisma.sql`${new Date(k)}::timestamptz`;
}

/**
 * One segment of the order, read in `order` (asc/desc) from after `from` (exclusive): the rows
 * whose sort key is set (`dated`), or those without one, ordered by name.
 */
async function readSegment(
  ctx: CoreContext,
  where: Prisma.Sql,
  sort: DomainSort,
  segment: "dated" | "undated",
  order: SortDirection,
  from: Keyset | null,
  take: number,
  materialize: boolean,
): Promise<Row[]> {
  const col = SORT_COLUMN[sort];
  const cmp = Prisma.raw(order === "asc" ? ">" : "<");
  const dir = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  const conds: Prisma.Sql[] = [where];
  let orderBy: Prisma.Sql;
  if (col && segment === "dated") {
    conds.push(Prisma.sql`${col} IS NOT NULL`);
    if (from?.k != null) {
      conds.push(
        Prisma.sql`(${col}, d."uLabel", d.id) ${cmp} (${sortValueSql(sort, from.k)}, ${from.u}, ${from.i}::uuid)`,
      );
    }
    orderBy = Prisma.sql`${col} ${dir}, d."uLabel" ${dir}, d.id ${dir}`;
  } else {
    if (col) conds.push(Prisma.sql`${col} IS NULL`);
    if (from) conds.push(Prisma.sql`(d."uLabel", d.id) ${cmp} (${from.u}, ${from.i}::uuid)`);
    orderBy = Prisma.sql`d."uLabel" ${dir}, d.id ${dir}`;
  }
  const filtered = Prisma.sql`SELECT * FROM "Domain" d WHERE ${Prisma.join(conds, " AND ")}`;
  // A small result (known from the total) is read whole through the filter's own index and
  // sorted; a large one is walked in the order's index until the page is full. Left to itself,
  // the planner walks the order's index for a selective filter too, hoping for an early match.
  const source = materialize
    ? Prisma.sql`WITH m AS MATERIALIZED (${filtered}) SELECT * FROM m d`
    : filtered;
  // The registrant's handle by its primary key, row by row: a join let the planner hash a Seq
  // Scan of every Handle for the export's pages of 1,000 (issue 22, bench part `explain`).
  return ctx.db.$queryRaw<Row[]>`
    SELECT d.id, d."aLabel", d."uLabel", d.state, d."managementModel", d."renewalPolicy",
      (SELECT r.handle FROM "Handle" r WHERE r.id = d."registrantId") AS registrant,
      d."crDate", d."exDate", d."suspensionReason", d."deleteAt"
    FROM (${source} ORDER BY ${orderBy} LIMIT ${take}) d
    ORDER BY ${orderBy}`;
}

/**
 * Up to `materializeUpTo` matches, a page is read through the filter and sorted (readSegment).
 * Tests lower it to walk the order's index with the demo's sixty domains.
 */
export const domainListTuning = { materializeUpTo: 5_000 };

/**
 * Up to `take` rows after (or, with `backward`, before) the keyset in the display order. Dated
 * rows come first in both directions of the sort, the undated (HELD) ones last.
 */
async function readFrom(
  ctx: CoreContext,
  where: Prisma.Sql,
  sort: DomainSort,
  direction: SortDirection,
  from: Keyset | null,
  backward: boolean,
  take: number,
  materialize: boolean,
): Promise<Row[]> {
  const order: SortDirection = backward === (direction === "asc") ? "desc" : "asc";
  if (SORT_COLUMN[sort] === null) {
    return readSegment(ctx, where, sort, "undated", order, from, take, materialize);
  }
  const segments: ("dated" | "undated")[] = backward ? ["undated", "dated"] : ["dated", "undated"];
  // Skip the segment the cursor has already left behind.
  const inUndated = from !== null && from.k === null;
  const start = from === null ? 0 : backward ? (inUndated ? 0 : 1) : inUndated ? 1 : 0;
  const rows: Row[] = [];
  for (let s = start; s < segments.length && rows.length < take; s++) {
    const segment = segments[s]!;
    const bound = s === start ? from : null;
    rows.push(
      ...(await readSegment(
        ctx,
        where,
        sort,
        segment,
        order,
        bound,
        take - rows.length,
        materialize,
      )),
    );
  }
  return rows;
}

function pageInput(input: ListDomainsInput) {
  const sort: DomainSort =
    input.sort === "expiry" || input.sort === "created" ? input.sort : "name";
  const direction: SortDirection = input.direction === "desc" ? "desc" : "asc";
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), MAX_PAGE);
  return { sort, direction, limit };
}

async function readPage(
  ctx: CoreContext,
  actor: RegistrarActor,
  input: ListDomainsInput,
  total: number,
): Promise<Omit<DomainListPage, "total">> {
  const { sort, direction, limit } = pageInput(input);
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, direction) : null;
  const where = filterSql(actor.accountId, input, ctx.clock.now());
  const backward = cursor?.p === "before";
  // A name-sorted prefix search walks the name index from its lower bound: its matches lie
  // together there, however many they are.
  const prefixByName =
    sort === "name" && input.match !== "contains" && normaliseDomainSearch(input.search) !== "";
  const materialize = total <= domainListTuning.materializeUpTo && !prefixByName;
  const rows = await readFrom(
    ctx,
    where,
    sort,
    direction,
    cursor,
    backward,
    limit + 1,
    materialize,
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const at = (row: Row, p: "after" | "before") =>
    encodeCursor({ ...keysetOf(sort, row), s: sort, d: direction, p });
  // Going forward, a previous page exists when we came from a cursor; going back, a next one does.
  const hasNext = backward ? cursor !== null : more;
  const hasPrev = backward ? more : cursor !== null;
  return {
    domains: page.map(toRow),
    nextCursor: hasNext && last ? at(last, "after") : null,
    prevCursor: hasPrev && first ? at(first, "before") : null,
  };
}

/**
 * A page of the portfolio (domain.view): filtered, sorted by name (U-label), expiry or creation in
 * either direction, with keyset cursors to the next and previous pages and the total count.
 */
export async function listDomains(
  ctx: CoreContext,
  input: ListDomainsInput = {},
): Promise<DomainListPage> {
  const actor = requirePermission(ctx.actor, "domain.view");
  // the total first: it also decides how the page is read (readSegment)
  const total = await countFor(ctx, actor, input);
  return { ...(await readPage(ctx, actor, input, total)), total };
}

async function countFor(
  ctx: CoreContext,
  actor: RegistrarActor,
  filter: DomainListFilter,
): Promise<number> {
  const rows = await ctx.db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM "Domain" d WHERE ${filterSql(actor.accountId, filter, ctx.clock.now())}`;
  return Number(rows[0]?.n ?? 0);
}

/** How many portfolio domains match the filter (dashboard tiles, result counts). */
export async function countDomains(
  ctx: CoreContext,
  filter: DomainListFilter = {},
): Promise<number> {
  const actor = requirePermission(ctx.actor, "domain.view");
  return countFor(ctx, actor, filter);
}

export const DOMAIN_CSV_HEADER = [
  "domain",
  "a_label",
  "state",
  "expiry_date",
  "renewal_policy",
  "management",
  "registrant",
  "created",
] as const;

export const DOMAIN_CSV_BATCH = 1000;

function csvRow(d: DomainListRow): CsvValue[] {
  return [
    d.uLabel,
    d.name,
    d.state,
    d.exDate,
    d.renewalPolicy,
    d.managementModel,
    d.registrant,
    d.crDate?.toISOString() ?? null,
  ];
}

async function readCsvBatch(
  ctx: CoreContext,
  actor: RegistrarActor,
  input: ListDomainsInput,
  total: number,
  at: { cursor: string | null },
): Promise<CsvValue[][]> {
  const page = await readPage(ctx, actor, input, total);
  at.cursor = page.nextCursor;
  return page.domains.map(csvRow);
}

/**
 * The CSV export of exactly the filtered, sorted list (all pages): UTF-8 with a BOM, read in
 * keyset batches of at most 1,000 rows and written as they come, so memory holds one batch. The
 * permission is checked at once, before the first chunk is asked for.
 */
export function exportDomainsCsv(
  ctx: CoreContext,
  input: Omit<ListDomainsInput, "cursor" | "limit"> & { batchSize?: number } = {},
): AsyncGenerator<string> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const batchSize = Math.min(Math.max(input.batchSize ?? DOMAIN_CSV_BATCH, 1), DOMAIN_CSV_BATCH);
  // Validate the filter now, so a bad one is refused before any byte is sent.
  filterSql(actor.accountId, input, ctx.clock.now());
  async function* batches() {
    const total = await countFor(ctx, actor, input);
    const at: { cursor: string | null } = { cursor: null };
    do {
      // No row is held across the `yield` (issue 22: what a suspended generator holds lives
      // through scavenges while the chunk is written, and is promoted to the old space).
      yield await readCsvBatch(
        ctx,
        actor,
        { ...input, cursor: at.cursor, limit: batchSize },
        total,
        at,
      );
    } while (at.cursor);
  }
  return streamCsv(DOMAIN_CSV_HEADER, batches(), { bom: true });
}

/** A file name for the export, dated by the registry's calendar: `domains-2026-11-29.csv`. */
export function domainsCsvFileName(now: Date): string {
  return `domains-${localDateOf(now)}.csv`;
}
