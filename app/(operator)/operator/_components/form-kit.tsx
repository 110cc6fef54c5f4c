"use client";

import { useTranslations } from "next-intl";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// Small pieces the console's forms share: translating a schema's catalogue key, a labelled
// textarea and select (components/ui has a labelled input only), and the form's status line.

/** A zod message that is a catalogue key ("operator.validation.cvr") in the reader's language. */
export function useMessage() {
  const t = useTranslations();
  return (message: string | undefined): string | undefined =>
    message && /^[a-zA-Z]+\.[\w.]+$/.test(message) && t.has(message) ? t(message) : message;
}

/** Server field errors (already translated) onto react-hook-form's fields. */
export function applyFieldErrors<F extends string>(
  fieldErrors: Record<string, string[]> | undefined,
  setError: (name: F, error: { message: string }) => void,
  fields: readonly F[],
): boolean {
  let placed = false;
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    if ((fields as readonly string[]).includes(field) && messages[0]) {
      setError(field as F, { message: messages[0] });
      placed = true;
    }
  }
  return placed;
}

type TextareaProps = Omit<ComponentProps<"textarea">, "id"> & { label: ReactNode; error?: string; hint?: ReactNode };

export function Textarea({ label, error, hint, className, required, ...props }: TextareaProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <textarea
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "min-h-24 rounded-md border bg-surface px-3 py-2 text-sm text-zinc-900 shadow-xs",
          "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600",
          error ? "border-danger" : "border-zinc-300",
          className,
        )}
        {...props}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type SelectProps = Omit<ComponentProps<"select">, "id"> & { label: ReactNode; error?: string };

export function Select({ label, error, className, children, ...props }: SelectProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(
          "h-10 rounded-md border bg-surface px-3 text-sm text-zinc-900",
          error ? "border-danger" : "border-zinc-300",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The outcome of the last submit: an alert for a refusal, a status line for a success. */
export function FormStatus({ error, success }: { error?: string | null; success?: ReactNode }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-danger bg-red-50 p-3 text-sm text-danger">
        {error}
      </p>
    );
  }
  return success ? (
    <div role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
      {success}
    </div>
  ) : null;
}
