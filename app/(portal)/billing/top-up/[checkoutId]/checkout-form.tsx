"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { payCheckoutAction } from "@/lib/actions/billing";
import type { ActionResult } from "@/lib/actions/result";
import { payCheckoutSchema } from "@/lib/schemas/billing";

type Input = Parameters<typeof payCheckoutAction>[0];

/**
 * The checkout step: card number, expiry, CVC and cardholder. "Pay" disables as soon as it is
 * pressed and stays disabled once paid; whatever reaches the server twice (a double click, a second
 * tab) is booked once, by the checkout's idempotency key. A decline goes to the failure page.
 */
export function CheckoutForm({ checkoutId, payLabel }: { checkoutId: string; payLabel: string }) {
  const t = useTranslations("billing.checkout");
  const router = useRouter();
  const pay = async (input: Input): Promise<ActionResult<{ next: string }>> => {
    const result = await payCheckoutAction(input);
    if (result.ok) return { ok: true, data: { next: `/billing/top-up/${checkoutId}/success` } };
    if (result.code === "PAYMENT_DECLINED") {
      return { ok: true, data: { next: `/billing/top-up/${checkoutId}/failed` } };
    }
    return result;
  };
  const f = useActionForm(payCheckoutSchema, pay, {
    defaultValues: { checkoutId, cardNumber: "", expiry: "", cvc: "", cardholder: "" },
    successMessage: false,
    onSuccess: (data) => router.replace(data.next),
  });
  return (
    <Form of={f} className="sm:max-w-md">
      <TextField
        name="cardNumber"
        label={t("cardNumber")}
        inputMode="numeric"
        autoComplete="cc-number"
        required
      />
      <div className="grid grid-cols-2 gap-4">
        <TextField
          name="expiry"
          label={t("expiry")}
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          required
        />
        <TextField name="cvc" label={t("cvc")} inputMode="numeric" autoComplete="cc-csc" required />
      </div>
      <TextField name="cardholder" label={t("cardholder")} autoComplete="cc-name" required />
      <div className="flex items-center gap-3">
        <SubmitButton pending={f.pending || f.result?.ok === true} pendingLabel={t("paying")}>
          {payLabel}
        </SubmitButton>
        <Link href="/billing">{t("cancel")}</Link>
      </div>
    </Form>
  );
}
