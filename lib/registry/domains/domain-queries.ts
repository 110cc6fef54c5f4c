import type { Prisma } from "@/lib/db/client";
import type { DomainState, ManagementModel, RenewalPolicy } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import {
  type DomainView,
  domainNotFound,
  domainViewSelect,
  toDomainView,
} from "@/lib/registry/domains/domain-view";
import { RegistryError } from "@/lib/registry/errors";
import { requirePermission } from "@/lib/registry/permissions";
import { parseDomainName, parseRegistryDate, registryDateToDb } from "@/lib/registry/rules";

// The read side of domains (domain.view), always scoped to the actor's portfolio.

export async function getDomain(ctx: CoreContext, input: { name: string }): Promise<DomainView> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const { aLabel } = parseDomainName(input.name);
  const row = await ctx.db.domain.findFirst({
    where: { liveName: aLabel, registrarId: actor.accountId },
    select: domainViewSelect,
  });
  if (!row) throw domainNotFound(aLabel);
  return toDomainView(row);
}

export type ListDomainsInput = {
  /** Matched against the A-label and the U-label, lower-cased. */
  search?: string;
  match?: "prefix" | "contains";
  /** Default: the live states (HELD, ACTIVE, SUSPENDED). */
  states?: readonly DomainState[];
  renewalPolicy?: RenewalPolicy;
  managementModel?: ManagementModel;
  /** Inclusive exDate range, `YYYY-MM-DD`. */
  expiresFrom?: string;
  expiresTo?: string;
  /** Registrant handle, e.g. JCA1-DK. */
  registrant?: string;
  /** The nextCursor of the previous page. */
  cursor?: string | null;
  limit?: number;
};

const MAX_PAGE = 200;

function encodeCursor(aLabel: string, id: string) {
  return Buffer.from(JSON.stringify([aLabel, id])).toString("base64url");
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

/** A page of the portfolio sorted by A-label (keyset pagination on aLabel, id). */
export async function listDomains(
  ctx: CoreContext,
  input: ListDomainsInput = {},
): Promise<{ domains: DomainView[]; nextCursor: string | null }> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE);
  const and = portfolioFilter(actor.accountId, input);
  if (input.cursor) {
    const [aLabel, id] = decodeCursor(input.cursor);
    and.push({ OR: [{ aLabel: { gt: aLabel } }, { aLabel, id: { gt: id } }] });
  }
  const rows = await ctx.db.domain.findMany({
    where: { AND: and },
    orderBy: [{ aLabel: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: domainViewSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    domains: page.map(toDomainView),
    nextCursor: rows.length > limit && last ? encodeCursor(last.aLabel, last.id) : null,
  };
}

/** How many portfolio domains match the filters of listDomains (dashboard tiles, result counts). */
export async function countDomains(
  ctx: CoreContext,
  input: Omit<ListDomainsInput, "cursor" | "limit"> = {},
): Promise<number> {
  const actor = requirePermission(ctx.actor, "domain.view");
  return ctx.db.domain.count({ where: { AND: portfolioFilter(actor.accountId, input) } });
}

function portfolioFilter(accountId: string, input: ListDomainsInput): Prisma.DomainWhereInput[] {
  const and: Prisma.DomainWhereInput[] = [
    { registrarId: accountId },
    { state: { in: [...(input.states ?? ["HELD", "ACTIVE", "SUSPENDED"])] } },
  ];
  const search = input.search?.trim().toLowerCase().replace(/\.$/, "");
  if (search) {
    const op = input.match === "contains" ? "contains" : "startsWith";
    and.push({ OR: [{ aLabel: { [op]: search } }, { uLabel: { [op]: search.normalize("NFC") } }] });
  }
  if (input.renewalPolicy) and.push({ renewalPolicy: input.renewalPolicy });
  if (input.managementModel) and.push({ managementModel: input.managementModel });
  if (input.expiresFrom)
    and.push({ exDate: { gte: registryDateToDb(parseRegistryDate(input.expiresFrom)) } });
  if (input.expiresTo)
    and.push({ exDate: { lte: registryDateToDb(parseRegistryDate(input.expiresTo)) } });
  if (input.registrant) and.push({ registrant: { handle: input.registrant.trim().toUpperCase() } });
  return and;
}
