"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { startTopUpAction } from "@/lib/actions/billing";
import { topUpSchema } from "@/lib/schemas/billing";
import { useFieldMessage } from "../../_components/use-field-message";

type Values = z.input<typeof topUpSchema>;

/** "Top up": the amount; the checkout step asks for the card. */
export function TopUpForm({ initial }: { initial: string }) {
  const t = useTranslations("billing.topUp");
  const message = useFieldMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({
    resolver: zodResolver(topUpSchema) as never,
    defaultValues: { amount: initial },
  });
  const submit = form.handleSubmit(() =>
    startTransition(async () => {
      const result = await startTopUpAction(form.getValues());
      if (result.ok) router.push(`/billing/top-up/${result.data.checkoutId}`);
      else form.setError("amount", { message: result.fieldErrors?.amount?.[0] ?? result.message });
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 sm:max-w-sm">
      <Input
        label={t("amount")}
        hint={t("amountHelp")}
        inputMode="decimal"
        autoComplete="off"
        required
        error={message(form.formState.errors.amount?.message)}
        {...form.register("amount")}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("continuing") : t("continue")}
        </Button>
      </div>
    </form>
  );
}
