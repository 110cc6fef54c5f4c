import type { Tx } from "@/lib/db/client";
import { type BalanceRow, notifyLowBalance } from "@/lib/registry/billing";
import type { Policy } from "@/lib/registry/policy";
import {
  formatDkk,
  invoiceDueAt,
  priceForPeriod,
  REGISTRY_TIME_ZONE,
  type RegistryDate,
} from "@/lib/registry/rules";
import { SYSTEM_ACTOR } from "./shared";

// R-REN-4: at expiry an auto-renew domain is renewed for one year — billed even without funds,
// or invoiced to its payer when registrant-paid — and an auto-expire domain is suspended with
// 30 days of redemption. One batch = one transaction over rows claimed with SKIP LOCKED, so
// several workers never process a domain twice.
//
// Issue 22: a batch is set-based from end to end, in a fixed number of statements whatever its
// size: the claim (its ids come back as ONE array); one statement of data-modifying CTEs for the
// domains' state change, the invoices, the messages and the audit events; then the accounts locked
// in id order with their counts, one debit for all of them, one ledger insert. No per-domain work
// in JS: the dates, the payer, the texts and the running balances are SQL over the batch. Each SQL
// form mirrors a rule of lib/registry/rules, and tests/registry/lifecycle/set-based-rules.test.ts
// pins them to the JS rules:
// - addYears(ex, 1): `(ex + INTERVAL '1 year')::date` (PostgreSQL clamps 29 Feb to 28 Feb, as
//   date-fns does);
// - addDays(ex, n): `ex + n`;
// - expiryInstant(date): `date::timestamp AT TIME ZONE 'Europe/Copenhagen'` (00:00 local);
// - renewalPayer: invoiced to coalesce(payer, registrant) when registrant-managed and that handle
//   is not the registrar's own (billing's registrarPaysWhere is the same rule as a filter);
// - a registry date as text: to_char(date, 'YYYY-MM-DD').

const D = `'YYYY-MM-DD'`;

/** Claims one batch of expired domains (FOR UPDATE SKIP LOCKED); their ids in claim order. */
async function claimExpired(tx: Tx, today: RegistryDate, limit: number): Promise<string[]> {
  const [row] = await tx.$queryRaw<{ ids: string[] | null }[]>`
    SELECT array_agg(c.id::text ORDER BY c."exDate", c.id) AS ids FROM (
      SELECT d.id, d."exDate" FROM "Domain" d
      WHERE d.state = 'ACTIVE' AND d."exDate" <= ${today}::date
      ORDER BY d."exDate", d.id
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED) c`;
  return row?.ids ?? [];
}

/** Processes one batch of expired domains; returns how many it claimed. */
export async function expireBatch(
  tx: Tx,
  now: Date,
  today: RegistryDate,
  policy: Policy,
  limit: number,
): Promise<number> {
  const ids = await claimExpired(tx, today, limit);
  if (ids.length === 0) return 0;
  const price = priceForPeriod(policy, { unit: "y", value: 1 });
  await applyExpiry(tx, now, policy, price, ids);
  // last: the accounts' row locks are held only for the debit, so concurrent batches (workers)
  // overlap on the domains' work and queue only here
  await debitAutoRenewals(tx, now, policy, price, ids);
  return ids.length;
}

// The claimed batch ($1, the ids in claim order) with everything its rules need: `billed` =
// auto-renew paid from the registrar's balance, `invoiced_to` = the handle invoiced for a
// registrant-paid auto-renewal ($2 = policy.redemptionDays).
const BATCH = `
  SELECT u.ord, d.id, d."aLabel" AS a_label, d."uLabel" AS u_label, d."registrarId" AS registrar,
    d."exDate" AS ex, d."renewalPolicy" = 'AUTO_RENEW' AS renew, p.invoiced_to,
    d."renewalPolicy" = 'AUTO_RENEW' AND p.invoiced_to IS NULL AS billed,
    (d."exDate" + INTERVAL '1 year')::date AS next_ex,
    d."exDate" + $2::int AS delete_on
  FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)
  -- the second condition keeps the plan on the primary key whatever the array's size
  JOIN "Domain" d ON d.id = u.id AND d.id = ANY($1::uuid[])
  JOIN "RegistrarAccount" r ON r.id = d."registrarId",
  LATERAL (SELECT CASE WHEN d."managementModel" = 'REGISTRANT'
      AND coalesce(d."payerId", d."registrantId") <> r."handleId"
    THEN coalesce(d."payerId", d."registrantId") END AS invoiced_to) p`;

