"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { payCheckoutAction } from "@/lib/actions/billing";
import { payCheckoutSchema } from "@/lib/schemas/billing";
import { useFieldMessage } from "../../_components/use-field-message";

type Values = z.input<typeof payCheckoutSchema>;
const FIELDS = ["cardNumber", "expiry", "cvc", "cardholder"] as const;

/**
 * The checkout step: card number, expiry, CVC and cardholder. "Pay" disables as soon as it is
 * pressed; whatever reaches the server twice (a double click, a second tab) is booked once, by
 * the checkout's idempotency key.
 */
export function CheckoutForm({ checkoutId, payLabel }: { checkoutId: string; payLabel: string }) {
  const t = useTranslations("billing.checkout");
  const message = useFieldMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(payCheckoutSchema) as never,
    defaultValues: { checkoutId, cardNumber: "", expiry: "", cvc: "", cardholder: "" },
  });
  const submit = form.handleSubmit(() => {
    setSubmitted(true);
    setError(null);
    startTransition(async () => {
      const result = await payCheckoutAction(form.getValues());
      if (result.ok) {
        router.replace(`/billing/top-up/${checkoutId}/success`);
        return;
      }
      if (result.code === "PAYMENT_DECLINED") {
        router.replace(`/billing/top-up/${checkoutId}/failed`);
        return;
      }
      setSubmitted(false);
      let atField = false;
      for (const field of FIELDS) {
        const text = result.fieldErrors?.[field]?.[0];
        if (text) {
          form.setError(field, { message: text });
          atField = true;
        }
      }
      if (!atField) setError(result.message);
    });
  });
  const busy = pending || submitted || form.formState.isSubmitting;
  const err = form.formState.errors;
  return (
    <form
      onSubmit={(event) => {
        if (busy) event.preventDefault();
        else void submit(event);
      }}
      noValidate
      className="flex flex-col gap-4 sm:max-w-md"
    >
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Input
        label={t("cardNumber")}
        inputMode="numeric"
        autoComplete="cc-number"
        required
        error={message(err.cardNumber?.message)}
        {...form.register("cardNumber")}
      />
      <div className="grid grid-cols-2 gap-4">
        <Input
          label={t("expiry")}
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          required
          error={message(err.expiry?.message)}
          {...form.register("expiry")}
        />
        <Input
          label={t("cvc")}
          inputMode="numeric"
          autoComplete="cc-csc"
          required
          error={message(err.cvc?.message)}
          {...form.register("cvc")}
        />
      </div>
      <Input
        label={t("cardholder")}
        autoComplete="cc-name"
        required
        error={message(err.cardholder?.message)}
        {...form.register("cardholder")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy} aria-disabled={busy}>
          {busy ? t("paying") : payLabel}
        </Button>
        <Link href="/billing">{t("cancel")}</Link>
      </div>
    </form>
  );
}
