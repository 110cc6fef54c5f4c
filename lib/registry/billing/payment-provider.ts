import { randomBytes } from "node:crypto";

// R-PAY-2 card funding goes through this interface; production plugs in a real acquirer, the
// sandbox uses SandboxCardProvider. The provider's reference is what makes booking idempotent.

export type ProviderPaymentStatus = "succeeded" | "failed" | "pending";

export type ProviderPayment = {
  reference: string;
  amount: number; // øre
  /** The registrar account the payment was created for (metadata sent to the provider). */
  accountId: string;
  status: ProviderPaymentStatus;
  failureReason?: string;
};

export type CardDetails = { number: string; expiry?: string; cvc?: string };

export interface PaymentProvider {
  /** Stored as Payment.provider; unique together with the reference. */
  readonly name: string;
  createPayment(input: {
    accountId: string;
    amount: number;
    card: CardDetails;
  }): Promise<ProviderPayment>;
  /** The provider's current view of a payment; null when it does not know the reference. */
  retrievePayment(reference: string): Promise<ProviderPayment | null>;
}

/** Test cards of the sandbox provider (listed in the README). */
export const SANDBOX_CARDS = {
  "4242424242424242": { status: "succeeded" },
  "5555555555554444": { status: "succeeded" },
  "4000000000000002": { status: "failed", failureReason: "card declined" },
  "4000000000009995": { status: "failed", failureReason: "insufficient funds on card" },
  "4000000000000069": { status: "failed", failureReason: "card expired" },
} as const satisfies Record<string, { status: ProviderPaymentStatus; failureReason?: string }>;

/**
 * An in-memory card acquirer: known test numbers succeed or fail as listed; any other number is
 * declined as "unknown test card". One instance per process (its memory is the "provider").
 */
export class SandboxCardProvider implements PaymentProvider {
  readonly name = "sandbox-card";
  private readonly payments = new Map<string, ProviderPayment>();

  createPayment(input: {
    accountId: string;
    amount: number;
    card: CardDetails;
  }): Promise<ProviderPayment> {
    const number = input.card.number.replace(/[\s-]/g, "");
    const outcome: { status: ProviderPaymentStatus; failureReason?: string } =
      number in SANDBOX_CARDS
        ? SANDBOX_CARDS[number as keyof typeof SANDBOX_CARDS]
        : { status: "failed", failureReason: "unknown test card" };
    const payment: ProviderPayment = {
      reference: `sb_${randomBytes(12).toString("hex")}`,
      amount: input.amount,
      accountId: input.accountId,
      status: outcome.status,
      ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
    };
    this.payments.set(payment.reference, payment);
    return Promise.resolve({ ...payment });
  }

  retrievePayment(reference: string): Promise<ProviderPayment | null> {
    const payment = this.payments.get(reference);
    return Promise.resolve(payment ? { ...payment } : null);
  }
}
