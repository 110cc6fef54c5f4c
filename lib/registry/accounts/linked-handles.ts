import type { Tx } from "@/lib/db/client";
import type { HandleType } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { findPortfolioHandle, issueHandleId } from "@/lib/registry/contacts";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// R-ACC-5 linked handles (Administrator, account.handles): list, create with the account's data,
// link a strictly matching candidate, unlink, details. Merging lives in handle-merge.ts.

export type HandleSummary = {
  handle: string;
  type: HandleType;
  name: string;
  email: string;
  managementModel: "REGISTRAR" | "REGISTRANT";
  isRegistrarHandle: boolean;
};

/** The fields that must equal the account's for a handle to be linkable ("strict match"). */
export const HANDLE_MATCHED_FIELDS = ["name", "street", "postalCode", "city", "countryCode", "email", "vatNumber"] as const;
export type HandleMatchedField = (typeof HANDLE_MATCHED_FIELDS)[number];
const MATCHED = HANDLE_MATCHED_FIELDS;
const FIELD_WORDS: Record<HandleMatchedField, string> = {
  name: "name",
  street: "street",
  postalCode: "postal code",
  city: "city",
  countryCode: "country",
  email: "email",
  vatNumber: "CVR/VAT number",
};

async function accountData(tx: Tx | CoreContext["db"], accountId: string) {
  return tx.registrarAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      handleId: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      countryCode: true,
      email: true,
      phone: true,
      vatNumber: true,
      defaultManagementModel: true,
    },
  });
}

const summary = (h: { id: string; handle: string; type: HandleType; name: string; email: string; managementModel: "REGISTRAR" | "REGISTRANT" }, registrarHandleId: string): HandleSummary => ({
  handle: h.handle,
  type: h.type,
  name: h.name,
  email: h.email,
  managementModel: h.managementModel,
  isRegistrarHandle: h.id === registrarHandleId,
});

export type LinkedHandle = HandleSummary & {
  /** Live domains (any registrar's) that use the handle as registrant, proxy or payer. */
  domains: number;
  /** Name servers whose NSA is the handle. */
  nameServers: number;
};

/** Linked handles with what uses them, the registrar handle always first. */
export async function listLinkedHandles(ctx: CoreContext): Promise<LinkedHandle[]> {
  const actor = requirePermission(ctx.actor, "account.handles");
  const account = await accountData(ctx.db, actor.accountId);
  const rows = await ctx.db.handle.findMany({
    where: { OR: [{ accountId: actor.accountId, mergedIntoId: null }, { id: account.handleId }] },
    orderBy: { handle: "asc" },
  });
  const counts = await usageCounts(ctx.db, rows.map((h) => h.id));
  return rows
    .map((h) => ({ ...summary(h, account.handleId), ...(counts.get(h.id) ?? { domains: 0, nameServers: 0 }) }))
    .sort((a, b) => Number(b.isRegistrarHandle) - Number(a.isRegistrarHandle));
}

