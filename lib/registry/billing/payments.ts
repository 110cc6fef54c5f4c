import type { Tx } from "@/lib/db/client";
import type { LedgerOperation, PaymentMethod, PaymentState } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/registry/actor";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { creditAccount } from "@/lib/registry/billing/ledger";
import { queueNotification } from "@/lib/registry/messages";
import {
  requirePermissionAudited,
  runOperatorOperation,
  runRegistrarOperation,
} from "@/lib/registry/operation";
import type {
  CardDetails,
  PaymentProvider,
  ProviderPayment,
} from "@/lib/registry/billing/payment-provider";
import { formatDkk, isRegistryDate, localDateOf, registryDateToDb } from "@/lib/registry/rules";

// R-PAY-2 funding. A payment is booked exactly once: the Payment row is inserted with
// INSERT … ON CONFLICT (provider, providerReference) DO NOTHING, so of two concurrent
// confirmations the second waits for the first to commit and then inserts nothing — and a refresh
// or double click finds the existing booking and credits nothing.

export const MIN_TOP_UP_ORE = 100; // 1.00 DKK
export const MAX_TOP_UP_ORE = 10_000_000; // 100,000.00 DKK

export type Booking = {
  paymentId: string;
  reference: string;
  amount: number;
  state: PaymentState;
  /** false: this reference was booked before; nothing was credited now. */
  booked: boolean;
  balance: number;
  /** FIK/bank bookings: the account the payment was booked to. */
  account?: { id: string; name: string };
};

export type PaymentRow = { id: string; accountId: string; amount: number; state: PaymentState };

export type NewPayment = {
  accountId: string;
  method: PaymentMethod;
  provider: string;
  reference: string;
  amount: number;
  state: PaymentState;
  failureReason?: string | null;
  now: Date;
  createdBy: string;
  valueDate?: string | null;
};

/** Inserts the payment unless its (provider, reference) exists; returns the row and whether new. */
export async function insertPaymentOnce(
  tx: Tx,
  p: NewPayment,
): Promise<{ row: PaymentRow; inserted: boolean }> {
  const confirmedAt = p.state === "PENDING" ? null : p.now;
  const inserted = await tx.$queryRaw<PaymentRow[]>`
    INSERT INTO "Payment" ("accountId", method, provider, "providerReference", amount, state,
      "createdAt", "confirmedAt", "failureReason", "createdBy", "valueDate")
    VALUES (${p.accountId}::uuid, ${p.method}::"PaymentMethod", ${p.provider}, ${p.reference},
      ${p.amount}, ${p.state}::"PaymentState", ${p.now}, ${confirmedAt}, ${p.failureReason ?? null},
      ${p.createdBy}, ${p.valueDate ? registryDateToDb(p.valueDate) : null})
    ON CONFLICT (provider, "providerReference") DO NOTHING
    RETURNING id, "accountId", amount, state`;
  if (inserted[0]) return { row: inserted[0], inserted: true };
  const row = await tx.payment.findUniqueOrThrow({
    where: { provider_providerReference: { provider: p.provider, providerReference: p.reference } },
    select: { id: true, accountId: true, amount: true, state: true },
  });
  return { row, inserted: false };
}

export async function balanceOf(tx: Tx, accountId: string): Promise<number> {
  const a = await tx.registrarAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: { balance: true },
  });
  return a.balance;
}

export function checkTopUpAmount(amount: number) {
  if (!Number.isSafeInteger(amount) || amount < MIN_TOP_UP_ORE || amount > MAX_TOP_UP_ORE) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `Amount must be whole øre between ${formatDkk(MIN_TOP_UP_ORE)} and ${formatDkk(MAX_TOP_UP_ORE)}`,
      { field: "amount" },
    );
  }
}

const topUpSpec = (reference: string) => ({
  name: "billing.topUp",
  verb: "billing.topUp" as const,
  objectType: "Payment",
  objectLabel: reference,
});

