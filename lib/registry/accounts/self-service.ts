import type { Tx } from "@/lib/db/client";
import type { RegistrarActor } from "@/lib/registry/actor";
import { recordAudit } from "@/lib/registry/audit";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import type { AuditDraft, OperationSpec } from "@/lib/registry/operation";

// Operations a portal user performs on itself (TOTP enrolment, its own sessions): no permission
// verb, any meta-role, but the same discipline as runRegistrarOperation — one transaction, an
// audit event inside it, a refusal audited after the rollback. (operation.ts's runner takes a
// verb; this is its self-service sibling.)


export async function runOwnUserOperation<R>(
  ctx: CoreContext,
  spec: OperationSpec,
  fn: (op: { tx: Tx; actor: RegistrarActor; now: Date; audit: AuditDraft }) => Promise<R>,
): Promise<R> {
  const now = ctx.clock.now();
  const draft: AuditDraft = { objectLabel: spec.objectLabel ?? null };
  const accountId = "accountId" in ctx.actor ? ctx.actor.accountId : null;
  try {
    const actor = ctx.actor;
    if (actor.kind !== "portal") {
      throw new RegistryError("NOT_AUTHORIZED", "Only portal users can do this for themselves");
    }
    return await ctx.db.$transaction(
      async (tx) => {
        const value = await fn({ tx, actor, now, audit: draft });
        await recordAudit(tx, {
          actor,
          at: now,
          accountId,
          operation: spec.name,
          objectType: spec.objectType,
          ...draft,
          outcome: "SUCCESS",
        });
        return value;
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (isRegistryError(error)) {
      await recordAudit(ctx.db, {
        actor: ctx.actor,
        at: now,
        accountId,
        operation: spec.name,
        objectType: spec.objectType,
        objectId: draft.objectId,
        objectLabel: draft.objectLabel,
        outcome: "REFUSED",
        errorCode: error.code,
      });
    }
    throw error;
  }
}

/**
 * Self-service forms carry the id of the user they were opened for. A form submitted after another
 * user signed in in the same browser names someone else: NOT_FOUND, nothing changes.
 */
export function requireSameUser(actor: RegistrarActor, userId: string | undefined): void {
  if (userId !== undefined && userId !== actor.userId) {
    throw new RegistryError("NOT_FOUND", "This form was opened for another user; reload the page", {
      field: "userId",
    });
  }
}
