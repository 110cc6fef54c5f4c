import type { Prisma } from "@/lib/db/client";
import type { ManagementModel } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { requirePermission } from "@/lib/registry/permissions";

// The read side of name servers (nameserver.view), scoped to the portfolio: NSA handle linked to
// the account.

export type NameServerListItem = {
  host: string;
  nsaHandle: string;
  managementModel: ManagementModel;
  glueV4: string[];
  glueV6: string[];
  superordinateDomain: string | null;
  markedForDeletion: boolean;
  /** Domains of the own portfolio delegating to it, by name. */
  domains: string[];
  /** Domains of other registrars delegating to it: counted, never named. */
  otherDomains: number;
};

export async function listNameServers(
  ctx: CoreContext,
  input: { search?: string; markedForDeletion?: boolean; limit?: number } = {},
): Promise<NameServerListItem[]> {
  const actor = requirePermission(ctx.actor, "nameserver.view");
  const where: Prisma.NameServerWhereInput = { nsaHandle: { accountId: actor.accountId } };
  const search = input.search?.trim().toLowerCase().replace(/\.$/, "");
  if (search) where.host = { contains: search };
  if (input.markedForDeletion !== undefined) {
    where.markedForDeletionAt = input.markedForDeletion ? { not: null } : null;
  }
  const rows = await ctx.db.nameServer.findMany({
    where,
    orderBy: { host: "asc" },
    take: Math.min(Math.max(input.limit ?? 200, 1), 1000),
    select: {
      host: true,
      managementModel: true,
      glueV4: true,
      glueV6: true,
      markedForDeletionAt: true,
      nsaHandle: { select: { handle: true } },
      superordinateDomain: { select: { aLabel: true } },
      delegations: {
        select: { domain: { select: { aLabel: true, registrarId: true } } },
        orderBy: { domain: { aLabel: "asc" } },
      },
    },
  });
  return rows.map((ns) => {
    const own = ns.delegations.filter((d) => d.domain.registrarId === actor.accountId);
    return {
      host: ns.host,
      nsaHandle: ns.nsaHandle.handle,
      managementModel: ns.managementModel,
      glueV4: ns.glueV4,
      glueV6: ns.glueV6,
      superordinateDomain: ns.superordinateDomain?.aLabel ?? null,
      markedForDeletion: ns.markedForDeletionAt !== null,
      domains: own.map((d) => d.domain.aLabel),
      otherDomains: ns.delegations.length - own.length,
    };
  });
}
