import type { CoreContext } from "@/lib/registry/context";
import { checkSetContacts } from "@/lib/registry/domains/domain-checks";
import { type DomainView, lockOwnDomain, readDomainView } from "@/lib/registry/domains/domain-view";
import { RegistryError } from "@/lib/registry/errors";
import { findUsableContact } from "@/lib/registry/contacts";
import { runRegistrarOperation } from "@/lib/registry/operation";

// domain.setContacts (Proxy, issue 10 item 9): the proxy and payer of a registrant-managed domain.
// Under registrar management the registrar is implicitly both, so they are refused there exactly
// as at registration (CONTACT_NOT_ALLOWED). A new proxy or payer is a handle linked to the account
// or an unlinked one, never another registrar's (findUsableContact). Changing the payer changes
// who pays the next renewal (R-REN-1/2); an invoice already issued keeps its payer.

export type SetDomainContactsInput = {
  name: string;
  /** A handle id; null clears it; absent leaves it as it is. */
  proxy?: string | null;
  payer?: string | null;
};

export async function setDomainContacts(
  ctx: CoreContext,
  input: SetDomainContactsInput,
): Promise<DomainView> {
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.setContacts",
      verb: "domain.setContacts",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, audit }) => {
      if (input.proxy === undefined && input.payer === undefined) {
        throw new RegistryError("VALIDATION_FAILED", "Name a proxy or a payer handle to set", {
          field: "proxy",
        });
      }
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      await checkSetContacts(tx, actor, domain, input.proxy !== undefined ? "proxy" : "payer");
      const resolve = async (value: string | null | undefined, field: "proxy" | "payer") =>
        value === undefined
          ? undefined
          : value === null
            ? null
            : await findUsableContact(tx, actor.accountId, value, field);
      const proxy = await resolve(input.proxy, "proxy");
      const payer = await resolve(input.payer, "payer");
      const before = await readDomainView(tx, domain.id);
      await tx.domain.update({
        where: { id: domain.id },
        data: {
          ...(proxy !== undefined ? { proxyId: proxy?.id ?? null } : {}),
          ...(payer !== undefined ? { payerId: payer?.id ?? null } : {}),
        },
      });
      const after = await readDomainView(tx, domain.id);
      Object.assign(audit, {
        before: { proxy: before.proxy, payer: before.payer },
        after: { proxy: after.proxy, payer: after.payer },
      });
      return after;
    },
  );
}
