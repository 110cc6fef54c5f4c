import type { Tx } from "@/lib/db/client";
import type { Actor, RegistrarActor } from "@/lib/registry/actor";
import { recordAudit } from "@/lib/registry/audit";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { type Verb, requireOperator, requirePermission } from "@/lib/registry/permissions";
import type { Policy } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";
import { withRetry } from "@/lib/registry/retry";

// The one place that holds the operation discipline of DESIGN.md §2: guard the actor, run the
// use-case in one transaction with the clock's "now" and the stored policy, write the audit event
// inside it, and — when the use-case refuses — roll back and audit the refusal outside.

/** What the use-case fills in for its audit event; the runner writes it. */
export type AuditDraft = {
  accountId?: string | null;
  objectId?: string | null;
  objectLabel?: string | null;
  before?: unknown;
  after?: unknown;
};

export type OperationScope<A extends Actor> = {
  tx: Tx;
  actor: A;
  now: Date;
  policy: Policy;
  audit: AuditDraft;
  /**
   * Commit what was done so far (e.g. a hold ended for lack of funds) and then refuse with the
   * error: the one kind of refusal that leaves a trace besides its audit event.
   */
  commitThenRefuse(error: RegistryError): CommittedRefusal;
  /**
   * Write the success audit event now, from the draft as it stands, instead of after the
   * use-case (issue 22): for an operation that takes a contended lock last — the account's
   * balance row, which serialises every debit of one registrar — so that lock is held for as few
   * statements as possible. The draft is final from here (it is frozen), and the use-case must
   * end in success or throw, which rolls the event back with everything else (a refusal is then
   * audited after the rollback as always); a committed refusal after it is a programming error.
   */
  auditNow(): Promise<void>;
};

export class CommittedRefusal {
  constructor(readonly error: RegistryError) {}
}

export type OperationSpec = {
  /** Audit operation name, e.g. "domain.register". */
  name: string;
  objectType: string;
  objectLabel?: string | null;
};

type Guard<A extends Actor> = (actor: Actor) => A;

async function runGuarded<A extends Actor, R>(
  ctx: CoreContext,
  spec: OperationSpec,
  guard: Guard<A>,
  fn: (op: OperationScope<A>) => Promise<R>,
): Promise<Exclude<R, CommittedRefusal>> {
  const now = ctx.clock.now();
  // one draft per attempt (a retried transaction fills it again); the refusal audits the last
  let draft: AuditDraft = { objectLabel: spec.objectLabel ?? null };
  const accountOf = (actor: Actor) => ("accountId" in actor ? actor.accountId : null);
  try {
    const actor = guard(ctx.actor);
    // a serialization failure or deadlock aborts the whole transaction: run it again
    const result = await withRetry(() =>
      ctx.db.$transaction(
        async (tx) => {
          const audit: AuditDraft = { objectLabel: spec.objectLabel ?? null };
          draft = audit;
          let audited = false;
          const write = (refused: RegistryError | null) =>
            recordAudit(tx, {
              actor,
              at: now,
              accountId: audit.accountId ?? accountOf(actor),
              operation: spec.name,
              objectType: spec.objectType,
              ...audit,
              outcome: refused ? "REFUSED" : "SUCCESS",
              errorCode: refused?.code ?? null,
            });
          const policy = await getPolicy(tx, now);
          const value = await fn({
            tx,
            actor,
            now,
            policy,
            audit,
            commitThenRefuse: (error) => new CommittedRefusal(error),
            auditNow: async () => {
              if (audited) throw new Error(`${spec.name}: audited twice`);
              audited = true;
              Object.freeze(audit);
              await write(null);
            },
          });
          const refused = value instanceof CommittedRefusal ? value.error : null;
          if (!audited) await write(refused);
          else if (refused) throw new Error(`${spec.name}: a committed refusal after auditNow()`);
          return value;
        },
        { timeout: 30_000, maxWait: 30_000 },
      ),
    );
    if (result instanceof CommittedRefusal) {
      committedErrors.add(result.error);
      throw result.error;
    }
    return result as Exclude<R, CommittedRefusal>;
  } catch (error) {
    if (isRegistryError(error) && !draftCommitted(error)) {
      await recordAudit(ctx.db, {
        actor: ctx.actor,
        at: now,
        accountId: draft.accountId ?? accountOf(ctx.actor),
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

// A committed refusal was audited inside its transaction; it must not be audited twice.
const committedErrors = new WeakSet<RegistryError>();
function draftCommitted(error: RegistryError): boolean {
  return committedErrors.has(error);
}

/**
 * A registrar user's operation, guarded by the permission verb; scope is actor.accountId.
 * `objectGrant`: the use-case checks the verb's object grants itself (permissions.ts).
 */
export function runRegistrarOperation<R>(
  ctx: CoreContext,
  spec: OperationSpec & { verb: Verb; objectGrant?: boolean },
  fn: (op: OperationScope<RegistrarActor>) => Promise<R>,
): Promise<Exclude<R, CommittedRefusal>> {
  return runGuarded(ctx, spec, (actor) => requirePermission(actor, spec.verb, spec), fn);
}

export function runOperatorOperation<R>(
  ctx: CoreContext,
  spec: OperationSpec,
  fn: (op: OperationScope<Extract<Actor, { kind: "operator" }>>) => Promise<R>,
): Promise<Exclude<R, CommittedRefusal>> {
  return runGuarded(ctx, spec, requireOperator, fn);
}

/** A registrant acting through a /r/ link: it may act only on what its token names. */
export function runRegistrantOperation<R>(
  ctx: CoreContext,
  spec: OperationSpec,
  fn: (op: OperationScope<Extract<Actor, { kind: "registrant" }>>) => Promise<R>,
): Promise<Exclude<R, CommittedRefusal>> {
  return runGuarded(ctx, spec, requireRegistrant, fn);
}

/**
 * For the rare operation that must call out (a payment provider) before its transaction: checks
 * the verb up front and audits a refusal, as the runner would.
 */
export async function requirePermissionAudited(
  ctx: CoreContext,
  spec: OperationSpec & { verb: Verb },
): Promise<RegistrarActor> {
  try {
    return requirePermission(ctx.actor, spec.verb);
  } catch (error) {
    if (isRegistryError(error)) {
      await recordAudit(ctx.db, {
        actor: ctx.actor,
        at: ctx.clock.now(),
        accountId: "accountId" in ctx.actor ? ctx.actor.accountId : null,
        operation: spec.name,
        objectType: spec.objectType,
        objectLabel: spec.objectLabel ?? null,
        outcome: "REFUSED",
        errorCode: error.code,
      });
    }
    throw error;
  }
}

function requireRegistrant(actor: Actor): Extract<Actor, { kind: "registrant" }> {
  if (actor.kind !== "registrant") {
    throw new RegistryError("NOT_AUTHORIZED", "Only the registrant may answer this request");
  }
  return actor;
}
