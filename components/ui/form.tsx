"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, type ComponentProps, type ReactNode } from "react";
import {
  Controller,
  FormProvider,
  get,
  useFormContext,
  useFormState,
  type FieldValues,
} from "react-hook-form";
import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";
import { Combobox, type ComboboxProps } from "./combobox";
import { inputClassName } from "./input";
import type { ActionFormApi } from "./use-action-form";
import { useMessageTranslator } from "./use-action-form";

// Form fields for react-hook-form + zod, used inside <Form of={useActionForm(…)}>. Each field has
// a real <label>, its hint and error tied to the control with aria-describedby, aria-invalid when
// wrong, and shows catalogue-key messages translated.

/** The form element: provider, noValidate (zod validates), and the alert region for refusals. */
export function Form<TIn extends FieldValues, TOut, TData>({
  of,
  children,
  className,
  ...props
}: Omit<ComponentProps<"form">, "onSubmit" | "ref"> & { of: ActionFormApi<TIn, TOut, TData> }) {
  return (
    <FormProvider {...of.form}>
      <form
        onSubmit={of.onSubmit}
        noValidate
        aria-busy={of.pending || undefined}
        className={cn("flex flex-col gap-4", className)}
        {...props}
      >
        <FormAlert messages={of.formError} />
        {children}
      </form>
    </FormProvider>
  );
}

/** The form-level message of a refusal, announced at once (role="alert"). */
export function FormAlert({ messages }: { messages: readonly string[] | null | undefined }) {
  if (!messages?.length) return null;
  return (
    <div role="alert" className="rounded-md border border-danger bg-red-50 p-3 text-sm text-danger">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <ul className="list-disc pl-4">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export type FormFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  id?: string;
  className?: string;
};

function useFieldError(name: string): string | undefined {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const translate = useMessageTranslator();
  const message = (get(errors, name) as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message ? translate(message) : undefined;
}

function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-medium text-zinc-800">
      {children}
      {required ? (
        <span aria-hidden="true" className="text-danger">
          {" "}
          *
        </span>
      ) : null}
    </label>
  );
}

