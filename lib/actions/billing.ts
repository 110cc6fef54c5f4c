"use server";

import {
  payCheckout,
  paymentProvider,
  setLowBalanceThreshold,
  startCheckout,
} from "@/lib/registry/billing";
import { lowBalanceThresholdSchema, payCheckoutSchema, topUpSchema } from "@/lib/schemas/billing";
import { defineAction } from "./define";

// Issue 18: the Payer's writes. The card goes to the provider and nowhere else (never logged,
// stored or audited); the balance pages are revalidated after a booking.

const billingPages = () => ["/billing", "/billing/ledger", "/"];

export const setLowBalanceThresholdAction = defineAction({
  verb: "billing.setLowBalanceThreshold",
  schema: lowBalanceThresholdSchema,
  run: (ctx, input) => setLowBalanceThreshold(ctx, input),
  revalidate: billingPages,
  forge: () => ({ threshold: "100.00" }),
  forgeScope: "own",
});

/** "Top up": a checkout for the amount; the page then asks for the card. */
export const startTopUpAction = defineAction({
  verb: "billing.topUp",
  schema: topUpSchema,
  run: async (ctx, input) => {
    const checkout = await startCheckout(ctx, paymentProvider(), input);
    return { checkoutId: checkout.id, amount: checkout.amount };
  },
  forge: () => ({ amount: "500.00" }),
  forgeScope: "own",
});

/** "Pay": charges the card once per checkout, however often it is sent. */
export const payCheckoutAction = defineAction({
  verb: "billing.topUp",
  schema: payCheckoutSchema,
  run: async (ctx, input) => {
    const result = await payCheckout(ctx, paymentProvider(), {
      checkoutId: input.checkoutId,
      card: {
        number: input.cardNumber,
        expiry: input.expiry,
        cvc: input.cvc,
        holder: input.cardholder,
      },
    });
    return {
      checkoutId: result.id,
      state: result.state,
      amount: result.amount,
      balance: result.balance,
      booked: result.booked,
    };
  },
  revalidate: billingPages,
  forge: (f) => ({
    checkoutId: f.checkoutId ?? "00000000-0000-4000-8000-000000000000",
    cardNumber: "4242 4242 4242 4242",
    expiry: "12/30",
    cvc: "123",
    cardholder: "Forged Payer",
  }),
});