/**
 * R-REN-4 / R-PAY-1: the batch's registrar-paid renewals are debited set-based — the accounts
 * locked in id order (no deadlock between workers) with each one's count of billed renewals, then
 * one UPDATE for all of them — and each account that crosses its threshold gets its LOW_BALANCE
 * message (R-MSG-1). Balances may go negative: auto-renew is billed even without funds.
 */
async function debitAutoRenewals(tx: Tx, now: Date, policy: Policy, price: number, ids: string[]) {
  // NO KEY UPDATE, as the balance UPDATE itself locks: it does not wait for the KEY SHARE locks
  // that another batch's inserts (messages, audit events) hold on the same accounts
  const accounts = await tx.$queryRawUnsafe<{ id: string; n: number }[]>(
    `WITH b AS MATERIALIZED (${BATCH})
     SELECT a.id, s.n FROM "RegistrarAccount" a
     JOIN (SELECT b.registrar, count(*)::int AS n FROM b WHERE b.billed GROUP BY b.registrar) s
       ON s.registrar = a.id
     ORDER BY a.id FOR NO KEY UPDATE OF a`,
    ids,
    policy.redemptionDays,
  );
  if (accounts.length === 0) return;
  const rows = await tx.$queryRaw<(BalanceRow & { id: string })[]>`
    UPDATE "RegistrarAccount" AS a SET balance = a.balance - v.amount
    FROM unnest(${accounts.map((a) => a.id)}::uuid[], ${accounts.map((a) => a.n * price)}::int[])
      AS v(id, amount)
    WHERE a.id = v.id
    RETURNING a.id, a.balance, a."lowBalanceThreshold", a."lowBalanceNotifiedAt"`;
  // one AUTO_RENEWAL entry per billed renewal; balanceAfter is the running balance, as one debit
  // after another would leave it: the account's balance after the batch's debit plus the price of
  // each of its later entries (entries by account in order of first appearance, then claim order)
  await tx.$executeRawUnsafe(
    `WITH b AS MATERIALIZED (${BATCH})
     INSERT INTO "LedgerEntry" ("accountId", operation, amount, "balanceAfter", "domainName",
       "domainId", "periodMonths", "actorKind", "actorLabel", description, "createdAt")
     SELECT e.registrar, 'AUTO_RENEWAL'::"LedgerOperation", -$3::int, e.after, e.a_label, e.id, 12,
       'SYSTEM'::"ActorKind", $4::text, 'Automatic renewal of ' || e.u_label || ', 1 year',
       $5::timestamptz
     FROM (
       SELECT b.*, a.balance + $3::int * (count(*) OVER (PARTITION BY b.registrar)
           - row_number() OVER (PARTITION BY b.registrar ORDER BY b.ord)) AS after,
         min(b.ord) OVER (PARTITION BY b.registrar) AS first
       FROM b JOIN "RegistrarAccount" a ON a.id = b.registrar WHERE b.billed) e
     ORDER BY e.first, e.ord`,
    ids,
    policy.redemptionDays,
    price,
    SYSTEM_ACTOR.label,
    now,
  );
  // notifyLowBalance writes only for an account that crossed its threshold (rarely more than one)
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const row of rows) await notifyLowBalance(tx, row.id, row, now);
}

/**
 * One statement for the batch's domains: the state change (renewed one year, or suspended at
 * 00:00 local on the exDate with deletion at 00:00 local redemptionDays later), one invoice per
 * registrant-paid renewal, one message and one audit event per domain, inserted in the order the
 * per-domain code wrote them (renewals, then suspensions, each in claim order).
 */
