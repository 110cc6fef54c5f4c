import type { Db } from "@/lib/db/client";
import type { ManagementModel } from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import { RegistryError } from "@/lib/registry/errors";

// Issue 10 item 2: who administers a domain. A registrar-managed domain is administered by its
// registrar. A registrant-managed domain belongs to its registrant; the registrar administers it
// (the Proxy verbs: cancel, restore, renewal policy, contacts, transfer tokens) only when the
// domain's proxy contact is a handle linked to the account — as R-REN-1 lets it renew only when the
// payer is its handle. One guard, called by every such verb after it has locked the domain.

export type AdministrableDomain = {
  aLabel: string;
  managementModel: ManagementModel;
  proxyId: string | null;
};

export async function requireAdministrable(
  tx: Db,
  actor: RegistrarActor,
  domain: AdministrableDomain,
): Promise<void> {
  if (domain.managementModel === "REGISTRAR") return;
  if (domain.proxyId === null) {
    throw new RegistryError(
      "DOMAIN_NOT_ADMINISTRABLE",
      `Domain ${domain.aLabel} is registrant-managed and has no proxy contact; only its registrant can administer it`,
      { reason: "NO_PROXY" },
    );
  }
  const proxy = await tx.handle.findUniqueOrThrow({
    where: { id: domain.proxyId },
    select: { handle: true, accountId: true },
  });
  if (proxy.accountId !== actor.accountId) {
    throw new RegistryError(
      "DOMAIN_NOT_ADMINISTRABLE",
      `Domain ${domain.aLabel} is registrant-managed and its proxy contact ${proxy.handle} is not linked to your account`,
      { reason: "PROXY_NOT_LINKED", proxy: proxy.handle },
    );
  }
}
