import { invalidateAllowlists } from "@/lib/net/allowlist";
import { cidrNetwork } from "@/lib/net/cidr";
import { ipInCidrs, parseCidrList } from "@/lib/net/client-address";
import { requireFreshTotp } from "@/lib/registry/accounts/account-guards";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// R-ACC-7 the account's IP allowlist (Administrator). Never emptied by the registrar; removing the
// entry the request comes from needs `confirm: true`. After a change the core drops this process's
// cached lists (lib/net/allowlist.ts); other processes refresh within 2 s.

export type AllowlistEntryView = {
  id: string;
  cidr: string;
  description: string;
  createdAt: Date;
  /** The label (email) of who added it, or the registry's seed/operator. */
  createdBy: string;
};

const select = { id: true, cidr: true, description: true, createdAt: true, createdBy: true } as const;

/** One CIDR (or a bare address = a single host), normalised to its network address. */
export function normaliseCidr(input: string): string {
  const network = cidrNetwork(input);
  if (!network) {
    throw new RegistryError("VALIDATION_FAILED", `"${input}" is not an IPv4 or IPv6 address or CIDR`, { field: "cidr" });
  }
  return network;
}

export async function listAllowlist(ctx: CoreContext): Promise<AllowlistEntryView[]> {
  const actor = requirePermission(ctx.actor, "account.ipAllowlist");
  return ctx.db.ipAllowlistEntry.findMany({ where: { accountId: actor.accountId }, orderBy: { cidr: "asc" }, select });
}

/**
 * The allowlist page's view: the entries, the address the request comes from, which entries
 * contain it (removing one of those asks for confirmation) and whether only one entry is left.
 */
export async function getAllowlistOverview(ctx: CoreContext): Promise<{
  yourAddress: string | null;
  /** The acting user has TOTP, so every change needs a fresh code (step-up). */
  stepUp: boolean;
  entries: (AllowlistEntryView & { containsYourAddress: boolean })[];
}> {
  const actor = requirePermission(ctx.actor, "account.ipAllowlist");
  const entries = await listAllowlist(ctx);
  const user = await ctx.db.user.findUnique({ where: { id: actor.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  return {
    yourAddress: actor.ip,
    stepUp: Boolean(user?.totpSecret && user.totpEnabledAt),
    entries: entries.map((e) => ({ ...e, containsYourAddress: ipInCidrs(actor.ip, parseCidrList(e.cidr)) })),
  };
}

export async function addAllowlistEntry(
  ctx: CoreContext,
  input: { cidr: string; description: string; totpCode?: string },
): Promise<AllowlistEntryView> {
  const entry = await runRegistrarOperation(
    ctx,
    { name: "allowlist.add", verb: "account.ipAllowlist", objectType: "IpAllowlistEntry", objectLabel: input.cidr },
    async ({ tx, actor, now, audit }) => {
      const cidr = normaliseCidr(input.cidr);
      audit.objectLabel = cidr;
      const description = input.description.trim();
      if (!description || description.length > 200) {
        throw new RegistryError("VALIDATION_FAILED", "Describe the entry (1–200 characters)", { field: "description" });
      }
      await requireFreshTotp(tx, actor, input.totpCode, now);
      const existing = await tx.ipAllowlistEntry.findUnique({
        where: { accountId_cidr: { accountId: actor.accountId, cidr } },
      });
      if (existing) throw new RegistryError("CONFLICT", `${cidr} is already on the allowlist`, { field: "cidr" });
      const created = await tx.ipAllowlistEntry.create({
        data: { accountId: actor.accountId, cidr, description, createdAt: now, createdBy: actor.label },
        select,
      });
      Object.assign(audit, { objectId: created.id, after: { cidr, description } });
      return created;
    },
  );
  invalidateAllowlists();
  return entry;
}

export async function removeAllowlistEntry(
  ctx: CoreContext,
  input: { id: string; confirm?: boolean; totpCode?: string },
): Promise<{ removed: string }> {
  const result = await runRegistrarOperation(
    ctx,
    { name: "allowlist.remove", verb: "account.ipAllowlist", objectType: "IpAllowlistEntry", objectLabel: input.id },
    async ({ tx, actor, now, audit }) => {
      // Lock the whole list so two removals cannot together empty it.
      const entries = await tx.$queryRaw<{ id: string; cidr: string }[]>`
        SELECT id, cidr FROM "IpAllowlistEntry" WHERE "accountId" = ${actor.accountId}::uuid
        ORDER BY id FOR UPDATE`;
      const entry = entries.find((e) => e.id === input.id);
      if (!entry) throw new RegistryError("NOT_FOUND", "Allowlist entry not found", { field: "id" });
      Object.assign(audit, { objectId: entry.id, objectLabel: entry.cidr });
      if (entries.length <= 1) {
        throw new RegistryError(
          "ALLOWLIST_CANNOT_BE_EMPTY",
          `${entry.cidr} is the last allowlist entry; add another before removing it`,
        );
      }
      if (ipInCidrs(actor.ip, parseCidrList(entry.cidr)) && input.confirm !== true) {
        throw new RegistryError(
          "CONFIRMATION_REQUIRED",
          `${entry.cidr} contains your own address ${actor.ip}; removing it may lock you out. Confirm to go ahead`,
          { field: "confirm", ownAddress: actor.ip },
        );
      }
      await requireFreshTotp(tx, actor, input.totpCode, now);
      await tx.ipAllowlistEntry.delete({ where: { id: entry.id } });
      audit.before = { cidr: entry.cidr };
      return { removed: entry.cidr };
    },
  );
  invalidateAllowlists();
  return result;
}
