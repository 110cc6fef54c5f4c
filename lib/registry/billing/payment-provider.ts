import { randomBytes } from "node:crypto";

// R-PAY-2 card funding goes through this interface; production plugs in a real acquirer, the
// sandbox uses SandboxCardProvider. Two things make booking idempotent: the checkout's
// idempotency key, which the provider honours (the same key never charges twice, it answers the
// payment made under it), and the provider's reference, unique per provider in Payment.
//
// The seam for a real provider (README "Payment providers"): a PSP with a card API implements
// `createPayment`; one with a hosted payment page (e.g. a Danish PSP's payment window) implements
// `startHostedPayment` instead — the portal then redirects the Payer there instead of showing its
// own card form — and `findPayment`, which the return URL and the PSP's callback use through
// `confirmCheckout` to book the outcome, once, whichever arrives first.

export type ProviderPaymentStatus = "succeeded" | "failed" | "pending";

/** Why a card was declined, as a stable code the pages translate. */
export type DeclineCode =
  "card_declined" | "insufficient_funds" | "expired_card" | "unknown_card" | "provider_error";

export type ProviderPayment = {
  reference: string;
  amount: number; // øre
  /** The registrar account the payment was created for (metadata sent to the provider). */
  accountId: string;
  status: ProviderPaymentStatus;
  failureCode?: DeclineCode;
  failureReason?: string;
};

export type CardDetails = { number: string; expiry?: string; cvc?: string; holder?: string };

export interface PaymentProvider {
  /** Stored as Payment.provider; unique together with the reference. */
  readonly name: string;
  /**
   * Charges a card typed into the portal's checkout. With an idempotency key, a second call with
   * the same key charges nothing and answers the first call's payment.
   */
  createPayment(input: {
    accountId: string;
    amount: number;
    card: CardDetails;
    idempotencyKey?: string;
  }): Promise<ProviderPayment>;
  /** The provider's current view of a payment; null when it does not know the reference. */
  retrievePayment(reference: string): Promise<ProviderPayment | null>;
  /** The payment made under this idempotency key (the checkout), null when none was made yet. */
  findPayment(idempotencyKey: string): Promise<ProviderPayment | null>;
  /**
   * Hosted payment page providers only: where to send the Payer to pay this checkout. The page
   * returns to `returnUrl` and the provider calls `callbackUrl`; both lead to `confirmCheckout`.
   */
  startHostedPayment?(input: {
    accountId: string;
    amount: number;
    idempotencyKey: string;
    returnUrl: string;
    callbackUrl: string;
  }): Promise<{ redirectUrl: string }>;
}

/** Test cards of the sandbox provider (listed in the README). */
export const SANDBOX_CARDS = {
  "4242424242424242": { status: "succeeded" },
  "5555555555554444": { status: "succeeded" },
  "4000000000000002": {
    status: "failed",
    failureCode: "card_declined",
    failureReason: "card declined",
  },
  "4000000000009995": {
    status: "failed",
    failureCode: "insufficient_funds",
    failureReason: "insufficient funds on card",
  },
  "4000000000000069": {
    status: "failed",
    failureCode: "expired_card",
    failureReason: "card expired",
  },
} as const satisfies Record<
  string,
  { status: ProviderPaymentStatus; failureCode?: DeclineCode; failureReason?: string }
>;

type Outcome = { status: ProviderPaymentStatus; failureCode?: DeclineCode; failureReason?: string };

/**
 * An in-memory card acquirer: known test numbers succeed or fail as listed; any other number is
 * declined as "unknown test card". Its memory is the "provider": one instance per process
 * (`sandboxProvider()`), which honours idempotency keys as a real acquirer does.
 */
export class SandboxCardProvider implements PaymentProvider {
  readonly name = "sandbox-card";
  private readonly payments = new Map<string, ProviderPayment>();
  private readonly byKey = new Map<string, string>();

  createPayment(input: {
    accountId: string;
    amount: number;
    card: CardDetails;
    idempotencyKey?: string;
  }): Promise<ProviderPayment> {
    const known = input.idempotencyKey ? this.byKey.get(input.idempotencyKey) : undefined;
    if (known) return Promise.resolve({ ...this.payments.get(known)! });
    const number = input.card.number.replace(/[\s-]/g, "");
    const outcome: Outcome =
      number in SANDBOX_CARDS
        ? SANDBOX_CARDS[number as keyof typeof SANDBOX_CARDS]
        : { status: "failed", failureCode: "unknown_card", failureReason: "unknown test card" };
    const payment: ProviderPayment = {
      reference: `sb_${randomBytes(12).toString("hex")}`,
      amount: input.amount,
      accountId: input.accountId,
      status: outcome.status,
      ...(outcome.failureCode ? { failureCode: outcome.failureCode } : {}),
      ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
    };
    this.payments.set(payment.reference, payment);
    if (input.idempotencyKey) this.byKey.set(input.idempotencyKey, payment.reference);
    return Promise.resolve({ ...payment });
  }

  retrievePayment(reference: string): Promise<ProviderPayment | null> {
    const payment = this.payments.get(reference);
    return Promise.resolve(payment ? { ...payment } : null);
  }

  findPayment(idempotencyKey: string): Promise<ProviderPayment | null> {
    const reference = this.byKey.get(idempotencyKey);
    return this.retrievePayment(reference ?? "");
  }
}

const holder = globalThis as { __rpSandboxCardProvider?: SandboxCardProvider };

/**
 * The process's payment provider: the sandbox acquirer, one per process (shared by server
 * actions, route handlers and pages, which Next may load as separate module instances).
 */
export function paymentProvider(): PaymentProvider {
  return (holder.__rpSandboxCardProvider ??= new SandboxCardProvider());
}