/** One query for every handle: a domain using a handle in two roles counts once. */
async function usageCounts(db: CoreContext["db"], ids: string[]) {
  if (ids.length === 0) return new Map<string, { domains: number; nameServers: number }>();
  const rows = await db.$queryRaw<{ id: string; domains: bigint; nameServers: bigint }[]>`
    SELECT h.id::text AS id,
      (SELECT count(*) FROM "Domain" d WHERE d.state <> 'DELETED'
        AND (d."registrantId" = h.id OR d."proxyId" = h.id OR d."payerId" = h.id)) AS domains,
      (SELECT count(*) FROM "NameServer" n WHERE n."nsaHandleId" = h.id) AS "nameServers"
    FROM "Handle" h WHERE h.id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, { domains: Number(r.domains), nameServers: Number(r.nameServers) }]));
}

export type NonMatchingHandle = HandleSummary & { differing: HandleMatchedField[] };

/**
 * What "Link handle" offers: the candidates (unlinked, unmerged handles whose name, address,
 * email and CVR/VAT equal the account's exactly) and the near misses — unlinked handles that
 * share the account's name, email or CVR/VAT but differ elsewhere — each with the fields that
 * differ, so the Administrator sees why it cannot be linked.
 */
export async function listLinkOptions(
  ctx: CoreContext,
): Promise<{ candidates: HandleSummary[]; nonMatching: NonMatchingHandle[] }> {
  const actor = requirePermission(ctx.actor, "account.handles");
  const account = await accountData(ctx.db, actor.accountId);
  const rows = await ctx.db.handle.findMany({
    where: {
      accountId: null,
      mergedIntoId: null,
      OR: [
        { name: account.name },
        { email: account.email },
        ...(account.vatNumber ? [{ vatNumber: account.vatNumber }] : []),
      ],
    },
    orderBy: { handle: "asc" },
    take: 200,
  });
  const candidates: HandleSummary[] = [];
  const nonMatching: NonMatchingHandle[] = [];
  for (const h of rows) {
    const differing = MATCHED.filter((f) => h[f] !== account[f]);
    if (differing.length === 0) candidates.push(summary(h, account.handleId));
    else nonMatching.push({ ...summary(h, account.handleId), differing });
  }
  return { candidates, nonMatching };
}

/** Unlinked, unmerged handles whose name, address, email and CVR/VAT equal the account's exactly. */
export async function listLinkCandidates(ctx: CoreContext): Promise<HandleSummary[]> {
  const actor = requirePermission(ctx.actor, "account.handles");
  const account = await accountData(ctx.db, actor.accountId);
  const rows = await ctx.db.handle.findMany({
    where: { accountId: null, mergedIntoId: null, ...Object.fromEntries(MATCHED.map((f) => [f, account[f]])) },
    orderBy: { handle: "asc" },
  });
  return rows.map((h) => summary(h, account.handleId));
}

/** A new handle with the account's data, linked at once (management model: the account default). */
export async function createHandle(
  ctx: CoreContext,
  input: { type?: HandleType } = {},
): Promise<HandleSummary> {
  return runRegistrarOperation(
    ctx,
    { name: "handle.create", verb: "account.handles", objectType: "Handle" },
    async ({ tx, actor, now, audit }) => {
      const account = await accountData(tx, actor.accountId);
      const handle = await tx.handle.create({
        data: {
          handle: await issueHandleId(tx, account.name),
          type: input.type ?? "COMPANY",
          name: account.name,
          street: account.street,
          postalCode: account.postalCode,
          city: account.city,
          countryCode: account.countryCode,
          email: account.email,
          phone: account.phone,
          vatNumber: account.vatNumber,
          managementModel: account.defaultManagementModel,
          accountId: actor.accountId,
          createdAt: now,
          updatedAt: now,
        },
      });
      Object.assign(audit, { objectId: handle.id, objectLabel: handle.handle, after: { handle: handle.handle } });
      return summary(handle, account.handleId);
    },
  );
}

export async function linkHandle(ctx: CoreContext, input: { handle: string }): Promise<HandleSummary> {
  return runRegistrarOperation(
    ctx,
    { name: "handle.link", verb: "account.handles", objectType: "Handle", objectLabel: input.handle },
    async ({ tx, actor, audit }) => {
      const name = input.handle.trim().toUpperCase();
      const handle = await tx.handle.findFirst({ where: { handle: name, mergedIntoId: null } });
      // Another registrar's handle is NOT_FOUND, as if it did not exist.
      if (!handle || (handle.accountId && handle.accountId !== actor.accountId)) {
        throw new RegistryError("NOT_FOUND", `Handle ${name} not found`, { field: "handle" });
      }
      Object.assign(audit, { objectId: handle.id, objectLabel: handle.handle });
      if (handle.accountId === actor.accountId) {
        throw new RegistryError("CONFLICT", `Handle ${name} is already linked`, { field: "handle" });
      }
      const account = await accountData(tx, actor.accountId);
      const differing = MATCHED.filter((f) => handle[f] !== account[f]);
      if (differing.length > 0) {
        throw new RegistryError(
          "HANDLE_NOT_LINKABLE",
          `Handle ${name} cannot be linked: its ${differing.map((f) => FIELD_WORDS[f]).join(", ")} ${differing.length > 1 ? "differ" : "differs"} from the account's`,
          { field: "handle", differing },
        );
      }
      // Conditional: two administrators racing to link one handle to two accounts cannot both win.
      const { count } = await tx.handle.updateMany({
        where: { id: handle.id, accountId: null },
        data: { accountId: actor.accountId },
      });
      if (count !== 1) throw new RegistryError("CONFLICT", `Handle ${name} was linked meanwhile`);
      audit.after = { accountId: actor.accountId };
      return summary(handle, account.handleId);
    },
  );
}