/** Payer: charge a card through the provider and book the outcome (PAYMENT_DECLINED if failed). */
export async function topUpByCard(
  ctx: CoreContext,
  provider: PaymentProvider,
  input: { amount: number; card: CardDetails },
): Promise<Booking> {
  const actor = await requirePermissionAudited(ctx, topUpSpec(""));
  checkTopUpAmount(input.amount);
  // The provider call happens before, never inside, the transaction (STYLE.md).
  const payment = await provider.createPayment({
    accountId: actor.accountId,
    amount: input.amount,
    card: input.card,
  });
  return bookCardPayment(ctx, provider, payment);
}

/**
 * Payer: confirm a card payment by the provider's reference (the return from a payment page or a
 * webhook). Idempotent: a second confirmation returns the existing booking with booked: false.
 */
export async function confirmCardPayment(
  ctx: CoreContext,
  provider: PaymentProvider,
  input: { reference: string },
): Promise<Booking> {
  await requirePermissionAudited(ctx, topUpSpec(input.reference));
  const payment = await provider.retrievePayment(input.reference);
  return bookCardPayment(ctx, provider, payment, input.reference);
}

async function bookCardPayment(
  ctx: CoreContext,
  provider: PaymentProvider,
  payment: ProviderPayment | null,
  reference = payment?.reference ?? "",
): Promise<Booking> {
  return runRegistrarOperation(
    ctx,
    { name: "billing.topUp", verb: "billing.topUp", objectType: "Payment", objectLabel: reference },
    async ({ tx, actor, now, audit, commitThenRefuse }) => {
      // Another account's reference is as unknown as a made-up one.
      if (!payment || payment.accountId !== actor.accountId) {
        throw new RegistryError("NOT_FOUND", `Card payment ${reference} not found`);
      }
      const state: PaymentState =
        payment.status === "succeeded"
          ? "SUCCEEDED"
          : payment.status === "failed"
            ? "FAILED"
            : "PENDING";
      const { row, inserted } = await insertPaymentOnce(tx, {
        accountId: actor.accountId,
        method: "CARD",
        provider: provider.name,
        reference,
        amount: payment.amount,
        state,
        failureReason: payment.failureReason ?? null,
        now,
        createdBy: actor.label,
      });
      let credited = inserted && state === "SUCCEEDED";
      if (!inserted && row.state === "PENDING" && state !== "PENDING") {
        // A pending payment settles once: the conditional update serialises on the row lock.
        const { count } = await tx.payment.updateMany({
          where: { id: row.id, state: "PENDING" },
          data: { state, confirmedAt: now, failureReason: payment.failureReason ?? null },
        });
        credited = count === 1 && state === "SUCCEEDED";
        if (count === 1) row.state = state;
      }
      const balance = credited
        ? await creditAccount(tx, {
            accountId: actor.accountId,
            operation: "TOP_UP_CARD",
            amount: row.amount,
            actor,
            now,
            description: `Card top-up ${reference}`,
            paymentId: row.id,
          })
        : await balanceOf(tx, actor.accountId);
      Object.assign(audit, {
        objectId: row.id,
        after: { state: row.state, amount: row.amount, credited },
      });
      if (row.state === "FAILED") {
        return commitThenRefuse(
          new RegistryError(
            "PAYMENT_DECLINED",
            `Card payment ${reference} was declined: ${payment.failureReason ?? "no reason given"}`,
            {
              reference,
            },
          ),
        );
      }
      return {
        paymentId: row.id,
        reference,
        amount: row.amount,
        state: row.state,
        booked: credited,
        balance,
      };
    },
  );
}

export type BankPaymentInput = (
  | { method: "FIK"; fikCode: string; reference: string; amount: number }
  | { method: "BANK"; accountNumber: string; reference: string; amount: number }
) & {
  /** The statement's date (YYYY-MM-DD, Copenhagen); default: today. Not in the future. */
  valueDate?: string | null;
};

/**
 * Operator: book a FIK payment or bank transfer against the account's FIK code or account number,
 * exactly once per reference. Booking the same reference again returns the existing booking
 * (booked: false) when account and amount agree, and refuses with CONFLICT when they differ.
 */
