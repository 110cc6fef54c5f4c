import { randomBytes } from "node:crypto";
import type { CheckoutState } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { creditAccount } from "@/lib/registry/billing/ledger";
import { balanceOf, checkTopUpAmount, insertPaymentOnce } from "@/lib/registry/billing/payments";
import type {
  CardDetails,
  DeclineCode,
  PaymentProvider,
  ProviderPayment,
} from "@/lib/registry/billing/payment-provider";
import { requirePermissionAudited, runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// R-PAY-2 card top-up as a checkout: the Payer states the amount (startCheckout), then pays it
// (payCheckout, the portal's card form) or returns from a hosted payment page (confirmCheckout).
// Never booked twice — on a double click, a reload of the confirmation or two tabs:
//  1. each checkout has an idempotency key, stored here and sent to the provider with the charge,
//     so every attempt on one checkout gets the same provider payment (never a second charge);
//  2. the Payment row is unique per (provider, reference), so that payment is credited once;
//  3. the checkout row is locked while it settles, so concurrent settlements queue, and the later
//     ones find it settled and answer the booking with `booked: false`.
// The provider is called before, never inside, the transaction (STYLE.md).

export type CheckoutView = {
  id: string;
  amount: number;
  state: CheckoutState;
  provider: string;
  reference: string | null;
  failureCode: DeclineCode | null;
  failureReason: string | null;
  createdAt: Date;
  settledAt: Date | null;
};

export type CheckoutResult = CheckoutView & {
  /** true only for the call that credited the balance. */
  booked: boolean;
  balance: number;
};

const spec = (label: string) => ({
  name: "billing.topUp",
  verb: "billing.topUp" as const,
  objectType: "CardCheckout",
  objectLabel: label,
});

/** Payer: a new checkout for `amount` øre (1.00–100,000.00 DKK). Charges nothing yet. */
export async function startCheckout(
  ctx: CoreContext,
  provider: PaymentProvider,
  input: { amount: number },
): Promise<CheckoutView> {
  return runRegistrarOperation(ctx, spec(""), async ({ tx, actor, now, audit }) => {
    checkTopUpAmount(input.amount);
    const row = await tx.cardCheckout.create({
      data: {
        accountId: actor.accountId,
        amount: input.amount,
        provider: provider.name,
        idempotencyKey: randomBytes(16).toString("hex"),
        createdAt: now,
        createdBy: actor.label,
      },
    });
    Object.assign(audit, { objectId: row.id, after: { amount: input.amount, state: "OPEN" } });
    return toView(row, null);
  });
}

/** Payer: the checkout as it stands (the checkout, success and failure pages). Reads only. */
export async function getCheckout(
  ctx: CoreContext,
  input: { checkoutId: string },
): Promise<CheckoutView & { balance: number }> {
  const actor = requirePermission(ctx.actor, "billing.topUp");
  const row = await findCheckout(ctx, actor.accountId, input.checkoutId);
  if (!row) throw notFound(input.checkoutId);
  return {
    ...toView(row, row.payment?.providerReference ?? null),
    balance: await balanceOf(ctx.db, actor.accountId),
  };
}

/**
 * Payer: pay an open checkout with a card. A checkout already settled is not charged again: the
 * call answers its booking (`booked: false`), or PAYMENT_DECLINED with the reason it failed.
 */
export async function payCheckout(
  ctx: CoreContext,
  provider: PaymentProvider,
  input: { checkoutId: string; card: CardDetails },
): Promise<CheckoutResult> {
  const actor = await requirePermissionAudited(ctx, spec(input.checkoutId));
  const checkout = await findCheckout(ctx, actor.accountId, input.checkoutId);
  let payment: ProviderPayment | null = null;
  if (checkout?.state === "OPEN" && checkout.provider === provider.name) {
    payment = await provider.createPayment({
      accountId: actor.accountId,
      amount: checkout.amount,
      card: input.card,
      idempotencyKey: checkout.idempotencyKey,
    });
  }
  return settleCheckout(ctx, provider, input.checkoutId, payment);
}

/**
 * Payer (the return from a hosted payment page) or a provider callback acting for the account:
 * books whatever the provider says about the checkout's payment, once. While the provider knows
 * no payment, or it is pending, the checkout stays open.
 */
export async function confirmCheckout(
  ctx: CoreContext,
  provider: PaymentProvider,
  input: { checkoutId: string },
): Promise<CheckoutResult> {
  const actor = await requirePermissionAudited(ctx, spec(input.checkoutId));
  const checkout = await findCheckout(ctx, actor.accountId, input.checkoutId);
  const payment =
    checkout?.state === "OPEN" && checkout.provider === provider.name
      ? await provider.findPayment(checkout.idempotencyKey)
      : null;
  return settleCheckout(ctx, provider, input.checkoutId, payment);
}

async function settleCheckout(
  ctx: CoreContext,
  provider: PaymentProvider,
  checkoutId: string,
  payment: ProviderPayment | null,
): Promise<CheckoutResult> {
  return runRegistrarOperation(
    ctx,
    spec(checkoutId),
    async ({ tx, actor, now, audit, commitThenRefuse }) => {
      if (!isUuid(checkoutId)) throw notFound(checkoutId);
      // the lock makes concurrent settlements of one checkout queue behind each other
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "CardCheckout"
        WHERE id = ${checkoutId}::uuid AND "accountId" = ${actor.accountId}::uuid FOR UPDATE`;
      if (!locked[0]) throw notFound(checkoutId);
      audit.objectId = checkoutId;
      let row = await tx.cardCheckout.findUniqueOrThrow({
        where: { id: checkoutId },
        include: { payment: { select: { providerReference: true } } },
      });
      let booked = false;
      const settles = row.state === "OPEN" && payment !== null && payment.status !== "pending";
      if (settles) {
        if (payment.accountId !== actor.accountId || payment.amount !== row.amount) {
          // a provider answering another checkout's payment: a programming or provider error
          throw new RegistryError(
            "CONFLICT",
            `Payment ${payment.reference} does not match checkout ${checkoutId}`,
            { reference: payment.reference },
          );
        }
        const succeeded = payment.status === "succeeded";
        const { row: paymentRow, inserted } = await insertPaymentOnce(tx, {
          accountId: actor.accountId,
          method: "CARD",
          provider: provider.name,
          reference: payment.reference,
          amount: payment.amount,
          state: succeeded ? "SUCCEEDED" : "FAILED",
          failureReason: payment.failureReason ?? null,
          now,
          createdBy: actor.label,
        });
        if (inserted && succeeded) {
          await creditAccount(tx, {
            accountId: actor.accountId,
            operation: "TOP_UP_CARD",
            amount: paymentRow.amount,
            actor,
            now,
            description: `Card top-up ${payment.reference}`,
            paymentId: paymentRow.id,
          });
          booked = true;
        }
        row = await tx.cardCheckout.update({
          where: { id: checkoutId },
          data: {
            state: paymentRow.state === "SUCCEEDED" ? "SUCCEEDED" : "FAILED",
            paymentId: paymentRow.id,
            settledAt: now,
            failureCode: succeeded ? null : (payment.failureCode ?? "provider_error"),
            failureReason: succeeded ? null : (payment.failureReason ?? null),
          },
          include: { payment: { select: { providerReference: true } } },
        });
      }
      const view = toView(row, row.payment?.providerReference ?? null);
      Object.assign(audit, {
        objectLabel: view.reference ?? checkoutId,
        after: { state: view.state, amount: view.amount, credited: booked },
      });
      if (view.state === "FAILED") {
        return commitThenRefuse(
          new RegistryError(
            "PAYMENT_DECLINED",
            `Card payment for checkout ${checkoutId} was declined: ${view.failureReason ?? "no reason given"}`,
            { checkoutId, reason: view.failureCode ?? "provider_error" },
          ),
        );
      }
      return { ...view, booked, balance: await balanceOf(tx, actor.accountId) };
    },
  );
}

type CheckoutRow = {
  id: string;
  amount: number;
  state: CheckoutState;
  provider: string;
  failureCode: string | null;
  failureReason: string | null;
  createdAt: Date;
  settledAt: Date | null;
};

function toView(row: CheckoutRow, reference: string | null): CheckoutView {
  return {
    id: row.id,
    amount: row.amount,
    state: row.state,
    provider: row.provider,
    reference,
    failureCode: (row.failureCode as DeclineCode | null) ?? null,
    failureReason: row.failureReason,
    createdAt: row.createdAt,
    settledAt: row.settledAt,
  };
}

async function findCheckout(ctx: CoreContext, accountId: string, checkoutId: string) {
  if (!isUuid(checkoutId)) return null;
  return ctx.db.cardCheckout.findFirst({
    where: { id: checkoutId, accountId },
    include: { payment: { select: { providerReference: true } } },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}

// Another account's checkout is as unknown as a made-up one.
function notFound(checkoutId: string) {
  return new RegistryError("NOT_FOUND", `Checkout ${checkoutId} not found`);
}
