"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Form, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { startTopUpAction } from "@/lib/actions/billing";
import { topUpSchema } from "@/lib/schemas/billing";

/** "Top up": the amount; the checkout step asks for the card. */
export function TopUpForm({ initial }: { initial: string }) {
  const t = useTranslations("billing.topUp");
  const router = useRouter();
  const f = useActionForm(topUpSchema, startTopUpAction, {
    defaultValues: { amount: initial },
    successMessage: false,
    onSuccess: (data) => router.push(`/billing/top-up/${data.checkoutId}`),
  });
  return (
    <Form of={f} className="sm:max-w-sm">
      <TextField
        name="amount"
        label={t("amount")}
        hint={t("amountHelp")}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <div>
        <SubmitButton pending={f.pending || f.result?.ok === true} pendingLabel={t("continuing")}>
          {t("continue")}
        </SubmitButton>
      </div>
    </Form>
  );
}
