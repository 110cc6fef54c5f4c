import type { Db } from "@/lib/db/client";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import {
  type CheckedDomain,
  checkAddDsRecord,
  checkCancelDomain,
  checkChangeRegistrant,
  checkIssueToken,
  checkRenewDomain,
  checkRestoreDomain,
  checkSetContacts,
  checkSetNameServers,
  checkSetRenewalPolicy,
  shortestRenewalPeriod,
} from "@/lib/registry/domains/domain-checks";
import { domainNotFound } from "@/lib/registry/domains/domain-view";
import { type RegistryErrorCode, isRegistryError } from "@/lib/registry/errors";
import { can, requirePermission, type Verb } from "@/lib/registry/permissions";
import type { Policy } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";
import { parseDomainName, registryDateFromDb } from "@/lib/registry/rules";

// Issue 14: the actions panel of a domain's page. For each action the actor's meta-roles allow
// (the permission table, DESIGN.md §1), whether it is possible now — or the reason it is not,
// which is the RegistryError the operation itself would raise, from the same check functions
// (domain-checks.ts). Actions the roles do not allow are not listed at all.

export const DOMAIN_ACTIONS = [
  "renew",
  "setRenewalPolicy",
  "cancel",
  "restore",
  "changeRegistrant",
  "setContacts",
  "issueTransferToken",
  "issueRedelegationToken",
  "setNameServers",
  "addDsRecord",
] as const;

export type DomainActionName = (typeof DOMAIN_ACTIONS)[number];

export type DomainActionReason = {
  code: RegistryErrorCode;
  /** The operation's own message (English), naming the domain and why. */
  message: string;
  details?: Readonly<Record<string, unknown>>;
};

export type DomainAction = {
  action: DomainActionName;
  verb: Verb;
  possible: boolean;
  /** Why not, when it is not possible now. */
  reason: DomainActionReason | null;
};

type Check = (scope: {
  db: Db;
  actor: RegistrarActor;
  domain: CheckedDomain;
  policy: Policy;
  now: Date;
}) => Promise<unknown>;

const ACTIONS: Record<DomainActionName, { verb: Verb; check: Check }> = {
  renew: {
    verb: "domain.renew",
    check: ({ db, actor, domain, policy, now }) =>
      checkRenewDomain(
        db,
        actor,
        domain,
        {
          curExpDate: domain.exDate ? registryDateFromDb(domain.exDate) : "",
          period: shortestRenewalPeriod(policy),
        },
        policy,
        now,
      ),
  },
  setRenewalPolicy: {
    verb: "domain.setRenewalPolicy",
    check: ({ db, actor, domain, now }) => checkSetRenewalPolicy(db, actor, domain, now),
  },
  cancel: {
    verb: "domain.cancel",
    check: ({ db, actor, domain }) => checkCancelDomain(db, actor, domain),
  },
  restore: {
    verb: "domain.restore",
    check: ({ db, actor, domain, now }) => checkRestoreDomain(db, actor, domain, now),
  },
  changeRegistrant: {
    verb: "domain.changeRegistrant",
    check: ({ db, actor, domain }) => checkChangeRegistrant(db, actor, domain),
  },
  setContacts: {
    verb: "domain.setContacts",
    check: ({ db, actor, domain }) => checkSetContacts(db, actor, domain),
  },
  issueTransferToken: {
    verb: "domain.transferToken.issue",
    check: ({ db, actor, domain }) => checkIssueToken(db, actor, domain, true),
  },
  issueRedelegationToken: {
    verb: "redelegationToken.issue",
    // an NSA issues NSA-REDEL (the name servers' business); a Proxy without NSA issues PXY-REDEL
    // as the domain's administrator
    check: ({ db, actor, domain }) =>
      checkIssueToken(db, actor, domain, !actor.metaRoles.includes("NSA")),
  },
  setNameServers: {
    verb: "domain.setNameServers",
    check: async ({ domain }) => checkSetNameServers(domain),
  },
  addDsRecord: {
    verb: "dnssec.add",
    check: ({ db, actor, domain }) => checkAddDsRecord(db, actor, domain),
  },
};

/** The live domain of this name in the account's portfolio, without a lock (pages, queries). */
export async function findOwnDomain(db: Db, accountId: string, name: string) {
  const { aLabel } = parseDomainName(name);
  const row = await db.domain.findFirst({
    where: { liveName: aLabel, registrarId: accountId },
    select: {
      id: true,
      aLabel: true,
      uLabel: true,
      state: true,
      managementModel: true,
      registrantId: true,
      proxyId: true,
      payerId: true,
      exDate: true,
      deleteAt: true,
    },
  });
  if (!row) throw domainNotFound(aLabel);
  return row;
}

/**
 * The actions the actor's meta-roles allow on the domain, each possible now or with the reason
 * not. Another registrar's domain and an unknown name are NOT_FOUND.
 */
export async function domainActions(
  ctx: CoreContext,
  input: { name: string },
): Promise<DomainAction[]> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const domain = await findOwnDomain(ctx.db, actor.accountId, input.name);
  const now = ctx.clock.now();
  // the version in force now, as the operations use (not a future-dated one)
  const policy = await getPolicy(ctx.db, now);
  const allowed = DOMAIN_ACTIONS.filter((action) => can(actor, ACTIONS[action].verb));
  // read-only checks, side by side (PostgreSQL runs them on several connections)
  return Promise.all(
    allowed.map(async (action): Promise<DomainAction> => {
      const { verb, check } = ACTIONS[action];
      try {
        await check({ db: ctx.db, actor, domain, policy, now });
        return { action, verb, possible: true, reason: null };
      } catch (error) {
        if (!isRegistryError(error)) throw error;
        return {
          action,
          verb,
          possible: false,
          reason: { code: error.code, message: error.message, details: error.details },
        };
      }
    }),
  );
}
