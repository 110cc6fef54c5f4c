import type { RegistrantChangeState } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { findOwnDomain, lockOwnDomain } from "@/lib/registry/domains";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import { getPolicy } from "@/lib/registry/policy-store";

// Issue 16: a domain's change of registrant as its page shows it (R-CHG-2/3) — the steps a
// request went through, each with when and until when — and the registrar's "Cancel request".

/** skipped: not needed (terms settled before); notReached: the request ended before it. */
export type ChangeStepStatus = "done" | "current" | "skipped" | "failed" | "upcoming" | "notReached";

export type ChangeStep = {
  step: "termsRequested" | "termsAccepted" | "idControl" | "outcome";
  status: ChangeStepStatus;
  /** When it happened (done/failed), or when it began (current). */
  at: Date | null;
  /** The instant from which the step can no longer happen (the page shows its last moment). */
  deadline: Date | null;
};

export type RegistrantChangeView = {
  domain: { name: string; uLabel: string };
  request: {
    id: string;
    state: RegistrantChangeState;
    from: { handle: string; name: string };
    to: { handle: string; name: string };
    requestedAt: Date;
    decidedAt: Date | null;
    decisionReason: string | null;
    pending: boolean;
    steps: ChangeStep[];
  } | null;
};

const PENDING: RegistrantChangeState[] = ["TERMS_REQUESTED", "ID_CONTROL_REQUESTED"];

type Row = {
  state: RegistrantChangeState;
  termsRequestedAt: Date | null;
  termsExpiresAt: Date | null;
  idControlRequestedAt: Date | null;
  idControlExpiresAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
};

/** The steps of a request from its timestamps (R-CHG-3: terms, then ID control, then the outcome). */
export function registrantChangeSteps(r: Row): ChangeStep[] {
  const termsAsked = r.termsRequestedAt !== null;
  // the terms were accepted when ID control began, or when the change was made after them
  const termsAcceptedAt = !termsAsked
    ? null
    : (r.idControlRequestedAt ?? (r.state === "COMPLETED" || r.state === "ID_CONTROL_REJECTED" ? r.decidedAt : null));
  const idAsked = r.idControlRequestedAt !== null;
  const steps: ChangeStep[] = [
    {
      step: "termsRequested",
      status: termsAsked ? "done" : "skipped",
      at: r.termsRequestedAt,
      deadline: null,
    },
    {
      step: "termsAccepted",
      status: !termsAsked
        ? "skipped"
        : termsAcceptedAt
          ? "done"
          : r.state === "TERMS_REQUESTED"
            ? "current"
            : r.state === "TERMS_EXPIRED"
              ? "failed"
              : "upcoming",
      at: termsAcceptedAt,
      deadline: termsAsked ? r.termsExpiresAt : null,
    },
    {
      step: "idControl",
      status: !idAsked
        ? r.state === "TERMS_REQUESTED"
          ? "upcoming"
          : termsAsked && !termsAcceptedAt
            ? "notReached" // ended at the terms: whether ID control was needed never came up
            : "skipped"
        : r.state === "ID_CONTROL_REQUESTED"
          ? "current"
          : r.state === "COMPLETED"
            ? "done"
            : r.state === "CANCELLED"
              ? "notReached"
              : "failed",
      at: idAsked ? (r.state === "ID_CONTROL_REQUESTED" ? r.idControlRequestedAt : (r.decidedAt ?? r.idControlRequestedAt)) : null,
      deadline: r.idControlExpiresAt,
    },
    {
      step: "outcome",
      status: PENDING.includes(r.state) ? "upcoming" : r.state === "COMPLETED" ? "done" : "failed",
      at: r.decidedAt,
      deadline: null,
    },
  ];
  if (PENDING.includes(r.state)) return steps;
  return steps.map((s) => (s.status === "upcoming" || s.status === "current" ? { ...s, status: "notReached" } : s));
}

/**
 * The domain's current change of registrant — the pending one, else the newest — with its steps;
 * `request` is null when the account never asked for one. Another registrar's or an unknown
 * domain is NOT_FOUND (the page answers 404).
 */
export async function getRegistrantChange(
  ctx: CoreContext,
  input: { name: string },
): Promise<RegistrantChangeView> {
  const actor = requirePermission(ctx.actor, "domain.changeRegistrant");
  const domain = await findOwnDomain(ctx.db, actor.accountId, input.name);
  const row = await ctx.db.registrantChangeRequest.findFirst({
    where: { domainId: domain.id, accountId: actor.accountId },
    // a pending one first (there is at most one), then the newest
    orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: {
      fromHandle: { select: { handle: true, name: true } },
      toHandle: { select: { handle: true, name: true } },
    },
  });
  return {
    domain: { name: domain.aLabel, uLabel: domain.uLabel },
    request: row
      ? {
          id: row.id,
          state: row.state,
          from: row.fromHandle,
          to: row.toHandle,
          requestedAt: row.createdAt,
          decidedAt: row.decidedAt,
          decisionReason: row.decisionReason,
          pending: PENDING.includes(row.state),
          steps: registrantChangeSteps(row),
        }
      : null,
  };
}

/**
 * The registrar withdraws its pending change of registrant (terms or ID control outstanding):
 * the request ends CANCELLED, nothing is billed, the registrant's terms link stops working.
 * No pending request: REGISTRANT_CHANGE_NOT_PENDING.
 */
export async function cancelRegistrantChange(
  ctx: CoreContext,
  input: { name: string },
): Promise<{ requestId: string; state: "CANCELLED" }> {
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.cancelRegistrantChange",
      verb: "domain.changeRegistrant",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      audit.objectId = domain.id;
      audit.objectLabel = domain.aLabel;
      const pending = await tx.registrantChangeRequest.findFirst({
        where: { domainId: domain.id, accountId: actor.accountId, state: { in: PENDING } },
        select: { id: true, state: true, toHandle: { select: { handle: true } } },
      });
      if (!pending) {
        throw new RegistryError(
          "REGISTRANT_CHANGE_NOT_PENDING",
          `Domain ${domain.uLabel} has no pending change of registrant`,
          { state: null },
        );
      }
      const { count } = await tx.registrantChangeRequest.updateMany({
        where: { id: pending.id, state: { in: PENDING } },
        data: { state: "CANCELLED", decidedAt: now },
      });
      if (count === 0) {
        throw new RegistryError(
          "REGISTRANT_CHANGE_NOT_PENDING",
          `The change of registrant of ${domain.uLabel} was just decided`,
        );
      }
      audit.before = { state: pending.state, to: pending.toHandle.handle };
      audit.after = { state: "CANCELLED", requestId: pending.id };
      return { requestId: pending.id, state: "CANCELLED" as const };
    },
  );
}

/** The fee of a change of registrant in force now (øre), billed when the change is made. */
export async function registrantChangeFee(ctx: CoreContext): Promise<number> {
  requirePermission(ctx.actor, "domain.changeRegistrant");
  return (await getPolicy(ctx.db, ctx.clock.now())).prices.registrantChangeOre;
}
