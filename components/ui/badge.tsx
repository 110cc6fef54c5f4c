import type { ComponentProps } from "react";
import { cn } from "./cn";

// Small status labels. Colours pair a -50 background with a -800 text (≥ 4.5:1) and a border,
// and the text always says the state: colour is never the only signal.
const tones = {
  neutral: "border-zinc-300 bg-zinc-100 text-zinc-800",
  accent: "border-accent-200 bg-accent-50 text-accent-800",
  success: "border-green-200 bg-green-50 text-green-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  danger: "border-red-200 bg-red-50 text-red-800",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({
  tone = "neutral",
  className,
  ...props
}: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}

/** The tone of a domain state (DomainState in prisma/schema.prisma); unknown states are neutral. */
export function domainStateTone(state: string): BadgeTone {
  switch (state) {
    case "ACTIVE":
      return "success";
    case "HELD":
      return "accent";
    case "SUSPENDED":
      return "warning";
    case "DELETED":
      return "danger";
    default:
      return "neutral";
  }
}
