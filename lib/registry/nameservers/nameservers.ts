import type { ManagementModel } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { findPortfolioHandle, findUsableContact } from "@/lib/registry/contacts";
import {
  describeUsers,
  findSuperordinate,
  lockOwnNameServer,
  refuseGlueOutsidePortfolio,
  refuseMarkedForDeletion,
  requireNameServerAdministrator,
} from "@/lib/registry/nameservers/nameserver-scope";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { checkGlue, parseHostName } from "@/lib/registry/rules";

// R-NS-1 create and edit, R-NS-2 change of NSA, R-NS-3 delete. Who may act: see
// requireNameServerAdministrator; marked-for-deletion hosts are read-only (R-DEL-3).

export type NameServerResult = {
  host: string;
  nsaHandle: string;
  managementModel: ManagementModel;
  glueV4: string[];
  glueV6: string[];
};

const toResult = (ns: {
  host: string;
  managementModel: ManagementModel;
  glueV4: string[];
  glueV6: string[];
  nsaHandle: { handle: string };
}): NameServerResult => ({
  host: ns.host,
  nsaHandle: ns.nsaHandle.handle,
  managementModel: ns.managementModel,
  glueV4: ns.glueV4,
  glueV6: ns.glueV6,
});

export type CreateNameServerInput = {
  host: string;
  /** Default: the registrar's own handle. Must be a handle linked to the account. */
  nsaHandle?: string;
  /** Default: the account's default management model (R-ACC-6). */
  managementModel?: ManagementModel;
  glueV4?: readonly string[];
  glueV6?: readonly string[];
};

export async function createNameServer(
  ctx: CoreContext,
  input: CreateNameServerInput,
): Promise<NameServerResult> {
  return runRegistrarOperation(
    ctx,
    { name: "nameserver.create", verb: "nameserver.create", objectType: "NameServer", objectLabel: input.host },
    async ({ tx, actor, now, audit }) => {
      const host = parseHostName(input.host);
      audit.objectLabel = host;
      const account = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
        select: { defaultManagementModel: true, handle: { select: { handle: true } } },
      });
      const managementModel = input.managementModel ?? account.defaultManagementModel;
      requireNameServerAdministrator(actor, { host, managementModel });
      const glue = checkGlue(host, { ipv4: input.glueV4 ?? [], ipv6: input.glueV6 ?? [] });
      const existing = await tx.nameServer.findUnique({
        where: { host },
        select: { markedForDeletionAt: true },
      });
      if (existing) {
        refuseMarkedForDeletion({ host, markedForDeletionAt: existing.markedForDeletionAt });
        throw new RegistryError("CONFLICT", `Name server ${host} already exists`, { field: "host" });
      }
      const parent = await findSuperordinate(tx, actor.accountId, host);
      refuseGlueOutsidePortfolio(host, parent, glue);
      const nsa = await findPortfolioHandle(
        tx,
        actor.accountId,
        input.nsaHandle ?? account.handle.handle,
        "nsaHandle",
      );
      const ns = await tx.nameServer.create({
        data: {
          host,
          nsaHandleId: nsa.id,
          managementModel,
          superordinateDomainId: parent?.id ?? null,
          glueV4: glue.ipv4,
          glueV6: glue.ipv6,
          createdAt: now,
          updatedAt: now,
        },
        include: { nsaHandle: { select: { handle: true } } },
      });
      const result = toResult(ns);
      Object.assign(audit, { objectId: ns.id, after: result });
      return result;
    },
  );
}

/** R-NS-1: replaces the glue addresses (both families) of a name server. */
export async function updateNameServer(
  ctx: CoreContext,
  input: { host: string; glueV4: readonly string[]; glueV6: readonly string[] },
): Promise<NameServerResult> {
  return runRegistrarOperation(
    ctx,
    { name: "nameserver.update", verb: "nameserver.update", objectType: "NameServer", objectLabel: input.host },
    async ({ tx, actor, now, audit }) => {
      const ns = await lockOwnNameServer(tx, actor.accountId, input.host);
      Object.assign(audit, { objectId: ns.id, objectLabel: ns.host });
      requireNameServerAdministrator(actor, ns);
      refuseMarkedForDeletion(ns);
      const glue = checkGlue(ns.host, { ipv4: input.glueV4, ipv6: input.glueV6 });
      refuseGlueOutsidePortfolio(ns.host, await findSuperordinate(tx, actor.accountId, ns.host), glue);
      const updated = await tx.nameServer.update({
        where: { id: ns.id },
        data: { glueV4: glue.ipv4, glueV6: glue.ipv6, updatedAt: now },
        include: { nsaHandle: { select: { handle: true } } },
      });
      Object.assign(audit, {
        before: { glueV4: ns.glueV4, glueV6: ns.glueV6 },
        after: { glueV4: updated.glueV4, glueV6: updated.glueV6 },
      });
      return toResult(updated);
    },
  );
}

/**
 * R-NS-2. The new NSA is a handle linked to the account or an unlinked handle (the registrant's
 * own administrator); giving it to an unlinked handle takes it out of the portfolio.
 */
export async function changeNameServerAdministrator(
  ctx: CoreContext,
  input: { host: string; nsaHandle: string },
): Promise<NameServerResult> {
  return runRegistrarOperation(
    ctx,
    {
      name: "nameserver.changeAdministrator",
      verb: "nameserver.changeAdministrator",
      objectGrant: true, // R-NS-2: requireNameServerAdministrator below
      objectType: "NameServer",
      objectLabel: input.host,
    },
    async ({ tx, actor, now, audit }) => {
      const ns = await lockOwnNameServer(tx, actor.accountId, input.host);
      Object.assign(audit, { objectId: ns.id, objectLabel: ns.host });
      requireNameServerAdministrator(actor, ns);
      refuseMarkedForDeletion(ns);
      const nsa = await findUsableContact(tx, actor.accountId, input.nsaHandle, "nsaHandle");
      const updated = await tx.nameServer.update({
        where: { id: ns.id },
        data: { nsaHandleId: nsa.id, updatedAt: now },
        include: { nsaHandle: { select: { handle: true } } },
      });
      Object.assign(audit, { before: { nsaHandle: ns.nsaHandle.handle }, after: { nsaHandle: nsa.handle } });
      return toResult(updated);
    },
  );
}

/** R-NS-3: only when no domain delegates to it; the refusal names the domains. */
export async function deleteNameServer(
  ctx: CoreContext,
  input: { host: string },
): Promise<{ host: string }> {
  return runRegistrarOperation(
    ctx,
    {
      name: "nameserver.delete",
      verb: "nameserver.delete",
      objectGrant: true, // R-NS-3: requireNameServerAdministrator below
      objectType: "NameServer",
      objectLabel: input.host,
    },
    async ({ tx, actor, audit }) => {
      const ns = await lockOwnNameServer(tx, actor.accountId, input.host);
      Object.assign(audit, { objectId: ns.id, objectLabel: ns.host });
      requireNameServerAdministrator(actor, ns);
      const users = await describeUsers(tx, actor.accountId, ns.id);
      if (users.total > 0) {
        const named = users.domains.join(", ");
        const others = users.otherRegistrars > 0 ? ` and ${users.otherRegistrars} domain(s) of other registrars` : "";
        throw new RegistryError(
          "NAMESERVER_IN_USE",
          `Name server ${ns.host} is used by ${named || "no domain of yours"}${others}`,
          { domains: users.domains, otherRegistrars: users.otherRegistrars },
        );
      }
      await tx.nameServer.delete({ where: { id: ns.id } });
      audit.before = toResult(ns);
      return { host: ns.host };
    },
  );
}
