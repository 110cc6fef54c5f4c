"use client";

import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { dialogPanelClass, overlayClass } from "./dialog";

// Radix AlertDialog: a dialog that interrupts for a decision. It does not close on an outside
// click; focus starts on Cancel, is trapped, and returns to the trigger. For mutations prefer
// ConfirmDialog (confirm-dialog.tsx), which states the consequences and shows refusals.

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;
export const AlertDialogCancel = AlertDialogPrimitive.Cancel;
export const AlertDialogAction = AlertDialogPrimitive.Action;

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

export function AlertDialogContent({
  className,
  size = "md",
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Content> & { size?: keyof typeof widths }) {
  return (
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay className={overlayClass} />
      <AlertDialogPrimitive.Content
        className={cn(dialogPanelClass, widths[size], className)}
        {...props}
      />
    </AlertDialogPrimitive.Portal>
  );
}

export function AlertDialogTitle({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Title>) {
  return (
    <AlertDialogPrimitive.Title
      className={cn("text-lg font-semibold text-zinc-900", className)}
      {...props}
    />
  );
}

export function AlertDialogDescription({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Description>) {
  return (
    <AlertDialogPrimitive.Description className={cn("text-sm text-muted", className)} {...props} />
  );
}

export {
  DialogBody as AlertDialogBody,
  DialogFooter as AlertDialogFooter,
  DialogHeader as AlertDialogHeader,
} from "./dialog";
