import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { RenewalPolicy } from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { checkRenewDomain, checkSetRenewalPolicy } from "@/lib/registry/domains";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { requirePermission, type Verb } from "@/lib/registry/permissions";
import type { Policy } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";
import {
  parseDomainName,
  priceForPeriod,
  registryDateFromDb,
  type Period,
  type RegistryDate,
} from "@/lib/registry/rules";

// Issue 15 item 6: what a bulk job would do to each selected domain — the preview, and the plan a
// confirmed job stores. Each domain is asked with the operation's own check (domain-checks.ts:
// checkRenewDomain, checkSetRenewalPolicy), so "why not" is the RegistryError the operation itself
// would raise.

export const BULK_MAX_DOMAINS = 100;

export type BulkKind = "RENEW" | "SET_RENEWAL_POLICY";

export type BulkRequest =
  | {
      kind: "RENEW";
      /** Domain names (A- or U-label); at most BULK_MAX_DOMAINS. */
      domains: readonly string[];
      /** Default one year. */
      period?: Period;
    }
  | {
      kind: "SET_RENEWAL_POLICY";
      domains: readonly string[];
      renewalPolicy: RenewalPolicy;
    };

export type BulkReason = {
  /** A RegistryError code, or UNCHANGED (the domain already has the renewal policy). */
  code: string;
  /** The core's own message (English). */
  message: string;
  details?: Readonly<Record<string, unknown>> | null;
};

export type BulkPlanItem = {
  domainId: string;
  aLabel: string;
  uLabel: string;
  /** The current expiry date (RENEW: sent as curExpDate when the job runs). */
  exDate: RegistryDate | null;
  renewalPolicy: RenewalPolicy;
  possible: boolean;
  /** RENEW: the new expiry date and the price (øre). */
  newExDate: RegistryDate | null;
  price: number | null;
  /** Why not, when not possible. */
  reason: BulkReason | null;
};

export type BulkPreview = {
  kind: BulkKind;
  items: BulkPlanItem[];
  /** Sum of the prices of the possible items (øre; 0 for a renewal policy). */
  total: number;
  balance: number;
  balanceAfter: number;
  possible: number;
  skipped: number;
  /** A fresh key for the job this preview may start: a second click sends the same key. */
  idempotencyKey: string;
};

export const bulkVerb = (kind: BulkKind): Verb =>
  kind === "RENEW" ? "domain.renew" : "domain.setRenewalPolicy";

const DOMAIN_SELECT = {
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
} as const;

/**
 * The selected live domains of the account, in the order given (duplicates once). A name that is
 * invalid, unknown or another registrar's makes the whole request NOT_FOUND, as on the domain page.
 */
export async function loadBulkDomains(db: Db, accountId: string, names: readonly string[]) {
  if (names.length === 0 || names.length > BULK_MAX_DOMAINS) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `Select 1 to ${BULK_MAX_DOMAINS} domains (got ${names.length})`,
      { field: "domains", max: BULK_MAX_DOMAINS },
    );
  }
  const aLabels: string[] = [];
  for (const name of names) {
    let aLabel: string;
    try {
      aLabel = parseDomainName(name).aLabel;
    } catch (error) {
      if (isRegistryError(error)) throw new RegistryError("NOT_FOUND", `Domain ${name} not found`);
      throw error;
    }
    if (!aLabels.includes(aLabel)) aLabels.push(aLabel);
  }
  const rows = await db.domain.findMany({
    where: { registrarId: accountId, liveName: { in: aLabels } },
    select: DOMAIN_SELECT,
  });
  const byName = new Map(rows.map((row) => [row.aLabel, row]));
  return aLabels.map((aLabel) => {
    const row = byName.get(aLabel);
    if (!row) throw new RegistryError("NOT_FOUND", `Domain ${aLabel} not found`);
    return row;
  });
}

type LoadedDomain = Awaited<ReturnType<typeof loadBulkDomains>>[number];

/**
 * Each domain's fate under the request: possible (with the price and new expiry), or the reason
 * not. `curExpDates` (RENEW) are the expiry dates the preview showed, by A-label; without one the
 * current exDate is used.
 */
export async function planBulk(
  db: Db,
  actor: RegistrarActor,
  request: BulkRequest,
  domains: readonly LoadedDomain[],
  policy: Policy,
  now: Date,
  curExpDates: ReadonlyMap<string, string> = new Map(),
): Promise<BulkPlanItem[]> {
  const items: BulkPlanItem[] = [];
  // one after another: inside a transaction there is one connection
  for (const domain of domains) {
    const exDate = domain.exDate ? registryDateFromDb(domain.exDate) : null;
    const item: BulkPlanItem = {
      domainId: domain.id,
      aLabel: domain.aLabel,
      uLabel: domain.uLabel,
      exDate,
      renewalPolicy: domain.renewalPolicy,
      possible: true,
      newExDate: null,
      price: null,
      reason: null,
    };
    try {
      if (request.kind === "RENEW") {
        const period = request.period ?? { unit: "y", value: 1 };
        const curExpDate = curExpDates.get(domain.aLabel) ?? exDate ?? "";
        const { newExDate } = await checkRenewDomain(
          db,
          actor,
          domain,
          { curExpDate, period },
          policy,
          now,
        );
        item.exDate = curExpDate;
        item.newExDate = newExDate;
        item.price = priceForPeriod(policy, period);
      } else {
        await checkSetRenewalPolicy(db, actor, domain, now);
        if (domain.renewalPolicy === request.renewalPolicy) {
          item.possible = false;
          item.reason = {
            code: "UNCHANGED",
            message: `Domain ${domain.aLabel} already has the renewal policy ${request.renewalPolicy}`,
            details: { renewalPolicy: request.renewalPolicy },
          };
        }
      }
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      item.possible = false;
      item.reason = { code: error.code, message: error.message, details: error.details ?? null };
    }
    items.push(item);
  }
  return items;
}

/** The preview of a bulk request: reads only, writes nothing (not even an audit event). */
export async function previewBulkJob(ctx: CoreContext, request: BulkRequest): Promise<BulkPreview> {
  const actor = requirePermission(ctx.actor, bulkVerb(request.kind));
  const now = ctx.clock.now();
  const domains = await loadBulkDomains(ctx.db, actor.accountId, request.domains);
  const policy = await getPolicy(ctx.db, now);
  const items = await planBulk(ctx.db, actor, request, domains, policy, now);
  const account = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { balance: true },
  });
  const total = items.reduce((sum, item) => sum + (item.possible ? (item.price ?? 0) : 0), 0);
  const possible = items.filter((item) => item.possible).length;
  return {
    kind: request.kind,
    items,
    total,
    balance: account.balance,
    balanceAfter: account.balance - total,
    possible,
    skipped: items.length - possible,
    idempotencyKey: randomBytes(16).toString("hex"),
  };
}
