import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export type InputProps = Omit<ComponentProps<"input">, "id"> & {
  label: ReactNode;
  /** Shown under the input and announced with it; marks the input invalid. */
  error?: string;
  /** Help text, announced with the input. */
  hint?: ReactNode;
  id?: string;
};

/** The look of text inputs, selects and textareas (form.tsx uses it too). */
export function inputClassName(invalid: boolean, className?: string): string {
  return cn(
    "rounded-md border bg-surface px-3 text-sm text-zinc-900 shadow-xs",
    "placeholder:text-zinc-500 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500",
    "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600",
    invalid ? "border-danger" : "border-zinc-300",
    className,
  );
}

/** A labelled text input with optional hint and error, wired for screen readers. */
export function Input({ label, error, hint, id, className, required, ...props }: InputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <input
        id={inputId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "h-10 rounded-md border bg-surface px-3 text-sm text-zinc-900 shadow-xs",
          "placeholder:text-zinc-400 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500",
          "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600",
          error ? "border-danger" : "border-zinc-300",
          className,
        )}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
