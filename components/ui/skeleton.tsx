import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A grey placeholder block; decorative (hidden from assistive technology). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-skeleton rounded-md bg-zinc-200", className)}
      {...props}
    />
  );
}

/**
 * What a section's loading.tsx renders while its page streams: a heading bar, a toolbar and
 * rows, announced once as "Loading…".
 *   export default function Loading() { return <LoadingSkeleton />; }
 */
export function LoadingSkeleton({
  rows = 6,
  variant = "table",
}: {
  rows?: number;
  variant?: "table" | "detail";
}) {
  const t = useTranslations("ui.status");
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">{t("loading")}</span>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {variant === "table" ? (
        <TableSkeleton rows={rows} />
      ) : (
        <div className="grid gap-4 rounded-lg border border-border bg-surface p-6 sm:grid-cols-2">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex flex-col gap-2">
              <Skeleton className="h-3 w-24" />
              <Skeleton className="h-5 w-48 max-w-full" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Rows of placeholder cells in a table frame (DataTable shows it while a new page loads). */
export function TableSkeleton({ rows = 6, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <div aria-hidden="true" className="overflow-hidden rounded-lg border border-border bg-surface">
      <div className="flex gap-4 border-b border-border bg-zinc-50 px-4 py-3">
        {Array.from({ length: columns }, (_, c) => (
          <Skeleton key={c} className="h-3 flex-1" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4 border-b border-border px-4 py-3 last:border-b-0">
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} className={cn("h-4 flex-1", c === 0 && "flex-[2]")} />
          ))}
        </div>
      ))}
    </div>
  );
}
