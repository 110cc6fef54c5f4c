"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

// Radix Tabs: a tablist with arrow-key navigation; each panel is labelled by its tab.
// For tabs that are pages (their own URL), use links with aria-current instead.

export const Tabs = TabsPrimitive.Root;

export function TabsList({ className, ...props }: ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      className={cn("flex gap-1 overflow-x-auto border-b border-border", className)}
      {...props}
    />
  );
}

export function TabsTrigger({ className, ...props }: ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "-mb-px inline-flex h-10 items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-zinc-600",
        "hover:text-zinc-900 data-[state=active]:border-accent-600 data-[state=active]:text-accent-800",
        "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600 disabled:text-zinc-400",
        "[&_svg]:size-4",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content className={cn("pt-4 focus-visible:outline-2", className)} {...props} />
  );
}
