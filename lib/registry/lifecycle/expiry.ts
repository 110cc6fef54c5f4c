import type { Tx } from "@/lib/db/client";
import { type BalanceRow, notifyLowBalance } from "@/lib/registry/billing";
import type { Policy } from "@/lib/registry/policy";
import {
  addDays,
  addYears,
  expiryInstant,
  formatDkk,
  invoiceDueAt,
  priceForPeriod,
  type RegistryDate,
  registryDateFromDb,
  registryDateToDb,
  renewalPayer,
} from "@/lib/registry/rules";
import {
  auditMany,
  groupBy,
  notifyMany,
  type NotificationDraft,
  SYSTEM_ACTOR,
  type SystemAudit,
} from "./shared";

// R-REN-4: at expiry an auto-renew domain is renewed for one year — billed even without funds,
// or invoiced to its payer when registrant-paid — and an auto-expire domain is suspended with
// 30 days of redemption. One batch = one transaction over rows claimed with SKIP LOCKED, so
// several workers never process a domain twice.

type DueDomain = {
  id: string;
  aLabel: string;
  uLabel: string;
  registrarId: string;
  managementModel: "REGISTRAR" | "REGISTRANT";
  registrantId: string;
  payerId: string | null;
  registrarHandleId: string;
  exDate: Date;
  renewalPolicy: "AUTO_RENEW" | "AUTO_EXPIRE";
};

async function claimExpired(tx: Tx, today: RegistryDate, limit: number): Promise<DueDomain[]> {
  return tx.$queryRaw<DueDomain[]>`
    SELECT d.id, d."aLabel", d."uLabel", d."registrarId", d."managementModel", d."registrantId",
           d."payerId", d."exDate", d."renewalPolicy", r."handleId" AS "registrarHandleId"
    FROM "Domain" d JOIN "RegistrarAccount" r ON r.id = d."registrarId"
    WHERE d.state = 'ACTIVE' AND d."exDate" <= ${registryDateToDb(today)}::date
    ORDER BY d."exDate", d.id
    LIMIT ${limit}
    FOR UPDATE OF d SKIP LOCKED`;
}

/** Processes one batch of expired domains; returns how many it claimed. */
export async function expireBatch(
  tx: Tx,
  now: Date,
  today: RegistryDate,
  policy: Policy,
  limit: number,
): Promise<number> {
  const due = await claimExpired(tx, today, limit);
  const renew = due.filter((d) => d.renewalPolicy === "AUTO_RENEW");
  const suspend = due.filter((d) => d.renewalPolicy === "AUTO_EXPIRE");
  await autoRenew(tx, now, policy, renew);
  await suspendExpired(tx, now, policy, suspend);
  return due.length;
}

async function autoRenew(tx: Tx, now: Date, policy: Policy, domains: DueDomain[]) {
  if (domains.length === 0) return;
  const price = priceForPeriod(policy, { unit: "y", value: 1 });
  const next = domains.map((d) => addYears(registryDateFromDb(d.exDate), 1));
  await tx.$executeRaw`
    UPDATE "Domain" AS d SET "exDate" = v.ex, "updatedAt" = ${now}
    FROM unnest(${domains.map((d) => d.id)}::uuid[], ${next.map(registryDateToDb)}::date[]) AS v(id, ex)
    WHERE d.id = v.id`;

  // R-REN-2: who pays is decided where manual renewal decides it (renewalPayer)
  const billed: DueDomain[] = [];
  const invoiced = new Map<string, string>(); // domain id → the handle invoiced
  for (const d of domains) {
    const payer = renewalPayer({
      managementModel: d.managementModel === "REGISTRAR" ? "registrar" : "registrant",
      registrantId: d.registrantId,
      payerId: d.payerId,
      registrarHandleId: d.registrarHandleId,
    });
    if (payer.paidBy === "registrant") invoiced.set(d.id, payer.payerId);
    else billed.push(d);
  }
  const notes: NotificationDraft[] = [];
  const audits: SystemAudit[] = [];
  const nextOf = new Map(domains.map((d, i) => [d.id, next[i]!]));

  await debitAutoRenewals(tx, now, price, billed);
  if (invoiced.size) {
    const dueAt = invoiceDueAt(now, policy);
    await tx.invoice.createMany({
      data: domains
        .filter((d) => invoiced.has(d.id))
        .map((d) => ({
          domainId: d.id,
          accountId: d.registrarId,
          payerId: invoiced.get(d.id)!,
          amount: price,
          periodYears: 1,
          issuedAt: now,
          dueAt,
        })),
    });
  }
  for (const d of domains) {
    const isInvoiced = invoiced.has(d.id);
    notes.push({
      accountId: d.registrarId,
      type: "DOMAIN_AUTO_RENEWED",
      domainName: d.aLabel,
      message: `Domain ${d.uLabel} was renewed automatically until ${nextOf.get(d.id)}${
        isInvoiced
          ? `; ${formatDkk(price)} is invoiced to its payer`
          : `; ${formatDkk(price)} was charged`
      }`,
      data: { exDate: nextOf.get(d.id)!, invoiced: isInvoiced },
    });
    audits.push({
      accountId: d.registrarId,
      operation: "lifecycle.autoRenew",
      objectType: "Domain",
      objectId: d.id,
      objectLabel: d.aLabel,
      before: { exDate: registryDateFromDb(d.exDate) },
      after: { exDate: nextOf.get(d.id)!, invoiced: isInvoiced },
    });
  }
  await notifyMany(tx, now, notes);
  await auditMany(tx, now, audits);
}

