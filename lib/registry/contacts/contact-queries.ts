import type { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";
import type { ContactType } from "@/lib/registry/rules";
import { type ContactView, contactSelect, toContactView } from "./contact-view";
import { findPortfolioHandle } from "./handles";

// The read side of contacts (contact.view: Proxy, and the Registrar who picks registrants). The
// contacts are the handles linked to the actor's account (its portfolio, DESIGN.md §1); another
// registrar's handle is NOT_FOUND, as if it did not exist. Merged handles are gone.

export type ListContactsInput = {
  /** Part of the name, organisation, email, handle id or CVR number; any case. */
  search?: string;
  type?: ContactType;
  /** The register form picks registrants of the domain's management model (R-REG-3). */
  managementModel?: "REGISTRAR" | "REGISTRANT";
  /** Default: by name (then handle id); or by handle id. */
  sort?: "name" | "handle";
  dir?: "asc" | "desc";
  /** A cursor of a previous answer: nextCursor reads on, prevCursor (with backward) reads back. */
  cursor?: string | null;
  backward?: boolean;
  limit?: number;
};

export type ContactPage = {
  contacts: ContactView[];
  nextCursor: string | null;
  /** Set when rows come before this page (read them with backward: true). */
  prevCursor: string | null;
};

const MAX_PAGE = 200;

function encodeCursor(key: string, handle: string) {
  return Buffer.from(JSON.stringify([key, handle])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string")) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  throw new RegistryError("VALIDATION_FAILED", "The page cursor is invalid", { field: "cursor" });
}

function contactFilter(accountId: string, input: ListContactsInput): Prisma.HandleWhereInput[] {
  const and: Prisma.HandleWhereInput[] = [{ accountId, mergedIntoId: null }];
  const search = input.search?.trim();
  if (search) {
    const contains = { contains: search, mode: "insensitive" as const };
    const digits = search.replace(/^DK/i, "").replace(/\s+/g, "");
    and.push({
      OR: [
        { name: contains },
        { organisation: contains },
        { email: contains },
        { handle: contains },
        ...(/^\d+$/.test(digits)
          ? [{ vatNumber: { contains: digits } }, { ean: { contains: digits } }]
          : []),
      ],
    });
  }
  if (input.type) and.push({ type: input.type });
  if (input.managementModel) and.push({ managementModel: input.managementModel });
  return and;
}

/**
 * A page of the account's contacts, keyset-paginated on (name, handle) or on handle: a page reads
 * on from `nextCursor`, or back from `prevCursor` with `backward`, in the same order.
 */
export async function listContacts(
  ctx: CoreContext,
  input: ListContactsInput = {},
): Promise<ContactPage> {
  const actor = requirePermission(ctx.actor, "contact.view");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE);
  const byName = (input.sort ?? "name") === "name";
  const descending = input.dir === "desc";
  const backward = Boolean(input.backward && input.cursor);
  // reading backwards walks the order the other way, then turns the page around
  const order: "asc" | "desc" = descending !== backward ? "desc" : "asc";
  const and = contactFilter(actor.accountId, input);
  if (input.cursor) {
    const [key, handle] = decodeCursor(input.cursor);
    const beyond = order === "asc" ? "gt" : "lt";
    and.push(
      byName
        ? { OR: [{ name: { [beyond]: key } }, { name: key, handle: { [beyond]: handle } }] }
        : { handle: { [beyond]: handle } },
    );
  }
  const rows = await ctx.db.handle.findMany({
    where: { AND: and },
    orderBy: byName ? [{ name: order }, { handle: order }] : [{ handle: order }],
    take: limit + 1,
    select: contactSelect,
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  const first = page.at(0);
  const last = page.at(-1);
  const cursorOf = (row: { name: string; handle: string }) =>
    encodeCursor(byName ? row.name : row.handle, row.handle);
  return {
    contacts: page.map(toContactView),
    nextCursor: last && (backward ? true : more) ? cursorOf(last) : null,
    prevCursor: first && (backward ? more : Boolean(input.cursor)) ? cursorOf(first) : null,
  };
}

/** How many of the account's contacts match the filters of listContacts. */
export async function countContacts(
  ctx: CoreContext,
  input: Omit<ListContactsInput, "cursor" | "limit"> = {},
): Promise<number> {
  const actor = requirePermission(ctx.actor, "contact.view");
  return ctx.db.handle.count({ where: { AND: contactFilter(actor.accountId, input) } });
}

export type ContactDomain = { name: string; state: string; exDate: Date | null };

export type ContactHistoryEvent = {
  id: number;
  at: Date;
  operation: string;
  actorLabel: string;
  outcome: "SUCCESS" | "REFUSED";
  errorCode: string | null;
  before: unknown;
  after: unknown;
};

export type ContactDetails = ContactView & {
  /** The account's live domains that use the contact, by role; at most DOMAINS_SHOWN each. */
  domains: { registrant: ContactDomain[]; proxy: ContactDomain[]; payer: ContactDomain[] };
  /** How many of the account's live domains use it in each role (the lists may be cut short). */
  domainCounts: { registrant: number; proxy: number; payer: number };
  /** Name servers it administers (NSA). */
  nameServers: string[];
  /** Events on the handle recorded under the account, newest first (at most HISTORY_SHOWN). */
  history: ContactHistoryEvent[];
};

export const DOMAINS_SHOWN = 100;
export const HISTORY_SHOWN = 100;

/** One contact with its domains by role and its history (R-CON-1). */
export async function getContact(
  ctx: CoreContext,
  input: { handle: string },
): Promise<ContactDetails> {
  const actor = requirePermission(ctx.actor, "contact.view");
  const found = await findPortfolioHandle(ctx.db, actor.accountId, input.handle, "handle");
  const row = await ctx.db.handle.findUniqueOrThrow({
    where: { id: found.id },
    select: contactSelect,
  });
  const own = { registrarId: actor.accountId, state: { not: "DELETED" as const } };
  const domainSelect = { uLabel: true, state: true, exDate: true } as const;
  const byRole = (where: Prisma.DomainWhereInput) =>
    Promise.all([
      ctx.db.domain.findMany({
        where: { ...own, ...where },
        select: domainSelect,
        orderBy: { aLabel: "asc" },
        take: DOMAINS_SHOWN,
      }),
      ctx.db.domain.count({ where: { ...own, ...where } }),
    ]);
  const [
    [registrant, registrantCount],
    [proxy, proxyCount],
    [payer, payerCount],
    nameServers,
    history,
  ] = await Promise.all([
    byRole({ registrantId: row.id }),
    byRole({ proxyId: row.id }),
    byRole({ payerId: row.id }),
    ctx.db.nameServer.findMany({
      where: { nsaHandleId: row.id },
      select: { host: true },
      orderBy: { host: "asc" },
    }),
    ctx.db.auditEvent.findMany({
      where: { accountId: actor.accountId, objectType: "Handle", objectId: row.id },
      orderBy: { id: "desc" },
      take: HISTORY_SHOWN,
    }),
  ]);
  const toDomain = (d: { uLabel: string; state: string; exDate: Date | null }): ContactDomain => ({
    name: d.uLabel,
    state: d.state,
    exDate: d.exDate,
  });
  return {
    ...toContactView(row),
    domains: {
      registrant: registrant.map(toDomain),
      proxy: proxy.map(toDomain),
      payer: payer.map(toDomain),
    },
    domainCounts: { registrant: registrantCount, proxy: proxyCount, payer: payerCount },
    nameServers: nameServers.map((n) => n.host),
    history: history.map((e) => ({
      id: e.id,
      at: e.at,
      operation: e.operation,
      actorLabel: e.actorLabel,
      outcome: e.outcome,
      errorCode: e.errorCode,
      before: e.before,
      after: e.after,
    })),
  };
}
