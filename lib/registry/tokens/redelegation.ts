import type { CoreContext } from "@/lib/registry/context";
import { replaceDelegations, resolveNameServers } from "@/lib/registry/nameservers";
import { type DomainView, readDomainView } from "@/lib/registry/domains";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/messages";
import { normaliseNameServers, replacesAll } from "@/lib/registry/rules";
import { runTokenOperation } from "@/lib/registry/tokens/token-use";

// R-TOK-4: with a valid redelegation token the receiving account's NSA sets the domain's name
// servers once (2–7, the host rules of registration). Replacing all of them removes the DS
// records (R-NS-4); the caller must confirm that (CONFIRMATION_REQUIRED until confirmDsRemoval).

export type RedelegateInput = {
  name: string;
  token: string;
  nameServers: readonly string[];
  confirmDsRemoval?: boolean;
};

export type RedelegateResult = { domain: DomainView; removedDsRecords: number };

export async function redelegateDomain(
  ctx: CoreContext,
  input: RedelegateInput,
): Promise<RedelegateResult> {
  return runTokenOperation(
    ctx,
    {
      name: "domain.redelegate",
      verb: "domain.redelegate",
      objectType: "Domain",
      objectLabel: input.name,
    },
    {
      kind: "REDEL",
      name: input.name,
      token: input.token,
      prepare: (aLabel) => normaliseNameServers(aLabel, input.nameServers),
    },
    async ({ tx, actor, now, audit }, { aLabel, claimed, prepared: hosts }) => {
      const domain = await tx.domain.findUniqueOrThrow({
        where: { id: claimed.domainId },
        include: {
          delegations: { orderBy: { position: "asc" }, include: { nameServer: true } },
          _count: { select: { dsRecords: true } },
        },
      });
      if (domain.state !== "ACTIVE") {
        throw new RegistryError(
          "DOMAIN_NOT_TRANSFERABLE",
          `Domain ${domain.uLabel} cannot be redelegated while ${domain.state.toLowerCase()}`,
          { reason: "NOT_ACTIVE", state: domain.state },
        );
      }
      const current = domain.delegations.map((d) => d.nameServer.host);
      const removesDs = replacesAll(current, hosts) && domain._count.dsRecords > 0;
      if (removesDs && !input.confirmDsRemoval) {
        throw new RegistryError(
          "CONFIRMATION_REQUIRED",
          `Replacing every name server of ${domain.uLabel} removes its ${domain._count.dsRecords} DS records; confirm to go ahead`,
          { reason: "DS_REMOVAL", dsRecords: domain._count.dsRecords },
        );
      }
      const receiver = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
        select: { handleId: true, name: true },
      });
      const ids = await resolveNameServers(tx, {
        domainName: aLabel,
        hosts,
        nsaHandleId: receiver.handleId,
        managementModel: domain.managementModel,
        now,
        alreadyDelegated: current,
      });
      const removed = await replaceDelegations(tx, domain.id, ids, removesDs);
      const message = `Name servers of ${domain.uLabel} were set by ${receiver.name} with a redelegation token: ${hosts.join(", ")}`;
      const data = { nameServers: hosts, removedDsRecords: removed };
      await queueNotification(tx, {
        accountId: domain.registrarId,
        type: "DOMAIN_REDELEGATED",
        domainName: aLabel,
        message,
        data,
        now,
      });
      if (domain.registrarId !== actor.accountId) {
        await queueNotification(tx, {
          accountId: actor.accountId,
          type: "DOMAIN_REDELEGATED",
          domainName: aLabel,
          message,
          data,
          now,
        });
      }
      audit.before = { nameServers: current };
      audit.after = data;
      return { domain: await readDomainView(tx, domain.id), removedDsRecords: removed };
    },
  );
}