/**
 * R-REN-4 / R-PAY-1: the batch's registrar-paid renewals are debited set-based — the accounts
 * locked in id order (no deadlock between workers), one UPDATE for all of them, one ledger insert
 * for all entries — and each account that crosses its threshold gets its LOW_BALANCE message
 * (R-MSG-1). Balances may go negative; each entry's balanceAfter is the running balance in the
 * batch's order, exactly as one debit after another would leave it.
 */
async function debitAutoRenewals(tx: Tx, now: Date, price: number, billed: DueDomain[]) {
  if (billed.length === 0) return;
  const byAccount = groupBy(billed, (d) => d.registrarId);
  const accountIds = [...byAccount.keys()].sort();
  await tx.$queryRaw`
    SELECT id FROM "RegistrarAccount" WHERE id = ANY(${accountIds}::uuid[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.$queryRaw<(BalanceRow & { id: string })[]>`
    UPDATE "RegistrarAccount" AS a SET balance = a.balance - v.amount
    FROM unnest(${accountIds}::uuid[], ${accountIds.map((id) => price * byAccount.get(id)!.length)}::int[])
      AS v(id, amount)
    WHERE a.id = v.id
    RETURNING a.id, a.balance, a."lowBalanceThreshold", a."lowBalanceNotifiedAt"`;
  const after = new Map(rows.map((r) => [r.id, r]));
  // one insert for every entry of the batch: the columns travel as arrays (see shared.ts)
  const entries: { accountId: string; balanceAfter: number; d: DueDomain }[] = [];
  for (const [accountId, list] of byAccount) {
    let running = after.get(accountId)!.balance + price * list.length;
    for (const d of list) {
      running -= price;
      entries.push({ accountId, balanceAfter: running, d });
    }
  }
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter", "domainName", "domainId",
      "periodMonths", "actorKind", "actorLabel", description, "createdAt")
    SELECT v.account, 'AUTO_RENEWAL'::"LedgerOperation", ${-price}, v.after, v.name, v.domain, 12,
      'SYSTEM'::"ActorKind", ${SYSTEM_ACTOR.label}, v.description, ${now}
    FROM unnest(${entries.map((e) => e.accountId)}::uuid[], ${entries.map((e) => e.balanceAfter)}::int[],
      ${entries.map((e) => e.d.aLabel)}::text[], ${entries.map((e) => e.d.id)}::uuid[],
      ${entries.map((e) => `Automatic renewal of ${e.d.uLabel}, 1 year`)}::text[])
      WITH ORDINALITY AS v(account, after, name, domain, description, ord)
    ORDER BY v.ord`;
  // notifyLowBalance writes only for an account that crossed its threshold (rarely more than one)
  for (const accountId of byAccount.keys())
    await notifyLowBalance(tx, accountId, after.get(accountId)!, now);
}

async function suspendExpired(tx: Tx, now: Date, policy: Policy, domains: DueDomain[]) {
  if (domains.length === 0) return;
  const suspendedAt = domains.map((d) => expiryInstant(registryDateFromDb(d.exDate)));
  const deleteOn = domains.map((d) => addDays(registryDateFromDb(d.exDate), policy.redemptionDays));
  await tx.$executeRaw`
    UPDATE "Domain" AS d SET state = 'SUSPENDED', "suspensionReason" = 'EXPIRED',
      "suspendedAt" = v.s, "deleteAt" = v.del, "updatedAt" = ${now}
    FROM unnest(${domains.map((d) => d.id)}::uuid[], ${suspendedAt}::timestamptz[],
                ${deleteOn.map(expiryInstant)}::timestamptz[]) AS v(id, s, del)
    WHERE d.id = v.id`;
  await notifyMany(
    tx,
    now,
    domains.map((d, i) => ({
      accountId: d.registrarId,
      type: "DOMAIN_EXPIRED_SUSPENDED",
      domainName: d.aLabel,
      // the last day a restore is possible, never the first day it is not (issue 12)
      message: `Domain ${d.uLabel} expired and is suspended; it can be restored until the end of ${addDays(deleteOn[i]!, -1)}`,
      data: { deleteOn: deleteOn[i]!, restorableUntil: addDays(deleteOn[i]!, -1) },
    })),
  );
  await auditMany(
    tx,
    now,
    domains.map((d, i) => ({
      accountId: d.registrarId,
      operation: "lifecycle.suspend",
      objectType: "Domain",
      objectId: d.id,
      objectLabel: d.aLabel,
      before: { state: "ACTIVE" },
      after: { state: "SUSPENDED", deleteOn: deleteOn[i]! },
    })),
  );
}
