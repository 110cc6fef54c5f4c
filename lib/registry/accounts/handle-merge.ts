import type { Prisma, Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { findPortfolioHandle } from "@/lib/registry/contacts";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// R-ACC-5 merge: several linked handles into one survivor. Every reference moves to the survivor
// in one transaction; the merged handles stay as rows (mergedIntoId) so history keeps resolving.
// R-CON-2: a merge never changes who a registrant is, so every merged handle must equal the
// survivor in type, name, organisation, CVR/VAT and EAN (compared exactly, as linking does) and management model
// (R-REG-3 must keep holding for every domain). The registrar's own handle can survive but never
// be merged away. Another registrar's domains that use a merged handle move too (the handle is
// the same person or company) but are only counted: their names are not this account's to see.

export type MergePlan = {
  survivor: string;
  merged: string[];
  /** The account's live domains whose contacts move, with the roles that move. */
  domains: { name: string; roles: ("registrant" | "proxy" | "payer")[] }[];
  /** Live domains of other registrars whose contacts move; counted, never named. */
  otherRegistrarDomains: number;
  nameServers: string[];
  /** Other references that move: invoices, registrant-change requests, holds, waiting list. */
  other: { invoices: number; registrantChanges: number; holds: number; waitingListEntries: number };
};

export type MergeHandlesInput = { survivor: string; merged: readonly string[]; preview?: boolean };

async function loadHandles(tx: Tx, accountId: string, input: MergeHandlesInput) {
  const survivor = await findPortfolioHandle(tx, accountId, input.survivor, "survivor");
  const merged = [];
  for (const name of input.merged) merged.push(await findPortfolioHandle(tx, accountId, name, "merged"));
  const ids = merged.map((h) => h.id);
  if (ids.length === 0 || new Set([survivor.id, ...ids]).size !== ids.length + 1) {
    throw new RegistryError("VALIDATION_FAILED", "Name one or more distinct handles to merge into another", { field: "merged" });
  }
  const account = await tx.registrarAccount.findUniqueOrThrow({ where: { id: accountId }, select: { handleId: true } });
  if (ids.includes(account.handleId)) {
    throw new RegistryError("HANDLE_NOT_UNLINKABLE", "The registrar's own handle cannot be merged into another", { field: "merged" });
  }
  for (const handle of merged) refuseIdentityChange(survivor, handle);
  return { survivor, merged, ids };
}

type Identity = {
  handle: string;
  type: string;
  name: string;
  organisation: string | null;
  vatNumber: string | null;
  ean: string | null;
  managementModel: string;
};

/** What says who a handle is (R-CON-2), with the words a refusal names it by. */
const IDENTITY_FIELDS = [
  ["type", "type"],
  ["name", "name"],
  ["organisation", "organisation"],
  ["vatNumber", "CVR/VAT number"],
  ["ean", "EAN number"],
  ["managementModel", "management model"],
] as const;

function refuseIdentityChange(survivor: Identity, handle: Identity): void {
  const differing = IDENTITY_FIELDS.filter(([field]) => handle[field] !== survivor[field]);
  const [first] = differing;
  if (!first) return;
  throw new RegistryError(
    "HANDLES_NOT_MERGEABLE",
    `Handle ${handle.handle} cannot be merged into ${survivor.handle}: its ${differing.map(([, label]) => label).join(", ")} ${differing.length > 1 ? "differ" : "differs"}, and a merge never changes who a registrant is`,
    { field: "merged", handle: handle.handle, differing: differing.map(([field]) => field) },
  );
}

async function planMerge(tx: Tx, accountId: string, survivor: string, merged: string[], ids: string[]): Promise<MergePlan> {
  const usesMerged: Prisma.DomainWhereInput = {
    state: { not: "DELETED" },
    OR: [{ registrantId: { in: ids } }, { proxyId: { in: ids } }, { payerId: { in: ids } }],
  };
  const domains = await tx.domain.findMany({
    where: { ...usesMerged, registrarId: accountId },
    select: { aLabel: true, registrantId: true, proxyId: true, payerId: true },
    orderBy: { aLabel: "asc" },
  });
  const otherRegistrarDomains = await tx.domain.count({ where: { ...usesMerged, registrarId: { not: accountId } } });
  const nameServers = await tx.nameServer.findMany({
    where: { nsaHandleId: { in: ids } },
    select: { host: true },
    orderBy: { host: "asc" },
  });
  const has = (id: string | null) => id !== null && ids.includes(id);
  const [invoices, changesFrom, changesTo, holds, waitingListEntries] = await Promise.all([
    tx.invoice.count({ where: { payerId: { in: ids } } }),
    tx.registrantChangeRequest.count({ where: { fromHandleId: { in: ids } } }),
    tx.registrantChangeRequest.count({ where: { toHandleId: { in: ids } } }),
    tx.registrationHold.count({ where: { registrantId: { in: ids } } }),
    tx.waitingListEntry.count({ where: { handleId: { in: ids } } }),
  ]);
  return {
    survivor,
    merged,
    domains: domains.map((d) => ({
      name: d.aLabel,
      roles: [
        ...(has(d.registrantId) ? (["registrant"] as const) : []),
        ...(has(d.proxyId) ? (["proxy"] as const) : []),
        ...(has(d.payerId) ? (["payer"] as const) : []),
      ],
    })),
    otherRegistrarDomains,
    nameServers: nameServers.map((n) => n.host),
    other: { invoices, registrantChanges: changesFrom + changesTo, holds, waitingListEntries },
  };
}

/** What a merge would move, changing nothing. */
export async function previewHandleMerge(ctx: CoreContext, input: MergeHandlesInput): Promise<MergePlan> {
  const actor = requirePermission(ctx.actor, "account.handles");
  return ctx.db.$transaction(async (tx) => {
    const { survivor, merged, ids } = await loadHandles(tx, actor.accountId, input);
    return planMerge(tx, actor.accountId, survivor.handle, merged.map((h) => h.handle), ids);
  });
}

export async function mergeHandles(ctx: CoreContext, input: MergeHandlesInput): Promise<MergePlan> {
  if (input.preview) return previewHandleMerge(ctx, input);
  return runRegistrarOperation(
    ctx,
    { name: "handle.merge", verb: "account.handles", objectType: "Handle", objectLabel: input.survivor },
    async ({ tx, actor, now, audit }) => {
      const { survivor, merged, ids } = await loadHandles(tx, actor.accountId, input);
      // Lock the handles so a concurrent merge or link sees the outcome, not a half-way state.
      await tx.$queryRaw`SELECT id FROM "Handle" WHERE id = ANY(${[survivor.id, ...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
      Object.assign(audit, { objectId: survivor.id, objectLabel: survivor.handle });
      const plan = await planMerge(tx, actor.accountId, survivor.handle, merged.map((h) => h.handle), ids);
      const to = survivor.id;
      const from = { in: ids };
      await tx.domain.updateMany({ where: { registrantId: from }, data: { registrantId: to } });
      await tx.domain.updateMany({ where: { proxyId: from }, data: { proxyId: to } });
      await tx.domain.updateMany({ where: { payerId: from }, data: { payerId: to } });
      await tx.nameServer.updateMany({ where: { nsaHandleId: from }, data: { nsaHandleId: to } });
      await tx.invoice.updateMany({ where: { payerId: from }, data: { payerId: to } });
      await tx.registrantChangeRequest.updateMany({ where: { fromHandleId: from }, data: { fromHandleId: to } });
      await tx.registrantChangeRequest.updateMany({ where: { toHandleId: from }, data: { toHandleId: to } });
      await tx.registrationHold.updateMany({ where: { registrantId: from }, data: { registrantId: to } });
      await tx.waitingListEntry.updateMany({ where: { handleId: from }, data: { handleId: to } });
      await tx.handle.updateMany({ where: { id: from }, data: { mergedIntoId: to, mergedAt: now } });
      // Handles merged earlier into one of these now point at the survivor too.
      await tx.handle.updateMany({ where: { mergedIntoId: from }, data: { mergedIntoId: to } });
      audit.after = plan;
      return plan;
    },
  );
}
