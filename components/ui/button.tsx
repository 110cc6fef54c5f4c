import type { ComponentProps } from "react";
import { cn } from "./cn";

const variants = {
  primary:
    "bg-accent-600 text-white hover:bg-accent-700 active:bg-accent-800 disabled:bg-accent-200 disabled:text-white",
  secondary:
    "border border-border bg-surface text-zinc-900 hover:bg-zinc-50 active:bg-zinc-100 disabled:text-zinc-400",
  danger: "bg-danger text-white hover:bg-red-800 active:bg-red-900 disabled:bg-red-200",
  ghost: "text-zinc-700 hover:bg-zinc-100 active:bg-zinc-200 disabled:text-zinc-400",
} as const;

const sizes = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
};

/** A button; defaults to type="button" so it never submits a form by accident. */
export function Button({
  variant = "primary",
  size = "md",
  type = "button",
  className,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600",
        "disabled:cursor-not-allowed",
        variants[variant],
        sizes[size],
        className,
      )}
      {...props}
    />
  );
}

/** A button's look for a link that acts as one (<Link className={buttonClassName("secondary")}>). */
export function buttonClassName(
  variant: keyof typeof variants = "primary",
  size: keyof typeof sizes = "md",
  className?: string,
): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600",
    variants[variant],
    sizes[size],
    className,
  );
}
