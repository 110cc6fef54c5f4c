"use client";

import { CheckIcon, ChevronDownIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Select as SelectPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { menuItemClass, menuPanelClass } from "./dropdown-menu";

// Radix Select, styled like the inputs: for toolbars and filters (rows per page, a status filter).
// In forms prefer SelectField (a native <select>: works without JavaScript, with every assistive
// technology and with Playwright's selectOption). Name it with a <label htmlFor={id}> or aria-label.

export type SelectOption = { value: string; label: string; disabled?: boolean };

export const selectTriggerClass = cn(
  "inline-flex h-10 items-center justify-between gap-2 rounded-md border border-zinc-300 bg-surface px-3 text-sm text-zinc-900 shadow-xs",
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600",
  "disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 data-[placeholder]:text-zinc-600",
  "aria-[invalid=true]:border-danger",
);

export type SelectProps = Omit<ComponentProps<typeof SelectPrimitive.Root>, "children"> & {
  options: readonly SelectOption[];
  id?: string;
  placeholder?: string;
  className?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

export function Select({
  options,
  id,
  placeholder,
  className,
  "aria-label": ariaLabel,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
  ...root
}: SelectProps) {
  const t = useTranslations("ui.select");
  return (
    <SelectPrimitive.Root {...root}>
      <SelectPrimitive.Trigger
        id={id}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={cn(selectTriggerClass, className)}
      >
        <SelectPrimitive.Value placeholder={placeholder ?? t("choose")} />
        <SelectPrimitive.Icon>
          <ChevronDownIcon aria-hidden="true" className="size-4 text-zinc-600" />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          className={cn(
            menuPanelClass,
            "max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width)",
          )}
        >
          <SelectPrimitive.Viewport>
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled}
                className={cn(menuItemClass, "pr-8")}
              >
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                <SelectPrimitive.ItemIndicator className="absolute right-2 flex items-center">
                  <CheckIcon aria-hidden="true" />
                </SelectPrimitive.ItemIndicator>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
