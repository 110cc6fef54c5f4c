import type { Tx } from "@/lib/db/client";
import type { ManagementModel } from "@/lib/db/generated/enums";
import { RegistryError } from "@/lib/registry/errors";
import { isUnderDk } from "@/lib/registry/rules";

// Name servers named in a registration (R-REG-1): existing hosts are used as they are; an
// out-of-zone host is created on first use with the registrar's handle as NSA and the domain's
// management model; a host under .dk must already exist (its glue lives in the registry).

export async function resolveNameServers(
  tx: Tx,
  input: {
    domainName: string;
    hosts: readonly string[];
    nsaHandleId: string;
    managementModel: ManagementModel;
    now: Date;
    /**
     * Hosts the domain already delegates to: it may keep one that is marked for deletion
     * (R-DEL-3 keeps those in use) but not add one.
     */
    alreadyDelegated?: readonly string[];
  },
): Promise<string[]> {
  // one raw statement (issue 22: every registration runs it)
  const existing = await tx.$queryRaw<
    { id: string; host: string; markedForDeletionAt: Date | null }[]
  >`SELECT id, host, "markedForDeletionAt" FROM "NameServer" WHERE host = ANY(${[...input.hosts]}::text[])`;
  const byHost = new Map(existing.map((ns) => [ns.host, ns]));
  const ids: string[] = [];
  for (const host of input.hosts) {
    const found = byHost.get(host);
    if (found?.markedForDeletionAt && !input.alreadyDelegated?.includes(host)) {
      throw new RegistryError(
        "NAMESERVER_MARKED_FOR_DELETION",
        `Name server ${host} is marked for deletion and cannot be used for ${input.domainName}`,
        { host, field: "nameServers" },
      );
    }
    if (found) {
      ids.push(found.id);
      continue;
    }
    if (isUnderDk(host)) {
      throw new RegistryError(
        "NOT_FOUND",
        `Name server ${host} does not exist; a host under .dk must be created before ${input.domainName} can use it`,
        { host, field: "nameServers" },
      );
    }
    // ON CONFLICT: another registration may create the same out-of-zone host concurrently.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "NameServer" (host, "nsaHandleId", "managementModel", "glueV4", "glueV6", "createdAt", "updatedAt")
      VALUES (${host}, ${input.nsaHandleId}::uuid, ${input.managementModel}::"ManagementModel",
        '{}', '{}', ${input.now}, ${input.now})
      ON CONFLICT (host) DO UPDATE SET host = EXCLUDED.host
      RETURNING id`;
    ids.push(rows[0]!.id);
  }
  return ids;
}

/**
 * R-NS-4: the domain's delegations become `nameServerIds`, in that order; when every name server
 * was replaced the DS records go too (callers confirm that first). Returns the DS records removed.
 */
export async function replaceDelegations(
  tx: Tx,
  domainId: string,
  nameServerIds: readonly string[],
  removeDsRecords: boolean,
): Promise<number> {
  await tx.delegation.deleteMany({ where: { domainId } });
  await tx.delegation.createMany({
    data: nameServerIds.map((nameServerId, position) => ({ domainId, nameServerId, position })),
  });
  return removeDsRecords ? (await tx.dsRecord.deleteMany({ where: { domainId } })).count : 0;
}
