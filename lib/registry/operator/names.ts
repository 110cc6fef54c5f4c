import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requireOperator } from "@/lib/registry/permissions";
import { parseDomainName } from "@/lib/registry/rules";

const toUnicodeName = (aLabel: string) => parseDomainName(aLabel).uLabel;

// The operator's blocked names (R-REG-4: a blocked name cannot be registered) and the waiting
// lists (R-REG-6), issue 21. Blocking never touches a registered domain: it keeps the name from
// the next registration. Joining a waiting list for someone is registrants' joinWaitingList.

function reasonOf(input: string | undefined): string {
  const reason = (input ?? "").trim();
  if (!reason || reason.length > 500) {
    throw new RegistryError("VALIDATION_FAILED", "Give a reason (at most 500 characters)", { field: "reason" });
  }
  return reason;
}

export async function blockName(ctx: CoreContext, input: { name: string; reason: string }) {
  return runOperatorOperation(
    ctx,
    { name: "blockedName.add", objectType: "BlockedName", objectLabel: input.name },
    async ({ tx, now, audit }) => {
      const { aLabel } = parseDomainName(input.name);
      audit.objectLabel = aLabel;
      const reason = reasonOf(input.reason);
      if (await tx.blockedName.findUnique({ where: { name: aLabel }, select: { name: true } })) {
        throw new RegistryError("CONFLICT", `${aLabel} is already blocked`, { field: "name" });
      }
      await tx.blockedName.create({ data: { name: aLabel, reason, createdAt: now } });
      Object.assign(audit, { objectId: aLabel, after: { reason } });
      return { name: aLabel, reason, createdAt: now };
    },
  );
}

export async function unblockName(ctx: CoreContext, input: { name: string; reason: string }) {
  return runOperatorOperation(
    ctx,
    { name: "blockedName.remove", objectType: "BlockedName", objectLabel: input.name },
    async ({ tx, audit }) => {
      const { aLabel } = parseDomainName(input.name);
      audit.objectLabel = aLabel;
      const reason = reasonOf(input.reason);
      const existing = await tx.blockedName.findUnique({ where: { name: aLabel } });
      if (!existing) throw new RegistryError("NOT_FOUND", `${aLabel} is not blocked`, { field: "name" });
      await tx.blockedName.delete({ where: { name: aLabel } });
      Object.assign(audit, { objectId: aLabel, before: { reason: existing.reason }, after: { removedBecause: reason } });
      return { name: aLabel };
    },
  );
}

export async function listBlockedNames(ctx: CoreContext) {
  requireOperator(ctx.actor);
  const rows = await ctx.db.blockedName.findMany({ orderBy: { name: "asc" }, take: 2000 });
  return rows.map((r) => ({ ...r, uLabel: toUnicodeName(r.name) }));
}

export type WaitingList = {
  name: string;
  uLabel: string;
  entries: {
    id: string;
    position: number | null; // among those still waiting, 1 = next offer
    holderName: string;
    holderEmail: string;
    handle: string | null;
    state: string;
    createdAt: Date;
  }[];
};

/** Operator: every name with a waiting list, each list in join order; `name` narrows to one. */
export async function listWaitingLists(ctx: CoreContext, input: { name?: string | null } = {}): Promise<WaitingList[]> {
  requireOperator(ctx.actor);
  const only = input.name?.trim() ? parseDomainName(input.name).aLabel : null;
  const rows = await ctx.db.waitingListEntry.findMany({
    where: {
      ...(only ? { name: only } : {}),
      state: { in: ["WAITING", "OFFERED"] },
    },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: 2000,
    include: { handle: { select: { handle: true } } },
  });
  const lists = new Map<string, WaitingList>();
  for (const r of rows) {
    const list = lists.get(r.name) ?? { name: r.name, uLabel: toUnicodeName(r.name), entries: [] };
    const waiting = list.entries.filter((e) => e.state === "WAITING").length;
    list.entries.push({
      id: r.id,
      position: r.state === "WAITING" ? waiting + 1 : null,
      holderName: r.holderName,
      holderEmail: r.holderEmail,
      handle: r.handle?.handle ?? null,
      state: r.state,
      createdAt: r.createdAt,
    });
    lists.set(r.name, list);
  }
  return [...lists.values()];
}
