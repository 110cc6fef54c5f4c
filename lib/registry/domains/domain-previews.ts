import type { Db } from "@/lib/db/client";
import type { RenewalPolicy } from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import {
  checkCancelDomain,
  checkRenewDomain,
  checkRestoreDomain,
  checkSetRenewalPolicy,
} from "@/lib/registry/domains/domain-checks";
import { domainNotFound, exDateOf } from "@/lib/registry/domains/domain-view";
import { isRegistryError } from "@/lib/registry/errors";
import { can, requirePermission, type Verb } from "@/lib/registry/permissions";
import type { Policy } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";
import {
  exDateAfterOneYear,
  expiryInstant,
  parseDomainName,
  type Period,
  priceForPeriod,
  priceForRestore,
  redemptionEndsAt,
  redemptionEndsOn,
  type RegistryDate,
  renewalPayer,
} from "@/lib/registry/rules";

// Issue 15 items 2–5: what a renewal, restore, cancellation or renewal-policy change will cost and
// change, shown in its dialog before the user confirms. Each preview runs the operation's own
// check functions (domain-checks.ts) and prices (rules/pricing.ts) against the policy version in
// force now — what the operation itself would use — so the dialog and the ledger cannot disagree.
// Reads only: nothing is locked, written or audited.

/** The balance facts, only for a user who may see the balance (billing.view, the Payer). */
export type BalanceFacts = { balance: number; balanceAfter: number } | null;

export type RenewalQuote = {
  name: string;
  uLabel: string;
  /** The exDate the renewal is asked from (the curExpDate sent). */
  curExpDate: RegistryDate;
  period: Period;
  newExDate: RegistryDate;
  /** øre */
  price: number;
  balance: BalanceFacts;
  /** The periods the policy offers for a renewal. */
  periods: { years: number[]; months: number[] };
};

export type RestorePreview = {
  name: string;
  uLabel: string;
  exDate: RegistryDate;
  newExDate: RegistryDate;
  /** One year plus the restore fee (R-DEL-2), øre. */
  price: number;
  yearPrice: number;
  restoreFee: number;
  /** Restore is refused from this instant on (the deleteAt). */
  restorableUntil: Date | null;
  balance: BalanceFacts;
};

export type CancelBlocker = {
  host: string;
  /** The account's own domains that use the host (U-labels). */
  ownDomains: string[];
  /** How many other registrars' domains use it (counted, never named). */
  otherDomains: number;
};

export type CancelPreview = {
  name: string;
  uLabel: string;
  exDate: RegistryDate | null;
  /** Suspended at once; restore is refused from `deleteAt` on, when the domain is deleted. */
  deleteAt: Date;
  /** The price of a restore during the redemption (a year plus the fee), øre. */
  restorePrice: number;
  /** R-DEL-1: hosts under the domain that other domains use; cancelling is refused while any. */
  blockers: CancelBlocker[];
};

export type RenewalPolicyPreview = {
  name: string;
  uLabel: string;
  current: RenewalPolicy;
  /** The policy acts at 00:00 on this date (the exDate). */
  takesEffectOn: RegistryDate;
  /** AUTO_RENEW: renewed for one year to this date, at this price, paid by the registrar's balance or invoiced. */
  autoRenew: { newExDate: RegistryDate; price: number; invoicedTo: string | null };
  /**
   * AUTO_EXPIRE: suspended on the exDate, deleted at 00:00 local on `deletedOn` (`deleteAt`),
   * restorable until the day before.
   */
  autoExpire: { deletedOn: RegistryDate; deleteAt: Date };
};

