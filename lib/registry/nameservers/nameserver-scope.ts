import type { Tx } from "@/lib/db/client";
import type { RegistrarActor } from "@/lib/registry/actor";
import { RegistryError } from "@/lib/registry/errors";
import { parseHostName, superordinateDomain } from "@/lib/registry/rules";

// Portfolio lookups for name servers (DESIGN.md §1): a name server belongs to the portfolio when
// its NSA handle is linked to the account. Anything else is NOT_FOUND, like a host nobody created.

export const nameServerSelect = {
  id: true,
  host: true,
  managementModel: true,
  glueV4: true,
  glueV6: true,
  markedForDeletionAt: true,
  superordinateDomainId: true,
  nsaHandle: { select: { handle: true, accountId: true } },
} as const;

export function nameServerNotFound(host: string): RegistryError {
  return new RegistryError("NOT_FOUND", `Name server ${host} not found`, { field: "host" });
}

/** The name server of this host in the account's portfolio, row-locked for the transaction. */
export async function lockOwnNameServer(tx: Tx, accountId: string, input: string) {
  const host = parseHostName(input);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT ns.id FROM "NameServer" ns JOIN "Handle" h ON h.id = ns."nsaHandleId"
    WHERE ns.host = ${host} AND h."accountId" = ${accountId}::uuid
    FOR UPDATE OF ns`;
  const id = rows[0]?.id;
  if (!id) throw nameServerNotFound(host);
  return tx.nameServer.findUniqueOrThrow({ where: { id }, select: nameServerSelect });
}

/**
 * R-NS-2/R-NS-3: a Registrar (without the NSA meta-role) may act only on registrar-managed name
 * servers; a registrant-managed one only by its current NSA (the account's NSA users).
 */
export function requireNameServerAdministrator(
  actor: RegistrarActor,
  ns: { host: string; managementModel: "REGISTRAR" | "REGISTRANT" },
): void {
  if (actor.metaRoles.includes("NSA")) return;
  if (ns.managementModel === "REGISTRAR" && actor.metaRoles.includes("REGISTRAR")) return;
  throw new RegistryError(
    "NOT_AUTHORIZED",
    `Name server ${ns.host} is registrant-managed; only its name server administrator may change it`,
    { reason: "REGISTRANT_MANAGED" },
  );
}

export function refuseMarkedForDeletion(ns: { host: string; markedForDeletionAt: Date | null }) {
  if (ns.markedForDeletionAt) {
    throw new RegistryError(
      "NAMESERVER_MARKED_FOR_DELETION",
      `Name server ${ns.host} is marked for deletion and cannot be changed`,
      { host: ns.host },
    );
  }
}

/**
 * The superordinate domain of an in-zone host (R-NS-1): it must exist (live and not HELD). Returns
 * null for out-of-zone hosts; `inPortfolio` says whether glue is allowed.
 */
export async function findSuperordinate(tx: Tx, accountId: string, host: string) {
  const parent = superordinateDomain(host);
  if (!parent) return null;
  const domain = await tx.domain.findFirst({
    where: { liveName: parent, state: { in: ["ACTIVE", "SUSPENDED"] } },
    select: { id: true, aLabel: true, registrarId: true },
  });
  if (!domain) {
    throw new RegistryError(
      "NOT_FOUND",
      `Name server ${host} cannot exist: its domain ${parent} is not registered`,
      { field: "host", domain: parent },
    );
  }
  return { id: domain.id, name: domain.aLabel, inPortfolio: domain.registrarId === accountId };
}

export function refuseGlueOutsidePortfolio(
  host: string,
  parent: { name: string; inPortfolio: boolean } | null,
  glue: { ipv4: readonly string[]; ipv6: readonly string[] },
) {
  const hasGlue = glue.ipv4.length > 0 || glue.ipv6.length > 0;
  if (hasGlue && parent && !parent.inPortfolio) {
    throw new RegistryError(
      "GLUE_NOT_ALLOWED",
      `Name server ${host} is under ${parent.name}, which is not in your portfolio; it cannot have glue`,
      { host },
    );
  }
}

/** Domains delegating to a name server: the own portfolio's by name, others only counted. */
export async function describeUsers(tx: Tx, accountId: string, nameServerId: string) {
  const rows = await tx.delegation.findMany({
    where: { nameServerId },
    select: { domain: { select: { aLabel: true, registrarId: true } } },
    orderBy: { domain: { aLabel: "asc" } },
  });
  const own = rows.filter((r) => r.domain.registrarId === accountId).map((r) => r.domain.aLabel);
  return { domains: own, otherRegistrars: rows.length - own.length, total: rows.length };
}
