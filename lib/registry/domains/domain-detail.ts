import type {
  ActorKind,
  DomainState,
  ManagementModel,
  RegistrantChangeState,
  RenewalPolicy,
  SuspensionReason,
} from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { domainNotFound } from "@/lib/registry/domains/domain-view";
import { can, requirePermission } from "@/lib/registry/permissions";
import {
  type DsRecord,
  expiryInstant,
  localDateOf,
  parseDomainName,
  type RegistryDate,
  registryDateFromDb,
} from "@/lib/registry/rules";

// Issue 14: everything the domain's own page shows (domain.view), in one core query scoped to
// the portfolio — another registrar's domain and an unknown name are NOT_FOUND alike.

export type HandleRef = { handle: string; name: string };

/**
 * The state in words' terms: what it is and until when. ACTIVE: the domain expires (or renews
 * automatically) at `deadline`, 00:00 local on its exDate. SUSPENDED: restorable until
 * `deadline` (the deleteAt instant, refused from then on). HELD: awaits the registrant's
 * acceptance until `deadline` (the hold's end).
 */
export type DomainStatus = {
  state: DomainState;
  reason: SuspensionReason | null;
  /** The instant from which the next lifecycle step happens (refused from then on). */
  deadline: Date | null;
  /** That instant's Copenhagen date: "until the day before" for a last-day wording. */
  deadlineDate: RegistryDate | null;
};

export type DomainHistoryEntry = {
  id: number;
  at: Date;
  actorKind: ActorKind;
  actorLabel: string;
  ip: string | null;
  operation: string;
  before: unknown;
  after: unknown;
};

export type DomainDetail = {
  id: string;
  name: string;
  uLabel: string;
  isIdn: boolean;
  status: DomainStatus;
  managementModel: ManagementModel;
  renewalPolicy: RenewalPolicy;
  crDate: Date | null;
  exDate: RegistryDate | null;
  deleteAt: Date | null;
  reference: string | null;
  poNumber: string | null;
  accountCode: string | null;
  registrant: HandleRef;
  proxy: HandleRef | null;
  payer: HandleRef | null;
  nameServers: { host: string; glueV4: string[]; glueV6: string[]; markedForDeletion: boolean }[];
  dsRecords: DsRecord[];
  /** Open tokens of the kinds the actor may issue (secrets are never shown). */
  openTokens: { id: string; kind: string; createdAt: Date; expiresAt: Date }[];
  pendingRegistrantChange: {
    id: string;
    state: RegistrantChangeState;
    to: HandleRef;
    requestedAt: Date;
    deadline: Date | null;
  } | null;
  hold: { appliedAt: Date; expiresAt: Date } | null;
  openInvoice: { number: number; amount: number; issuedAt: Date; dueAt: Date; payer: HandleRef } | null;
  /** Successful changes, newest first (the last HISTORY_LIMIT). */
  history: DomainHistoryEntry[];
};

export const HISTORY_LIMIT = 50;

const handleRef = { select: { handle: true, name: true } } as const;

