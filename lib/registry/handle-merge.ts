import type { Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { findPortfolioHandle } from "@/lib/registry/handles";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// R-ACC-5 merge: several linked handles into one survivor. Every reference moves to the survivor
// in one transaction; the merged handles stay as rows (mergedIntoId) so history keeps resolving.
// Decision: all handles share one management model (R-REG-3 must keep holding for every domain),
// and the registrar's own handle can survive but never be merged away.

export type MergePlan = {
  survivor: string;
  merged: string[];
  /** Live domains whose contacts move, with the roles that move. */
  domains: { name: string; roles: ("registrant" | "proxy" | "payer")[] }[];
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
  const other = merged.find((h) => h.managementModel !== survivor.managementModel);
  if (other) {
    throw new RegistryError(
      "MANAGEMENT_MODEL_MISMATCH",
      `Handle ${other.handle} is ${other.managementModel.toLowerCase()}-managed, ${survivor.handle} is not`,
      { field: "merged" },
    );
  }
  return { survivor, merged, ids };
}

async function planMerge(tx: Tx, survivor: string, merged: string[], ids: string[]): Promise<MergePlan> {
  const domains = await tx.domain.findMany({
    where: {
      state: { not: "DELETED" },
      OR: [{ registrantId: { in: ids } }, { proxyId: { in: ids } }, { payerId: { in: ids } }],
    },
    select: { aLabel: true, registrantId: true, proxyId: true, payerId: true },
    orderBy: { aLabel: "asc" },
  });
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
    nameServers: nameServers.map((n) => n.host),
    other: { invoices, registrantChanges: changesFrom + changesTo, holds, waitingListEntries },
  };
}

/** What a merge would move, changing nothing. */
export async function previewHandleMerge(ctx: CoreContext, input: MergeHandlesInput): Promise<MergePlan> {
  const actor = requirePermission(ctx.actor, "account.handles");
  return ctx.db.$transaction(async (tx) => {
    const { survivor, merged, ids } = await loadHandles(tx, actor.accountId, input);
    return planMerge(tx, survivor.handle, merged.map((h) => h.handle), ids);
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
      const plan = await planMerge(tx, survivor.handle, merged.map((h) => h.handle), ids);
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
