import { domainToASCII } from "node:url";

import type { Prisma } from "@/lib/db/client";
import type { ManagementModel } from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { isRegistryError } from "@/lib/registry/errors";
import {
  nameServerNotFound,
  requireNameServerAdministrator,
} from "@/lib/registry/nameservers/nameserver-scope";
import { can, requirePermission } from "@/lib/registry/permissions";
import { isUnderDk, parseHostName, superordinateDomain } from "@/lib/registry/rules";

// What the name-server pages need and must not guess (issue 17): a searchable list with the
// number of domains using each host, R-NS-1 "may this host have glue, and if not why", and who may
// change the administrator or delete a host (R-NS-2/3), answered by the rules the operations use.

export type GlueEligibility =
  | { allowed: true; host: string; domain: string; exists: boolean }
  | {
      allowed: false;
      host: string | null;
      /** Why not: the host is invalid, outside .dk, under an unregistered or another's domain. */
      reason: "INVALID_HOST" | "OUT_OF_ZONE" | "DOMAIN_NOT_REGISTERED" | "NOT_IN_PORTFOLIO";
      domain: string | null;
      exists: boolean;
    };

/**
 * R-NS-1 as a question the create form asks while the host is typed: glue only for a host under a
 * registered .dk domain of the portfolio. `exists` says the host is already registered (creating
 * it again is CONFLICT). Whether a host exists and whether a .dk name is registered is public.
 */
export async function checkGlueEligibility(
  ctx: CoreContext,
  input: { host: string },
): Promise<GlueEligibility> {
  const actor = requirePermission(ctx.actor, "nameserver.create");
  let host: string;
  try {
    host = parseHostName(input.host);
  } catch (error) {
    if (isRegistryError(error)) return { allowed: false, host: null, reason: "INVALID_HOST", domain: null, exists: false };
    throw error;
  }
  const exists = (await ctx.db.nameServer.count({ where: { host } })) > 0;
  const parent = superordinateDomain(host);
  if (!parent) return { allowed: false, host, reason: "OUT_OF_ZONE", domain: null, exists };
  const domain = await ctx.db.domain.findFirst({
    where: { liveName: parent, state: { in: ["ACTIVE", "SUSPENDED"] } },
    select: { registrarId: true },
  });
  if (!domain) return { allowed: false, host, reason: "DOMAIN_NOT_REGISTERED", domain: parent, exists };
  if (domain.registrarId !== actor.accountId) {
    return { allowed: false, host, reason: "NOT_IN_PORTFOLIO", domain: parent, exists };
  }
  return { allowed: true, host, domain: parent, exists };
}

export type NameServerRow = {
  host: string;
  nsaHandle: string;
  managementModel: ManagementModel;
  glueV4: string[];
  glueV6: string[];
  markedForDeletion: boolean;
  /** Domains of the own portfolio using the host (named on its page). */
  ownDomains: number;
  /** Domains of other registrars using it: counted, never named. */
  otherDomains: number;
};

export type NameServerPage = {
  rows: NameServerRow[];
  /** Hosts matching the search on all pages. */
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
};

/** A search as typed: lower case, no trailing dot, an IDN part in A-labels. */
function normaliseSearch(input: string | undefined): string {
  const text = (input ?? "").trim().toLowerCase().replace(/\.$/, "");
  if (!text || /^[\x00-\x7f]*$/.test(text)) return text;
  // "søbakke.dk" or "søbakke": both match the stored A-label
  const ascii = domainToASCII(text.includes(".") ? text : `${text}.dk`);
  return ascii ? (text.includes(".") ? ascii : ascii.replace(/\.dk$/, "")) : text;
}

/**
 * The portfolio's name servers (NSA handle linked to the account), ordered by host, a page at a
 * time (keyset on host: `cursor` is the last host shown going forward, the first going backward).
 * Counts instead of domain lists, so a host used by thousands of domains costs two grouped counts.
 */
export async function searchNameServers(
  ctx: CoreContext,
  input: { search?: string; dir?: "asc" | "desc"; limit?: number; cursor?: string | null; backward?: boolean } = {},
): Promise<NameServerPage> {
  const actor = requirePermission(ctx.actor, "nameserver.view");
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 200);
  const dir = input.dir ?? "asc";
  const search = normaliseSearch(input.search);
  const where: Prisma.NameServerWhereInput = { nsaHandle: { accountId: actor.accountId } };
  if (search) where.host = { contains: search };
  const backward = input.backward === true && !!input.cursor;
  // reading backward walks the other way from the cursor, then shows the rows in display order
  const walk: "asc" | "desc" = backward ? (dir === "asc" ? "desc" : "asc") : dir;
  const keyset: Prisma.NameServerWhereInput | null = input.cursor
    ? { host: walk === "asc" ? { gt: input.cursor } : { lt: input.cursor } }
    : null;
  const [total, found] = await Promise.all([
    ctx.db.nameServer.count({ where }),
    ctx.db.nameServer.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      orderBy: { host: walk },
      take: limit + 1,
      select: {
        id: true,
        host: true,
        managementModel: true,
        glueV4: true,
        glueV6: true,
        markedForDeletionAt: true,
        nsaHandle: { select: { handle: true } },
      },
    }),
  ]);
  const more = found.length > limit;
  const page = found.slice(0, limit);
  if (backward) page.reverse();
  const ids = page.map((ns) => ns.id);
  const [all, own] = ids.length
    ? await Promise.all([
        ctx.db.delegation.groupBy({ by: ["nameServerId"], where: { nameServerId: { in: ids } }, _count: { _all: true } }),
        ctx.db.delegation.groupBy({
          by: ["nameServerId"],
          where: { nameServerId: { in: ids }, domain: { registrarId: actor.accountId } },
          _count: { _all: true },
        }),
      ])
    : [[], []];
  const count = (groups: typeof all, id: string) => groups.find((g) => g.nameServerId === id)?._count._all ?? 0;
  const first = page[0]?.host ?? null;
  const last = page[page.length - 1]?.host ?? null;
  return {
    total,
    nextCursor: backward ? last : more ? last : null,
    prevCursor: backward ? (more ? first : null) : input.cursor ? first : null,
    rows: page.map((ns) => {
      const ownDomains = count(own, ns.id);
      return {
        host: ns.host,
        nsaHandle: ns.nsaHandle.handle,
        managementModel: ns.managementModel,
        glueV4: ns.glueV4,
        glueV6: ns.glueV6,
        markedForDeletion: ns.markedForDeletionAt !== null,
        ownDomains,
        otherDomains: count(all, ns.id) - ownDomains,
      };
    }),
  };
}