function FieldNotes({
  hintId,
  hint,
  errorId,
  error,
}: {
  hintId: string;
  hint?: ReactNode;
  errorId: string;
  error?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * The frame of any field: label, control, hint and error. Render the control with the props it
 * gets (id, aria-describedby, aria-invalid, aria-required):
 *   <FormField name="x" label="X">{(p) => <MyControl {...p} />}</FormField>
 */
export function FormField({
  name,
  label,
  hint,
  required,
  id,
  className,
  children,
}: FormFieldProps & {
  children: (control: FieldControlProps, error: string | undefined) => ReactNode;
}) {
  const generated = useId();
  const controlId = id ?? generated;
  const error = useFieldError(name);
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <FieldLabel htmlFor={controlId} required={required}>
        {label}
      </FieldLabel>
      {children(
        {
          id: controlId,
          "aria-describedby": describedBy,
          "aria-invalid": error ? true : undefined,
          "aria-required": required ? true : undefined,
        },
        error,
      )}
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}

type NativeInputProps = Omit<ComponentProps<"input">, "name" | "id" | "children">;

/** A text-like input: text, email, password, number, tel, url, search. */
export function TextField({
  name,
  label,
  hint,
  required,
  id,
  className,
  type = "text",
  ...input
}: FormFieldProps & NativeInputProps) {
  const { register } = useFormContext();
  return (
    <FormField
      name={name}
      label={label}
      hint={hint}
      required={required}
      id={id}
      className={className}
    >
      {(control, error) => (
        <input
          type={type}
          className={inputClassName(!!error, "h-10")}
          {...control}
          {...input}
          {...register(name)}
        />
      )}
    </FormField>
  );
}

export function TextareaField({
  name,
  label,
  hint,
  required,
  id,
  className,
  rows = 4,
  ...textarea
}: FormFieldProps & Omit<ComponentProps<"textarea">, "name" | "id" | "children">) {
  const { register } = useFormContext();
  return (
    <FormField
      name={name}
      label={label}
      hint={hint}
      required={required}
      id={id}
      className={className}
    >
      {(control, error) => (
        <textarea
          rows={rows}
          className={inputClassName(!!error, "py-2")}
          {...control}
          {...textarea}
          {...register(name)}
        />
      )}
    </FormField>
  );
}

export type Choice = { value: string; label: string; hint?: string; disabled?: boolean };

/** A native <select>: the most robust choice in a form (keyboard, mobile, every screen reader). */
export function SelectField({
  name,
  label,
  hint,
  required,
  id,
  className,
  options,
  placeholder,
  ...select
}: FormFieldProps & { options: readonly Choice[]; placeholder?: string } & Omit<
    ComponentProps<"select">,
    "name" | "id" | "children"
  >) {
  const { register } = useFormContext();
  return (
    <FormField
      name={name}
      label={label}
      hint={hint}
      required={required}
      id={id}
      className={className}
    >
      {(control, error) => (
        <select
          className={inputClassName(!!error, "h-10 pr-8")}
          {...control}
          {...select}
          {...register(name)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** One checkbox with its label beside it (a boolean field, or a required acknowledgement). */
export function CheckboxField({
  name,
  label,
  hint,
  required,
  id,
  className,
  ...input
}: FormFieldProps & Omit<NativeInputProps, "type">) {
  const { register } = useFormContext();
  const generated = useId();
  const controlId = id ?? generated;
  const error = useFieldError(name);
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={controlId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          className="mt-0.5 size-4 shrink-0 accent-accent-600"
          {...input}
          {...register(name)}
        />
        <FieldLabel htmlFor={controlId} required={required}>
          {label}
        </FieldLabel>
      </div>
      <div className="pl-6">
        <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
      </div>
    </div>
  );
}

/** Radio buttons in a fieldset whose legend is the label; each option may have a hint. */
export function RadioGroupField({
  name,
  label,
  hint,
  required,
  id,
  className,
  options,
  orientation = "vertical",
}: FormFieldProps & { options: readonly Choice[]; orientation?: "vertical" | "horizontal" }) {
  const { register } = useFormContext();
  const generated = useId();
  const groupId = id ?? generated;
  const error = useFieldError(name);
  const hintId = `${groupId}-hint`;
  const errorId = `${groupId}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={cn("flex flex-col gap-2", className)} aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-medium text-zinc-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {" "}
            *
          </span>
        ) : null}
      </legend>
      <div
        className={cn("flex gap-2", orientation === "vertical" ? "flex-col" : "flex-wrap gap-x-6")}
      >
        {options.map((o, i) => {
          const optionId = `${groupId}-${i}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={optionId}
                value={o.value}
                disabled={o.disabled}
                aria-describedby={
                  [o.hint ? `${optionId}-hint` : null, error ? errorId : null]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
                className="mt-0.5 size-4 shrink-0 accent-accent-600"
                {...register(name)}
              />
              <div className="flex flex-col">
                <label htmlFor={optionId} className="text-sm text-zinc-900">
                  {o.label}
                </label>
                {o.hint ? (
                  <p id={`${optionId}-hint`} className="text-xs text-muted">
                    {o.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </fieldset>
  );
}

/**
 * A date, time or date-and-time input (native pickers, keyboard-usable). The value is the wall
 * time as typed (`2026-11-24T14:30`); the schema turns it into an instant in Copenhagen time.
 */
export function DateTimeField({
  type = "datetime-local",
  hint,
  ...props
}: FormFieldProps &
  Omit<NativeInputProps, "type"> & { type?: "datetime-local" | "date" | "time" }) {
  const t = useTranslations("ui.dateTime");
  return (
    <TextField type={type} hint={hint ?? (type === "date" ? undefined : t("hint"))} {...props} />
  );
}

/** A Combobox bound to a form field (its value is the option's value, e.g. a contact handle). */
export function ComboboxField({
  name,
  label,
  hint,
  required,
  id,
  className,
  ...combobox
}: FormFieldProps & Omit<ComboboxProps, "value" | "onValueChange" | "id" | "name">) {
  const { control } = useFormContext();
  return (
    <FormField
      name={name}
      label={label}
      hint={hint}
      required={required}
      id={id}
      className={className}
    >
      {(props) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <Combobox
              {...combobox}
              id={props.id}
              name={name}
              // names the listbox too (the input is named by its <label> already)
              aria-label={combobox["aria-label"] ?? (typeof label === "string" ? label : undefined)}
              aria-describedby={props["aria-describedby"]}
              aria-invalid={props["aria-invalid"]}
              value={(field.value as string | null | undefined) ?? null}
              onValueChange={(value) => field.onChange(value ?? "")}
              onBlur={field.onBlur}
            />
          )}
        />
      )}
    </FormField>
  );
}

/** The submit button: disabled with a spinner while the form is submitting (or `pending`). */
export function SubmitButton({
  children,
  pendingLabel,
  pending,
  disabled,
  ...props
}: Omit<ButtonProps, "type"> & { pendingLabel?: ReactNode; pending?: boolean }) {
  const { formState } = useFormContext();
  const busy = pending ?? formState.isSubmitting;
  return (
    <Button
      type="submit"
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...props}
      className={cn("self-start", props.className)}
    >
      {busy ? <LoaderCircleIcon aria-hidden="true" className="size-4 animate-spin" /> : null}
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
