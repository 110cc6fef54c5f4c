import type { ReactNode } from "react";
import { cn } from "./cn";

export type DescriptionItem = { term: ReactNode; value: ReactNode; key?: string };

/** Facts about one object as a <dl>: "Expires — 24.11.2026". Two columns from 640 px up. */
export function DescriptionList({
  items,
  columns = 2,
  className,
}: {
  items: readonly DescriptionItem[];
  columns?: 1 | 2 | 3;
  className?: string;
}) {
  return (
    <dl
      className={cn(
        "grid gap-x-6 gap-y-4 text-sm",
        columns === 2 && "sm:grid-cols-2",
        columns === 3 && "sm:grid-cols-2 lg:grid-cols-3",
        className,
      )}
    >
      {items.map((item, i) => (
        <div key={item.key ?? i} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-muted">{item.term}</dt>
          <dd className="break-words text-zinc-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