/** Why an action on a name server is not offered to this user. */
export type NameServerRefusal = "NOT_PERMITTED" | "REGISTRANT_MANAGED" | "MARKED_FOR_DELETION";

export type NameServerDetail = {
  host: string;
  nsaHandle: string;
  managementModel: ManagementModel;
  glueV4: string[];
  glueV6: string[];
  /** The .dk domain the host sits under (null outside .dk). */
  superordinateDomain: string | null;
  markedForDeletion: boolean;
  markedForDeletionAt: Date | null;
  glue: GlueEligibility;
  /** The own portfolio's domains using it, by name (at most 500; `ownDomains` counts them all). */
  domains: string[];
  ownDomains: number;
  otherDomains: number;
  /**
   * R-NS-2/3 as data: the meta-roles that may change the administrator and delete this host
   * (the NSA always; the Registrar too when it is registrar-managed).
   */
  administeredBy: ("NSA" | "REGISTRAR")[];
  /** What this user may do, and if not, why (null when allowed). */
  refusals: {
    editGlue: NameServerRefusal | null;
    changeAdministrator: NameServerRefusal | null;
    delete: NameServerRefusal | null;
  };
};

function refusalFor(
  actor: RegistrarActor,
  verb: "nameserver.update" | "nameserver.changeAdministrator" | "nameserver.delete",
  ns: { host: string; managementModel: ManagementModel; markedForDeletionAt: Date | null },
  objectGrant: boolean,
): NameServerRefusal | null {
  // R-DEL-3: read-only while marked; the lifecycle removes it once no domain uses it
  if (ns.markedForDeletionAt) return "MARKED_FOR_DELETION";
  const granted = can(actor, verb) || (objectGrant && actor.metaRoles.includes("REGISTRAR"));
  if (!granted) return "NOT_PERMITTED";
  try {
    requireNameServerAdministrator(actor, ns);
    return null;
  } catch (error) {
    if (isRegistryError(error)) return "REGISTRANT_MANAGED";
    throw error;
  }
}

/** The name server's page (nameserver.view): another registrar's or an unknown host is NOT_FOUND. */
export async function getNameServer(ctx: CoreContext, input: { host: string }): Promise<NameServerDetail> {
  const actor = requirePermission(ctx.actor, "nameserver.view");
  let host: string;
  try {
    host = parseHostName(input.host);
  } catch (error) {
    if (isRegistryError(error)) throw nameServerNotFound(input.host);
    throw error;
  }
  const ns = await ctx.db.nameServer.findFirst({
    where: { host, nsaHandle: { accountId: actor.accountId } },
    select: {
      id: true,
      host: true,
      managementModel: true,
      glueV4: true,
      glueV6: true,
      markedForDeletionAt: true,
      nsaHandle: { select: { handle: true } },
    },
  });
  if (!ns) throw nameServerNotFound(host);
  const [domains, ownDomains, allDomains, glue] = await Promise.all([
    ctx.db.delegation.findMany({
      where: { nameServerId: ns.id, domain: { registrarId: actor.accountId } },
      select: { domain: { select: { aLabel: true } } },
      orderBy: { domain: { aLabel: "asc" } },
      take: 500,
    }),
    ctx.db.delegation.count({ where: { nameServerId: ns.id, domain: { registrarId: actor.accountId } } }),
    ctx.db.delegation.count({ where: { nameServerId: ns.id } }),
    can(actor, "nameserver.create")
      ? checkGlueEligibility(ctx, { host })
      : Promise.resolve<GlueEligibility>({
          allowed: false,
          host,
          reason: isUnderDk(host) ? "NOT_IN_PORTFOLIO" : "OUT_OF_ZONE",
          domain: superordinateDomain(host),
          exists: true,
        }),
  ]);
  return {
    host: ns.host,
    nsaHandle: ns.nsaHandle.handle,
    managementModel: ns.managementModel,
    glueV4: ns.glueV4,
    glueV6: ns.glueV6,
    superordinateDomain: superordinateDomain(ns.host),
    markedForDeletion: ns.markedForDeletionAt !== null,
    markedForDeletionAt: ns.markedForDeletionAt,
    glue,
    domains: domains.map((d) => d.domain.aLabel),
    ownDomains,
    otherDomains: allDomains - ownDomains,
    administeredBy: ns.managementModel === "REGISTRAR" ? ["NSA", "REGISTRAR"] : ["NSA"],
    refusals: {
      editGlue: refusalFor(actor, "nameserver.update", ns, false),
      changeAdministrator: refusalFor(actor, "nameserver.changeAdministrator", ns, true),
      delete: refusalFor(actor, "nameserver.delete", ns, true),
    },
  };
}