/** The handle stays, with its domains; it is no longer administrable in the portal. */
export async function unlinkHandle(ctx: CoreContext, input: { handle: string }): Promise<{ handle: string }> {
  return runRegistrarOperation(
    ctx,
    { name: "handle.unlink", verb: "account.handles", objectType: "Handle", objectLabel: input.handle },
    async ({ tx, actor, audit }) => {
      const handle = await findPortfolioHandle(tx, actor.accountId, input.handle, "handle");
      Object.assign(audit, { objectId: handle.id, objectLabel: handle.handle });
      const account = await accountData(tx, actor.accountId);
      if (handle.id === account.handleId) {
        throw new RegistryError("HANDLE_NOT_UNLINKABLE", `${handle.handle} is the registrar's own handle`, { field: "handle" });
      }
      await tx.handle.update({ where: { id: handle.id }, data: { accountId: null } });
      audit.before = { accountId: actor.accountId };
      return { handle: handle.handle };
    },
  );
}

export type HandleDetails = HandleSummary & {
  attention: string | null;
  street: string;
  postalCode: string;
  city: string;
  countryCode: string;
  phone: string | null;
  vatNumber: string | null;
  termsAcceptedAt: Date | null;
  idControl: string;
  /** Its own email first, then those of the handles merged into it. */
  associatedEmails: string[];
  mergedHandles: string[];
  domains: { registrant: number; proxy: number; payer: number };
  nameServers: string[];
};

export async function getHandle(ctx: CoreContext, input: { handle: string }): Promise<HandleDetails> {
  const actor = requirePermission(ctx.actor, "account.handles");
  const h = await findPortfolioHandle(ctx.db, actor.accountId, input.handle, "handle");
  const account = await accountData(ctx.db, actor.accountId);
  const merged = await ctx.db.handle.findMany({ where: { mergedIntoId: h.id }, select: { handle: true, email: true } });
  const live = { state: { not: "DELETED" as const } };
  const [registrant, proxy, payer, nameServers] = await Promise.all([
    ctx.db.domain.count({ where: { registrantId: h.id, ...live } }),
    ctx.db.domain.count({ where: { proxyId: h.id, ...live } }),
    ctx.db.domain.count({ where: { payerId: h.id, ...live } }),
    ctx.db.nameServer.findMany({ where: { nsaHandleId: h.id }, select: { host: true }, orderBy: { host: "asc" } }),
  ]);
  return {
    ...summary(h, account.handleId),
    attention: h.attention,
    street: h.street,
    postalCode: h.postalCode,
    city: h.city,
    countryCode: h.countryCode,
    phone: h.phone,
    vatNumber: h.vatNumber,
    termsAcceptedAt: h.termsAcceptedAt,
    idControl: h.idControl,
    associatedEmails: [...new Set([h.email, ...merged.map((m) => m.email)])],
    mergedHandles: merged.map((m) => m.handle),
    domains: { registrant, proxy, payer },
    nameServers: nameServers.map((n) => n.host),
  };
}