async function findDomain(db: Db, accountId: string, name: string) {
  const { aLabel } = parseDomainName(name);
  const row = await db.domain.findFirst({
    where: { liveName: aLabel, registrarId: accountId },
    select: {
      id: true,
      aLabel: true,
      uLabel: true,
      state: true,
      managementModel: true,
      renewalPolicy: true,
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

async function scope(ctx: CoreContext, verb: Verb, name: string) {
  const actor = requirePermission(ctx.actor, verb);
  const now = ctx.clock.now();
  const [domain, policy] = await Promise.all([
    findDomain(ctx.db, actor.accountId, name),
    // the version in force now, as the operation's runner reads it
    getPolicy(ctx.db, now),
  ]);
  return { actor, now, domain, policy };
}

async function balanceFacts(db: Db, actor: RegistrarActor, price: number): Promise<BalanceFacts> {
  if (!can(actor, "billing.view")) return null;
  const { balance } = await db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { balance: true },
  });
  return { balance, balanceAfter: balance - price };
}

function renewalPeriods(policy: Policy) {
  return { years: [...policy.renewal.periodYears], months: [...policy.renewal.periodMonths] };
}

/**
 * R-REN-1: the manual renewal as `renewDomain` would do it — the same checks (state, curExpDate,
 * payer, invoice, period, window, cap; a period refusal names the form's `periodValue` field) —
 * and its price and new expiry date.
 */
export async function quoteRenewal(
  ctx: CoreContext,
  input: { name: string; curExpDate: string; period: Period },
): Promise<RenewalQuote> {
  const { actor, now, domain, policy } = await scope(ctx, "domain.renew", input.name);
  const { newExDate } = await checkRenewDomain(
    ctx.db,
    actor,
    domain,
    { curExpDate: input.curExpDate, period: input.period },
    policy,
    now,
  );
  const price = priceForPeriod(policy, input.period);
  return {
    name: domain.aLabel,
    uLabel: domain.uLabel,
    curExpDate: exDateOf(domain),
    period: input.period,
    newExDate,
    price,
    balance: await balanceFacts(ctx.db, actor, price),
    periods: renewalPeriods(policy),
  };
}

/** R-DEL-2: a restore's price (a year plus the restore fee) and new expiry date (exDate + 1 year). */
export async function previewRestore(
  ctx: CoreContext,
  input: { name: string },
): Promise<RestorePreview> {
  const { actor, now, domain, policy } = await scope(ctx, "domain.restore", input.name);
  await checkRestoreDomain(ctx.db, actor, domain, now);
  const exDate = exDateOf(domain);
  const price = priceForRestore(policy);
  return {
    name: domain.aLabel,
    uLabel: domain.uLabel,
    exDate,
    newExDate: exDateAfterOneYear(exDate),
    price,
    yearPrice: policy.prices.perYearOre,
    restoreFee: policy.prices.restoreFeeOre,
    restorableUntil: domain.deleteAt,
    balance: await balanceFacts(ctx.db, actor, price),
  };
}

/**
 * R-DEL-1: what a cancellation now does — suspended at once, deleted at `deleteAt` unless restored
 * — and what blocks it: each host under the domain that other live domains use, with the
 * account's own such domains named and other registrars' only counted. Refusals other than hosts
 * in use (not active, not administrable) are thrown as the operation would.
 */
export async function previewCancel(
  ctx: CoreContext,
  input: { name: string },
): Promise<CancelPreview> {
  const { actor, now, domain, policy } = await scope(ctx, "domain.cancel", input.name);
  let blocked = false;
  try {
    await checkCancelDomain(ctx.db, actor, domain);
  } catch (error) {
    if (!isRegistryError(error, "DOMAIN_NOT_CANCELLABLE") || error.details?.reason !== "HOSTS_IN_USE") {
      throw error;
    }
    blocked = true;
  }
  return {
    name: domain.aLabel,
    uLabel: domain.uLabel,
    exDate: domain.exDate ? exDateOf(domain) : null,
    deleteAt: redemptionEndsAt(now, policy),
    restorePrice: priceForRestore(policy),
    blockers: blocked ? await cancelBlockers(ctx.db, actor.accountId, domain.id) : [],
  };
}

async function cancelBlockers(db: Db, accountId: string, domainId: string): Promise<CancelBlocker[]> {
  const hosts = await db.nameServer.findMany({
    where: {
      superordinateDomainId: domainId,
      delegations: { some: { domainId: { not: domainId }, domain: { liveName: { not: null } } } },
    },
    select: {
      host: true,
      delegations: {
        where: { domainId: { not: domainId }, domain: { liveName: { not: null } } },
        select: { domain: { select: { uLabel: true, registrarId: true } } },
      },
    },
    orderBy: { host: "asc" },
  });
  return hosts.map((ns) => {
    const own = ns.delegations.filter((d) => d.domain.registrarId === accountId);
    return {
      host: ns.host,
      ownDomains: own.map((d) => d.domain.uLabel).sort((a, b) => a.localeCompare(b)),
      otherDomains: ns.delegations.length - own.length,
    };
  });
}

/**
 * R-REN-3 / R-REN-4: the renewal policy acts at the expiry date — auto-renew renews for a year
 * (billed to the balance, or invoiced to a registrant payer, R-REN-2), auto-expire suspends the
 * domain into redemption, deleted after `redemptionDays`.
 */
export async function previewRenewalPolicy(
  ctx: CoreContext,
  input: { name: string },
): Promise<RenewalPolicyPreview> {
  const { actor, now, domain, policy } = await scope(ctx, "domain.setRenewalPolicy", input.name);
  await checkSetRenewalPolicy(ctx.db, actor, domain, now);
  const exDate = exDateOf(domain);
  const account = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { handleId: true },
  });
  const payer = renewalPayer({
    managementModel: domain.managementModel === "REGISTRAR" ? "registrar" : "registrant",
    registrantId: domain.registrantId,
    payerId: domain.payerId,
    registrarHandleId: account.handleId,
  });
  const invoicedTo =
    payer.paidBy === "registrant"
      ? (
          await ctx.db.handle.findUniqueOrThrow({
            where: { id: payer.payerId },
            select: { handle: true },
          })
        ).handle
      : null;
  return {
    name: domain.aLabel,
    uLabel: domain.uLabel,
    current: domain.renewalPolicy,
    takesEffectOn: exDate,
    autoRenew: {
      newExDate: exDateAfterOneYear(exDate),
      price: priceForPeriod(policy, { unit: "y", value: 1 }),
      invoicedTo,
    },
    // suspended at 00:00 on the exDate, deleted at the start of exDate + redemptionDays
    autoExpire: {
      deletedOn: redemptionEndsOn(exDate, policy),
      deleteAt: expiryInstant(redemptionEndsOn(exDate, policy)),
    },
  };
}