async function applyExpiry(tx: Tx, now: Date, policy: Policy, price: number, ids: string[]) {
  const priceText = formatDkk(price);
  await tx.$executeRawUnsafe(
    `WITH b AS MATERIALIZED (${BATCH}),
     changed AS (
       UPDATE "Domain" AS d SET
         "exDate" = CASE WHEN b.renew THEN b.next_ex ELSE d."exDate" END,
         state = CASE WHEN b.renew THEN d.state ELSE 'SUSPENDED'::"DomainState" END,
         "suspensionReason" = CASE WHEN b.renew THEN d."suspensionReason" ELSE 'EXPIRED'::"SuspensionReason" END,
         "suspendedAt" = CASE WHEN b.renew THEN d."suspendedAt"
           ELSE b.ex::timestamp AT TIME ZONE $4::text END,
         "deleteAt" = CASE WHEN b.renew THEN d."deleteAt"
           ELSE b.delete_on::timestamp AT TIME ZONE $4::text END,
         "updatedAt" = $3::timestamptz
       -- in the order of the portfolio indexes' keys (registrar, name): the batch's new index
       -- entries of one registrar land on the same leaf pages one after another
       FROM (SELECT * FROM b ORDER BY b.registrar, b.u_label) b WHERE d.id = b.id),
     invoices AS (
       INSERT INTO "Invoice" ("domainId", "accountId", "payerId", amount, "periodYears",
         "issuedAt", "dueAt")
       SELECT b.id, b.registrar, b.invoiced_to, $5::int, 1, $3::timestamptz, $7::timestamptz
       FROM b WHERE b.renew AND b.invoiced_to IS NOT NULL ORDER BY b.ord),
     notes AS (
       INSERT INTO "Notification" ("accountId", type, "domainName", message, data, "createdAt")
       SELECT b.registrar, t.type, b.a_label, t.message, t.data, $3::timestamptz
       FROM b, LATERAL (SELECT
         CASE WHEN b.renew THEN 'DOMAIN_AUTO_RENEWED' ELSE 'DOMAIN_EXPIRED_SUSPENDED' END AS type,
         CASE WHEN b.renew
           THEN 'Domain ' || b.u_label || ' was renewed automatically until '
             || to_char(b.next_ex, ${D}) || '; ' || $8::text
             || CASE WHEN b.billed THEN ' was charged' ELSE ' is invoiced to its payer' END
           -- the last day a restore is possible, never the first day it is not (issue 12)
           ELSE 'Domain ' || b.u_label || ' expired and is suspended; it can be restored until the end of '
             || to_char(b.delete_on - 1, ${D}) END AS message,
         CASE WHEN b.renew
           THEN jsonb_build_object('exDate', to_char(b.next_ex, ${D}), 'invoiced', NOT b.billed)
           ELSE jsonb_build_object('deleteOn', to_char(b.delete_on, ${D}),
             'restorableUntil', to_char(b.delete_on - 1, ${D})) END AS data) t
       ORDER BY NOT b.renew, b.ord)
     INSERT INTO "AuditEvent" (at, "actorKind", "actorId", "actorLabel", "accountId", ip, operation,
       "objectType", "objectId", "objectLabel", before, after, outcome)
     SELECT $3::timestamptz, 'SYSTEM'::"ActorKind", NULL, $6::text, b.registrar, NULL,
       CASE WHEN b.renew THEN 'lifecycle.autoRenew' ELSE 'lifecycle.suspend' END,
       'Domain', b.id::text, b.a_label,
       CASE WHEN b.renew THEN jsonb_build_object('exDate', to_char(b.ex, ${D}))
         ELSE jsonb_build_object('state', 'ACTIVE') END,
       CASE WHEN b.renew
         THEN jsonb_build_object('exDate', to_char(b.next_ex, ${D}), 'invoiced', NOT b.billed)
         ELSE jsonb_build_object('state', 'SUSPENDED', 'deleteOn', to_char(b.delete_on, ${D})) END,
       'SUCCESS'::"AuditOutcome"
     FROM b ORDER BY NOT b.renew, b.ord`,
    ids,
    policy.redemptionDays,
    now,
    REGISTRY_TIME_ZONE,
    price,
    SYSTEM_ACTOR.label,
    invoiceDueAt(now, policy),
    priceText,
  );
}
