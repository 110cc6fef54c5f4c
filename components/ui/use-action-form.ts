"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback, useState, type FormEvent } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Mode,
  type Path,
  type UseFormReturn,
} from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { placeActionErrors, translateMessage, type MessageLookup } from "./form-messages";

/** Translates catalogue keys (`contacts.validation.cvr`) and leaves other text as it is. */
export function useMessageTranslator(): (message: string) => string {
  const t = useTranslations();
  return useCallback(
    (message: string) => {
      const lookup: MessageLookup = {
        has: (key) => t.has(key as Parameters<typeof t.has>[0]),
        translate: (key) => t(key as Parameters<typeof t>[0]),
      };
      return translateMessage(message, lookup);
    },
    [t],
  );
}

export type UseActionFormOptions<TInput extends FieldValues, TOutput, TData> = {
  defaultValues?: DefaultValues<TInput>;
  /** The success toast: a text, or one made from the action's data; false for none. Default "Saved." */
  successMessage?: string | ((data: TData, values: TOutput) => string) | false;
  onSuccess?: (data: TData, values: TOutput) => void | Promise<void>;
  /** Clear the form after a success (back to defaultValues). */
  resetOnSuccess?: boolean;
  /** When client-side validation runs (react-hook-form); default on submit, then on change. */
  mode?: Mode;
};

export type ActionFormApi<TInput extends FieldValues, TOutput, TData> = {
  form: UseFormReturn<TInput, unknown, TOutput>;
  /** Pass to <form onSubmit>; <Form of={…}> does it for you. */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => Promise<void>;
  /** The form-level message of the last refusal (already translated), or null. */
  formError: string[] | null;
  setFormError: (messages: string[] | null) => void;
  pending: boolean;
  /** The last result of the action. */
  result: ActionResult<TData> | null;
};

/**
 * One way to write a form (issue 12): react-hook-form validated by the action's own zod schema on
 * the client, then the server action. A refusal's field errors land at their fields (typed values
 * stay), its message in the form's alert region, focus on the first invalid field; a success is
 * toasted. The action gets the raw form values and parses them with the same schema itself.
 *
 *   const f = useActionForm(renewDomainSchema, renewDomain, { defaultValues: { name, period: "1" } });
 *   return <Form of={f}><SelectField name="period" … /><SubmitButton>Renew</SubmitButton></Form>;
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, TData>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<TData>>,
  options: UseActionFormOptions<z.input<S>, z.output<S>, TData> = {},
): ActionFormApi<z.input<S>, z.output<S>, TData> {
  type In = z.input<S>;
  type Out = z.output<S>;
  const translate = useMessageTranslator();
  const t = useTranslations("ui.form");
  const [formError, setFormError] = useState<string[] | null>(null);
  const [result, setResult] = useState<ActionResult<TData> | null>(null);
  const form = useForm<In, unknown, Out>({
    // zodResolver's overloads infer from the schema; the cast only names the same types.
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
    mode: options.mode ?? "onSubmit",
    reValidateMode: "onChange",
  });

  const submit = form.handleSubmit(async (values, event) => {
    // the <form> element: which fields it shows decides where a server field error goes
    // (target, not currentTarget: React clears currentTarget once the event is dispatched)
    const formElement = event?.target instanceof HTMLFormElement ? event.target : null;
    setFormError(null);
    let outcome: ActionResult<TData>;
    try {
      outcome = await action(form.getValues());
    } catch {
      // a network failure or an action that threw: nothing is known to have changed
      outcome = { ok: false, code: "INTERNAL_ERROR", message: t("failed") };
    }
    setResult(outcome);
    if (outcome.ok) {
      const message =
        typeof options.successMessage === "function"
          ? options.successMessage(outcome.data, values)
          : options.successMessage === false
            ? null
            : (options.successMessage ?? t("saved"));
      if (message) toast.success(message);
      if (options.resetOnSuccess) form.reset(options.defaultValues);
      await options.onSuccess?.(outcome.data, values);
      return;
    }
    const hasField = (name: string) =>
      !!formElement?.querySelector(`[name="${CSS.escape(name)}"]`) ||
      (!formElement && name in (form.getValues() as object));
    const placed = placeActionErrors(outcome, hasField);
    placed.fields.forEach(({ name, message }, i) =>
      form.setError(
        name as Path<In>,
        { type: "server", message: translate(message) },
        { shouldFocus: i === 0 },
      ),
    );
    setFormError(placed.formMessages.map(translate));
  });

  return {
    form,
    onSubmit: submit,
    formError,
    setFormError,
    pending: form.formState.isSubmitting,
    result,
  };
}