export async function getDomainDetail(
  ctx: CoreContext,
  input: { name: string },
): Promise<DomainDetail> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const { aLabel } = parseDomainName(input.name);
  const now = ctx.clock.now();
  const d = await ctx.db.domain.findFirst({
    where: { liveName: aLabel, registrarId: actor.accountId },
    select: {
      id: true,
      aLabel: true,
      uLabel: true,
      state: true,
      managementModel: true,
      renewalPolicy: true,
      crDate: true,
      exDate: true,
      suspensionReason: true,
      deleteAt: true,
      reference: true,
      poNumber: true,
      accountCode: true,
      registrant: handleRef,
      proxy: handleRef,
      payer: handleRef,
      delegations: {
        orderBy: { position: "asc" },
        select: {
          nameServer: {
            select: { host: true, glueV4: true, glueV6: true, markedForDeletionAt: true },
          },
        },
      },
      dsRecords: {
        select: { keyTag: true, algorithm: true, digestType: true, digest: true },
        orderBy: [{ keyTag: "asc" }, { algorithm: "asc" }, { digestType: "asc" }, { digest: "asc" }],
      },
      hold: { select: { appliedAt: true, expiresAt: true, state: true } },
    },
  });
  if (!d) throw domainNotFound(aLabel);

  const tokenKinds: ("TRANSFER" | "REDEL")[] = [];
  if (can(actor, "domain.transferToken.issue")) tokenKinds.push("TRANSFER");
  if (can(actor, "redelegationToken.issue")) tokenKinds.push("REDEL");
  const [tokens, change, invoice, history] = await Promise.all([
    tokenKinds.length === 0
      ? []
      : ctx.db.authToken.findMany({
          where: {
            domainId: d.id,
            kind: { in: tokenKinds },
            OR: [{ issuedByAccountId: actor.accountId }, { issuedByAccountId: null }],
            usedAt: null,
            retractedAt: null,
            expiresAt: { gt: now },
          },
          orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
          select: { id: true, kind: true, issuerRole: true, createdAt: true, expiresAt: true },
        }),
    ctx.db.registrantChangeRequest.findFirst({
      where: {
        domainId: d.id,
        accountId: actor.accountId,
        state: { in: ["TERMS_REQUESTED", "ID_CONTROL_REQUESTED"] },
      },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        state: true,
        createdAt: true,
        termsExpiresAt: true,
        idControlExpiresAt: true,
        toHandle: handleRef,
      },
    }),
    ctx.db.invoice.findFirst({
      where: { domainId: d.id, state: "OPEN" },
      orderBy: { number: "asc" },
      select: { number: true, amount: true, issuedAt: true, dueAt: true, payer: handleRef },
    }),
    // the account's own trail of this domain: its users, and the registry's lifecycle and
    // operators acting on it; a previous registrar's events stay theirs
    ctx.db.auditEvent.findMany({
      where: {
        objectType: "Domain",
        objectId: d.id,
        outcome: "SUCCESS",
        OR: [
          { accountId: actor.accountId },
          { accountId: null, actorKind: { in: ["SYSTEM", "OPERATOR", "REGISTRANT"] } },
        ],
      },
      orderBy: { id: "desc" },
      take: HISTORY_LIMIT,
      select: {
        id: true,
        at: true,
        actorKind: true,
        actorLabel: true,
        ip: true,
        operation: true,
        before: true,
        after: true,
      },
    }),
  ]);

  const exDate = d.exDate ? registryDateFromDb(d.exDate) : null;
  const hold = d.state === "HELD" && d.hold?.state === "PENDING" ? d.hold : null;
  const deadline =
    d.state === "ACTIVE" && exDate
      ? expiryInstant(exDate)
      : d.state === "SUSPENDED"
        ? d.deleteAt
        : d.state === "HELD"
          ? (hold?.expiresAt ?? null)
          : null;
  return {
    id: d.id,
    name: d.aLabel,
    uLabel: d.uLabel,
    isIdn: d.aLabel !== d.uLabel,
    status: {
      state: d.state,
      reason: d.state === "SUSPENDED" ? d.suspensionReason : null,
      deadline,
      deadlineDate: deadline ? localDateOf(deadline) : null,
    },
    managementModel: d.managementModel,
    renewalPolicy: d.renewalPolicy,
    crDate: d.crDate,
    exDate,
    deleteAt: d.deleteAt,
    reference: d.reference,
    poNumber: d.poNumber,
    accountCode: d.accountCode,
    registrant: d.registrant,
    proxy: d.proxy,
    payer: d.payer,
    nameServers: d.delegations.map(({ nameServer: ns }) => ({
      host: ns.host,
      glueV4: ns.glueV4,
      glueV6: ns.glueV6,
      markedForDeletion: ns.markedForDeletionAt !== null,
    })),
    dsRecords: d.dsRecords,
    openTokens: tokens.map((t) => ({
      id: t.id,
      kind: `${t.issuerRole}-${t.kind}`,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
    })),
    pendingRegistrantChange: change
      ? {
          id: change.id,
          state: change.state,
          to: change.toHandle,
          requestedAt: change.createdAt,
          deadline:
            change.state === "TERMS_REQUESTED" ? change.termsExpiresAt : change.idControlExpiresAt,
        }
      : null,
    hold: hold ? { appliedAt: hold.appliedAt, expiresAt: hold.expiresAt } : null,
    openInvoice: invoice,
    history,
  };
}
