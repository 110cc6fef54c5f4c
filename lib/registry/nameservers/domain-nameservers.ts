import type { Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import {
  checkSetNameServers,
  type DomainView,
  lockOwnDomain,
  readDomainView,
} from "@/lib/registry/domains";
import { replaceDelegations, resolveNameServers } from "@/lib/registry/nameservers/delegation";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { isUnderDk, normaliseNameServers, replacesAll } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/registry/permissions";

// R-NS-4: a domain's 2–7 name servers. Replacing all of them removes the domain's DS records; the
// caller learns that first — `preview: true` reports the plan without changing anything, and the
// real call is refused with CONFIRMATION_REQUIRED until it says `confirmDsRemoval: true`.

export type SetNameServersInput = {
  name: string;
  nameServers: readonly string[];
  preview?: boolean;
  confirmDsRemoval?: boolean;
};

export type NameServerPlan = {
  domain: string;
  current: string[];
  next: string[];
  /** Out-of-zone hosts created on first use (R-REG-1). */
  created: string[];
  replacesAll: boolean;
  /** DS records that would be (or were) removed. */
  removesDsRecords: number;
};

export type SetNameServersResult =
  | { preview: true; plan: NameServerPlan }
  | { preview: false; plan: NameServerPlan; domain: DomainView };

async function planFor(
  tx: Tx,
  input: SetNameServersInput,
  domain: { id: string; aLabel: string },
): Promise<NameServerPlan> {
  const next = normaliseNameServers(domain.aLabel, input.nameServers);
  const current = await tx.delegation.findMany({
    where: { domainId: domain.id },
    orderBy: { position: "asc" },
    select: { nameServer: { select: { host: true } } },
  });
  const currentHosts = current.map((d) => d.nameServer.host);
  const existing = await tx.nameServer.findMany({
    where: { host: { in: next } },
    select: { host: true, markedForDeletionAt: true },
  });
  const known = new Map(existing.map((ns) => [ns.host, ns]));
  for (const host of next) {
    const ns = known.get(host);
    if (ns?.markedForDeletionAt && !currentHosts.includes(host)) {
      throw new RegistryError(
        "NAMESERVER_MARKED_FOR_DELETION",
        `Name server ${host} is marked for deletion and cannot be used for ${domain.aLabel}`,
        { host, field: "nameServers" },
      );
    }
    if (!ns && isUnderDk(host)) {
      throw new RegistryError(
        "NOT_FOUND",
        `Name server ${host} does not exist; a host under .dk must be created before ${domain.aLabel} can use it`,
        { host, field: "nameServers" },
      );
    }
  }
  const all = replacesAll(currentHosts, next);
  const ds = all ? await tx.dsRecord.count({ where: { domainId: domain.id } }) : 0;
  return {
    domain: domain.aLabel,
    current: currentHosts,
    next,
    created: next.filter((h) => !known.has(h)),
    replacesAll: all,
    removesDsRecords: ds,
  } satisfies NameServerPlan;
}

export async function setNameServers(
  ctx: CoreContext,
  input: SetNameServersInput,
): Promise<SetNameServersResult> {
  if (input.preview) return previewNameServers(ctx, input);
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.setNameServers",
      verb: "domain.setNameServers",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      checkSetNameServers(domain);
      const plan = await planFor(tx, input, domain);
      if (plan.removesDsRecords > 0 && input.confirmDsRemoval !== true) {
        throw new RegistryError(
          "CONFIRMATION_REQUIRED",
          `Replacing all name servers of ${domain.aLabel} removes its ${plan.removesDsRecords} DS record(s); confirm to go ahead`,
          { removesDsRecords: plan.removesDsRecords, field: "confirmDsRemoval" },
        );
      }
      const account = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
        select: { handleId: true },
      });
      const ids = await resolveNameServers(tx, {
        domainName: domain.aLabel,
        hosts: plan.next,
        nsaHandleId: account.handleId,
        managementModel: domain.managementModel,
        now,
        alreadyDelegated: plan.current,
      });
      await replaceDelegations(tx, domain.id, ids, plan.removesDsRecords > 0);
      Object.assign(audit, {
        before: { nameServers: plan.current },
        after: { nameServers: plan.next, removedDsRecords: plan.removesDsRecords },
      });
      return { preview: false as const, plan, domain: await readDomainView(tx, domain.id) };
    },
  );
}

/** The plan without a transaction that writes: not audited, nothing changes. */
async function previewNameServers(
  ctx: CoreContext,
  input: SetNameServersInput,
): Promise<SetNameServersResult> {
  const actor = requirePermission(ctx.actor, "domain.setNameServers");
  return ctx.db.$transaction(async (tx) => {
    const domain = await lockOwnDomain(tx, actor.accountId, input.name);
    return { preview: true as const, plan: await planFor(tx, input, domain) };
  });
}
