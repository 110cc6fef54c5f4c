import type { PrismaClient, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/registry/actor";
import { recordAudit } from "@/lib/registry/audit";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/messages";
import { runOperatorOperation, runRegistrantOperation } from "@/lib/registry/operation";
import { getPolicy } from "@/lib/registry/policy-store";
import { completeRegistrantChange, requestIdControl } from "@/lib/registry/registrants/registrant-change";
import { hashToken } from "@/lib/registry/rules";

// R-CHG-3, the later steps of a pending change of registrant: the new registrant accepts the
// terms through its /r/ link (ID control next when required; a registrant rejected meanwhile ends
// the request); the operator decides the ID control; the lifecycle expires requests
// nobody answered in time. Every step re-checks the request's state under a row lock.

const LINK_TOKEN = /^[0-9a-f]{32}$/;

/** The new registrant accepts the terms: ID control next when required, else the change is made. */
export async function acceptRegistrantChangeTerms(ctx: CoreContext, input: { token: string }) {
  return runRegistrantOperation(
    ctx,
    { name: "domain.acceptRegistrantChangeTerms", objectType: "RegistrantChangeRequest" },
    async ({ tx, actor, now, policy, audit }) => {
      const invalid = () => new RegistryError("TOKEN_INVALID", "This link is not valid");
      if (!LINK_TOKEN.test(input.token)) throw invalid();
      const found = await tx.registrantChangeRequest.findUnique({
        where: { termsLinkHash: hashToken(input.token) },
        select: { id: true },
      });
      if (!found) throw invalid();
      await tx.$queryRaw`SELECT id FROM "RegistrantChangeRequest" WHERE id = ${found.id}::uuid FOR UPDATE`;
      const request = await tx.registrantChangeRequest.findUniqueOrThrow({
        where: { id: found.id },
        include: { domain: { select: { aLabel: true, uLabel: true } }, toHandle: true },
      });
      Object.assign(audit, {
        accountId: request.accountId,
        objectId: request.id,
        objectLabel: request.domain.aLabel,
      });
      if (request.state !== "TERMS_REQUESTED") {
        throw new RegistryError(
          "TOKEN_ALREADY_USED",
          `The request for ${request.domain.uLabel} was already answered`,
        );
      }
      if (!request.termsExpiresAt || now.getTime() >= request.termsExpiresAt.getTime()) {
        throw new RegistryError(
          "TOKEN_EXPIRED",
          `The request for ${request.domain.uLabel} has expired`,
        );
      }
      await tx.handle.update({ where: { id: request.toHandleId }, data: { termsAcceptedAt: now } });
      const idControl = request.toHandle.idControl;
      if (idControl === "REQUIRED") {
        await requestIdControl(tx, { requestId: request.id, now, policy });
        audit.after = { state: "ID_CONTROL_REQUESTED" };
        return { state: "ID_CONTROL_REQUESTED" as const, domain: request.domain.aLabel };
      }
      // Decision: rejected in ID control while the terms were pending (e.g. through another
      // request): R-CHG-2 refuses a rejected registrant, so the request ends here, unbilled.
      if (idControl === "REJECTED") {
        await endRejected(tx, { requestId: request.id, now });
        audit.after = { state: "ID_CONTROL_REJECTED" };
        return { state: "ID_CONTROL_REJECTED" as const, domain: request.domain.aLabel };
      }
      const charged = await completeRegistrantChange(tx, {
        requestId: request.id,
        actor,
        now,
        policy,
      });
      audit.after = { state: "COMPLETED", charged };
      return { state: "COMPLETED" as const, domain: request.domain.aLabel };
    },
  );
}

/**
 * Issue 16: the new registrant declines the terms on its /r/ page. Decision: the request ends at
 * once as TERMS_DECLINED (nothing changes, nothing is billed) and the registrar is told, as when
 * the terms lapse; a used or expired link is refused like for accepting.
 */
export async function declineRegistrantChangeTerms(ctx: CoreContext, input: { token: string }) {
  return runRegistrantOperation(
    ctx,
    { name: "domain.declineRegistrantChangeTerms", objectType: "RegistrantChangeRequest" },
    async ({ tx, now, audit }) => {
      const invalid = () => new RegistryError("TOKEN_INVALID", "This link is not valid");
      if (!LINK_TOKEN.test(input.token)) throw invalid();
      const found = await tx.registrantChangeRequest.findUnique({
        where: { termsLinkHash: hashToken(input.token) },
        select: { id: true },
      });
      if (!found) throw invalid();
      await tx.$queryRaw`SELECT id FROM "RegistrantChangeRequest" WHERE id = ${found.id}::uuid FOR UPDATE`;
      const request = await tx.registrantChangeRequest.findUniqueOrThrow({
        where: { id: found.id },
        include: {
          domain: { select: { aLabel: true, uLabel: true } },
          toHandle: { select: { handle: true } },
        },
      });
      Object.assign(audit, {
        accountId: request.accountId,
        objectId: request.id,
        objectLabel: request.domain.aLabel,
      });
      if (request.state !== "TERMS_REQUESTED") {
        throw new RegistryError(
          "TOKEN_ALREADY_USED",
          `The request for ${request.domain.uLabel} was already answered`,
        );
      }
      if (!request.termsExpiresAt || now.getTime() >= request.termsExpiresAt.getTime()) {
        throw new RegistryError("TOKEN_EXPIRED", `The request for ${request.domain.uLabel} has expired`);
      }
      await tx.registrantChangeRequest.update({
        where: { id: request.id },
        data: { state: "TERMS_DECLINED", decidedAt: now },
      });
      await queueNotification(tx, {
        accountId: request.accountId,
        type: "REGISTRANT_CHANGE_TERMS_DECLINED",
        domainName: request.domain.aLabel,
        message: `Change of registrant of ${request.domain.uLabel} to ${request.toHandle.handle} was declined: the new registrant refused the terms`,
        data: { requestId: request.id, to: request.toHandle.handle },
        now,
      });
      audit.before = { state: "TERMS_REQUESTED" };
      audit.after = { state: "TERMS_DECLINED" };
      return { state: "TERMS_DECLINED" as const, domain: request.domain.aLabel };
    },
  );
}

/**
 * R-CHG-3: the operator's ID-control decision; passed completes the change, rejected ends it. The
 * reason (issue 21) is stored on the request and given in the registrar's message.
 */
export async function decideIdControl(
  ctx: CoreContext,
  requestId: string,
  decision: "passed" | "rejected",
  options: { reason?: string | null } = {},
) {
  const reason = options.reason?.trim().slice(0, 500) || null;
  return runOperatorOperation(
    ctx,
    { name: "registrantChange.decideIdControl", objectType: "RegistrantChangeRequest" },
    async ({ tx, actor, now, policy, audit }) => {
      const notFound = () =>
        new RegistryError("NOT_FOUND", `Change-of-registrant request ${requestId} not found`);
      if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw notFound();
      audit.objectId = requestId;
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "RegistrantChangeRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
      if (rows.length === 0) throw notFound();
      const request = await tx.registrantChangeRequest.findUniqueOrThrow({
        where: { id: requestId },
        include: { domain: { select: { aLabel: true, uLabel: true } } },
      });
      Object.assign(audit, { accountId: request.accountId, objectLabel: request.domain.aLabel });
      const open =
        request.state === "ID_CONTROL_REQUESTED" &&
        request.idControlExpiresAt !== null &&
        now.getTime() < request.idControlExpiresAt.getTime();
      if (!open) {
        throw new RegistryError(
          "REGISTRANT_CHANGE_NOT_PENDING",
          `The change of registrant of ${request.domain.uLabel} is not awaiting ID control (${request.state.toLowerCase()})`,
          { state: request.state },
        );
      }
      await tx.handle.update({
        where: { id: request.toHandleId },
        data: { idControl: decision === "passed" ? "PASSED" : "REJECTED" },
      });
      await tx.registrantChangeRequest.update({
        where: { id: requestId },
        data: { decidedByOperatorId: actor.operatorId, decisionReason: reason },
      });
      audit.before = { state: request.state };
      if (decision === "passed") {
        const charged = await completeRegistrantChange(tx, { requestId, actor, now, policy });
        audit.after = { state: "COMPLETED", charged, reason };
        return { state: "COMPLETED" as const };
      }
      await endRejected(tx, { requestId, now, reason });
      audit.after = { state: "ID_CONTROL_REJECTED", reason };
      return { state: "ID_CONTROL_REJECTED" as const };
    },
  );
}

/** Ends a request as ID_CONTROL_REJECTED (nothing changed, nothing billed) and tells the registrar. */
async function endRejected(
  tx: Tx,
  input: { requestId: string; now: Date; reason?: string | null },
): Promise<void> {
  const request = await tx.registrantChangeRequest.update({
    where: { id: input.requestId },
    data: { state: "ID_CONTROL_REJECTED", decidedAt: input.now },
    include: {
      domain: { select: { aLabel: true, uLabel: true } },
      toHandle: { select: { handle: true } },
    },
  });
  await queueNotification(tx, {
    accountId: request.accountId,
    type: "REGISTRANT_CHANGE_ID_CONTROL_REJECTED",
    domainName: request.domain.aLabel,
    message:
      `Change of registrant of ${request.domain.uLabel} to ${request.toHandle.handle} was refused: the ID control was rejected` +
      (input.reason ? ` (${input.reason})` : ""),
    data: {
      requestId: request.id,
      to: request.toHandle.handle,
      ...(input.reason ? { reason: input.reason } : {}),
    },
    now: input.now,
  });
}

const lifecycle: Actor = { kind: "system", label: "lifecycle" };

type Lapsed = { id: string; accountId: string; aLabel: string; uLabel: string; state: string };

/**
 * For the lifecycle worker: requests whose terms or ID-control period has passed end as
 * TERMS_EXPIRED or ID_CONTROL_EXPIRED, each with its notification and audit event. Rows are
 * claimed with SKIP LOCKED, so concurrent workers never expire one twice. Returns how many.
 */
export async function expireRegistrantChangeRequests(db: PrismaClient, now: Date): Promise<number> {
  await getPolicy(db, now); // fails loudly on a broken stored policy before touching anything
  return db.$transaction(async (tx) => {
    const lapsed = await tx.$queryRaw<Lapsed[]>`
      SELECT r.id, r."accountId", d."aLabel", d."uLabel", r.state::text AS state
      FROM "RegistrantChangeRequest" r JOIN "Domain" d ON d.id = r."domainId"
      WHERE (r.state = 'TERMS_REQUESTED' AND r."termsExpiresAt" <= ${now})
         OR (r.state = 'ID_CONTROL_REQUESTED' AND r."idControlExpiresAt" <= ${now})
      ORDER BY r.id FOR UPDATE OF r SKIP LOCKED`;
    for (const r of lapsed) {
      const terms = r.state === "TERMS_REQUESTED";
      const state = terms ? "TERMS_EXPIRED" : "ID_CONTROL_EXPIRED";
      await tx.registrantChangeRequest.update({
        where: { id: r.id },
        data: { state, decidedAt: now },
      });
      await queueNotification(tx, {
        accountId: r.accountId,
        type: `REGISTRANT_CHANGE_${state}`,
        domainName: r.aLabel,
        message: terms
          ? `Change of registrant of ${r.uLabel} lapsed: the new registrant did not accept the terms in time`
          : `Change of registrant of ${r.uLabel} lapsed: the ID control was not completed in time`,
        data: { requestId: r.id },
        now,
      });
      await recordAudit(tx, {
        actor: lifecycle,
        at: now,
        accountId: r.accountId,
        operation: "lifecycle.registrantChangeExpired",
        objectType: "RegistrantChangeRequest",
        objectId: r.id,
        objectLabel: r.aLabel,
        before: { state: r.state },
        after: { state },
        outcome: "SUCCESS",
      });
    }
    return lapsed.length;
  });
}