export async function bookBankPayment(ctx: CoreContext, input: BankPaymentInput): Promise<Booking> {
  const provider = input.method === "FIK" ? "fik" : "bank";
  return runOperatorOperation(
    ctx,
    {
      name: "billing.bookPayment",
      objectType: "Payment",
      objectLabel: `${provider}:${input.reference}`,
    },
    async ({ tx, actor, now, audit }) => {
      checkTopUpAmount(input.amount);
      const reference = input.reference.trim();
      if (reference === "" || reference.length > 100)
        throw new RegistryError("VALIDATION_FAILED", "Payment reference is required (at most 100 characters)", {
          field: "reference",
        });
      const today = localDateOf(now);
      const valueDate = input.valueDate?.trim() || today;
      if (!isRegistryDate(valueDate) || valueDate > today) {
        throw new RegistryError("VALIDATION_FAILED", `Payment date ${valueDate} is not a date up to today`, {
          field: "valueDate",
        });
      }
      // One bank reference is one payment (issue 21), whichever way it was booked: FIK and bank
      // share the namespace. The lock serialises two bookings of one reference across providers.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`bank-reference:${reference}`}, 0))`;
      const other = await tx.payment.findFirst({
        where: { provider: provider === "fik" ? "bank" : "fik", providerReference: reference },
        select: { id: true },
      });
      if (other) {
        throw new RegistryError(
          "CONFLICT",
          `Payment reference ${reference} is already booked as a ${provider === "fik" ? "bank transfer" : "FIK payment"}`,
          { paymentId: other.id, field: "reference" },
        );
      }
      const account = await tx.registrarAccount.findFirst({
        where:
          input.method === "FIK"
            ? { fikCode: input.fikCode.trim() }
            : { accountNumber: input.accountNumber.trim() },
        select: { id: true, name: true },
      });
      if (!account) {
        const key =
          input.method === "FIK"
            ? `FIK code ${input.fikCode}`
            : `account number ${input.accountNumber}`;
        throw new RegistryError("NOT_FOUND", `No registrar account has ${key}`, {
          field: input.method === "FIK" ? "fikCode" : "accountNumber",
        });
      }
      audit.accountId = account.id;
      const { row, inserted } = await insertPaymentOnce(tx, {
        accountId: account.id,
        method: input.method,
        provider,
        reference,
        amount: input.amount,
        state: "SUCCEEDED",
        now,
        createdBy: actor.label,
        valueDate,
      });
      audit.objectId = row.id;
      if (!inserted) {
        if (row.accountId !== account.id || row.amount !== input.amount) {
          throw new RegistryError(
            "CONFLICT",
            `Payment ${provider}:${reference} is already booked with another account or amount`,
            { paymentId: row.id, field: "reference" },
          );
        }
        audit.after = { credited: false };
        return {
          paymentId: row.id,
          reference,
          amount: row.amount,
          state: row.state,
          booked: false,
          balance: await balanceOf(tx, account.id),
          account,
        };
      }
      const operation: LedgerOperation = input.method === "FIK" ? "PAYMENT_FIK" : "PAYMENT_BANK";
      const balance = await creditAccount(
        tx,
        bankPosting(account.id, operation, row, reference, actor, now),
      );
      await queueNotification(tx, {
        accountId: account.id,
        type: "PAYMENT_BOOKED",
        message: `${input.method === "FIK" ? "FIK payment" : "Bank transfer"} ${reference} of ${formatDkk(row.amount)} was booked; balance ${formatDkk(balance)}`,
        data: { paymentId: row.id, amount: row.amount },
        now,
      });
      audit.after = { credited: true, amount: row.amount, balance };
      return {
        paymentId: row.id,
        reference,
        amount: row.amount,
        state: row.state,
        booked: true,
        balance,
        account,
      };
    },
  );
}

function bankPosting(
  accountId: string,
  operation: LedgerOperation,
  row: PaymentRow,
  reference: string,
  actor: Actor,
  now: Date,
) {
  return {
    accountId,
    operation,
    amount: row.amount,
    actor,
    now,
    description: `${operation === "PAYMENT_FIK" ? "FIK payment" : "Bank transfer"} ${reference}`,
    paymentId: row.id,
  };
}
