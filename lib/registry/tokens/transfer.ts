import type { Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { type DomainView, readDomainView } from "@/lib/registry/domains";
import { RegistryError } from "@/lib/registry/errors";
import { debitAccount } from "@/lib/registry/billing";
import { queueNotification } from "@/lib/registry/messages";
import { runTokenOperation, voidDomainTokens } from "@/lib/registry/tokens/token-use";

// R-TOK-3: the receiving registrar transfers a domain with its token. One transaction: the token
// is claimed (exactly one of concurrent uses wins), the domain and the subordinate name servers
// of the old registrar's own handle move, the fee is debited without overdraft, the domain's other tokens are voided, pending
// registrant changes of the old registrar are cancelled, and both registrars are told.

export type TransferResult = { domain: DomainView; charged: number; balance: number };

export async function transferDomain(
  ctx: CoreContext,
  input: { name: string; token: string },
): Promise<TransferResult> {
  return runTokenOperation(
    ctx,
    {
      name: "domain.transfer",
      verb: "domain.transferIn",
      objectType: "Domain",
      objectLabel: input.name,
    },
    { kind: "TRANSFER", name: input.name, token: input.token, prepare: () => null },
    async ({ tx, actor, now, policy, audit }, { aLabel, claimed }) => {
      const domain = await tx.domain.findUniqueOrThrow({
        where: { id: claimed.domainId },
        include: { registrar: { select: { id: true, handleId: true, name: true } } },
      });
      if (domain.registrarId === actor.accountId) {
        throw new RegistryError(
          "DOMAIN_NOT_TRANSFERABLE",
          `Domain ${domain.uLabel} is already in your portfolio`,
          { reason: "SAME_REGISTRAR" },
        );
      }
      if (domain.state !== "ACTIVE") {
        throw new RegistryError(
          "DOMAIN_NOT_TRANSFERABLE",
          `Domain ${domain.uLabel} cannot be transferred while ${domain.state.toLowerCase()}`,
          { reason: "NOT_ACTIVE", state: domain.state },
        );
      }
      const receiver = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
        select: { handleId: true, name: true, defaultRenewalPolicy: true },
      });
      const charged = policy.prices.transferOre;
      const balance = await debitAccount(tx, {
        accountId: actor.accountId,
        operation: "TRANSFER",
        amount: charged,
        overdraw: false,
        actor,
        now,
        domain: { id: domain.id, name: aLabel },
        description: `Transfer of ${domain.uLabel} from ${domain.registrar.name}`,
      });
      const moved = await moveDomain(tx, {
        domain,
        fromHandleId: domain.registrar.handleId,
        toAccountId: actor.accountId,
        toHandleId: receiver.handleId,
        renewalPolicy: receiver.defaultRenewalPolicy,
      });
      await voidDomainTokens(tx, domain.id, now, "domain transferred");
      await tx.registrantChangeRequest.updateMany({
        where: {
          domainId: domain.id,
          state: { in: ["TERMS_REQUESTED", "ID_CONTROL_REQUESTED"] },
        },
        data: { state: "CANCELLED", decidedAt: now },
      });
      const exDate = domain.exDate?.toISOString().slice(0, 10) ?? null;
      await queueNotification(tx, {
        accountId: domain.registrarId,
        type: "TRANSFER_OUT",
        domainName: aLabel,
        message: `Domain ${domain.uLabel} was transferred to ${receiver.name}`,
        data: { to: receiver.name },
        now,
      });
      await queueNotification(tx, {
        accountId: actor.accountId,
        type: "TRANSFER_IN",
        domainName: aLabel,
        message: `Domain ${domain.uLabel} was transferred to you from ${domain.registrar.name}; expiry ${exDate} unchanged`,
        data: { from: domain.registrar.name, exDate },
        now,
      });
      audit.before = { registrarId: domain.registrarId };
      audit.after = { registrarId: actor.accountId, charged, ...moved };
      return { domain: await readDomainView(tx, domain.id), charged, balance };
    },
  );
}

/**
 * Moves the domain to the receiving account. Handles are never taken from the old registrar:
 * a proxy or payer that is the old registrar's own handle becomes the receiver's handle, and so
 * does the NSA of a subordinate name server; the registrant handle's account link moves only
 * when nothing else of the old account uses it.
 */
async function moveDomain(
  tx: Tx,
  input: {
    domain: {
      id: string;
      registrarId: string;
      registrantId: string;
      proxyId: string | null;
      payerId: string | null;
    };
    fromHandleId: string;
    toAccountId: string;
    toHandleId: string;
    renewalPolicy: "AUTO_RENEW" | "AUTO_EXPIRE";
  },
) {
  const { domain } = input;
  const swap = (id: string | null) => (id === input.fromHandleId ? input.toHandleId : id);
  await tx.domain.update({
    where: { id: domain.id },
    data: {
      registrarId: input.toAccountId,
      proxyId: swap(domain.proxyId),
      payerId: swap(domain.payerId),
      // R-ACC-6: the receiver's default renewal policy applies to transfers in.
      renewalPolicy: input.renewalPolicy,
    },
  });
  // R-TOK-3: only hosts the old registrar runs under its own handle follow the domain; a host
  // whose NSA is anyone else (a customer's or another registrar's handle) keeps its NSA.
  const hosts = await tx.nameServer.updateMany({
    where: { superordinateDomainId: domain.id, nsaHandleId: input.fromHandleId },
    data: { nsaHandleId: input.toHandleId },
  });
  const subordinates = await tx.nameServer.count({ where: { superordinateDomainId: domain.id } });
  const registrant = await tx.handle.findUniqueOrThrow({
    where: { id: domain.registrantId },
    select: { accountId: true },
  });
  let registrantMoved = false;
  if (registrant.accountId === domain.registrarId) {
    const stillUsed = await tx.domain.count({
      where: {
        registrarId: domain.registrarId,
        liveName: { not: null },
        OR: [
          { registrantId: domain.registrantId },
          { proxyId: domain.registrantId },
          { payerId: domain.registrantId },
        ],
      },
    });
    const nsa = await tx.nameServer.count({ where: { nsaHandleId: domain.registrantId } });
    if (stillUsed === 0 && nsa === 0) {
      await tx.handle.update({
        where: { id: domain.registrantId },
        data: { accountId: input.toAccountId },
      });
      registrantMoved = true;
    }
  }
  return {
    nameServersMoved: hosts.count,
    nameServersKept: subordinates - hosts.count,
    registrantHandleMoved: registrantMoved,
  };
}
