import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

type TableProps = ComponentProps<"table"> & {
  /** Required: a table needs an accessible name. Visually hidden unless captionVisible. */
  caption: ReactNode;
  captionVisible?: boolean;
};

/** A data table; the wrapper scrolls horizontally so wide tables do not break the layout. */
export function Table({
  caption,
  captionVisible = false,
  className,
  children,
  ...props
}: TableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        <caption
          className={cn(
            captionVisible ? "px-4 py-3 text-left text-sm font-medium text-zinc-800" : "sr-only",
          )}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-zinc-50 text-xs text-muted uppercase", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-border", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-zinc-50", className)} {...props} />;
}

/** A column header; scope defaults to "col". */
export function TableHeaderCell({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("border-b border-border px-4 py-2 font-medium tracking-wide", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-2 align-top text-zinc-800", className)} {...props} />;
}
