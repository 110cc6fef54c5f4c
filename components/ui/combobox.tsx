"use client";

import { CheckIcon, ChevronsUpDownIcon, LoaderCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Popover as PopoverPrimitive } from "radix-ui";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "./cn";

// A combobox after the WAI-ARIA APG "list autocomplete" pattern: a text input (role=combobox)
// owns a listbox in a Radix popover; focus stays in the input, arrow keys move the active option
// (aria-activedescendant), Enter chooses, Escape closes. Options are either given (filtered here)
// or searched with `search` — a server action or any async callback — e.g. a handle picker:
//   <Combobox search={searchContacts} value={handle} onValueChange={setHandle} aria-label="Registrant" />

export type ComboboxOption = {
  value: string;
  label: string;
  description?: string;
  disabled?: boolean;
};

export type ComboboxProps = {
  id?: string;
  /** The chosen option's value (null: none). */
  value: string | null;
  onValueChange: (value: string | null, option: ComboboxOption | null) => void;
  /** A fixed list, filtered by the typed text. */
  options?: readonly ComboboxOption[];
  /** Or: searched on the server as the user types (debounced; stale answers are dropped). */
  search?: (query: string) => Promise<readonly ComboboxOption[]>;
  /** The option for `value` when it is not in `options` (async search: the current handle). */
  selectedOption?: ComboboxOption | null;
  minQueryLength?: number;
  placeholder?: string;
  disabled?: boolean;
  name?: string;
  className?: string;
  onBlur?: () => void;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/** The options whose label or description contains the query, case- and accent-insensitively. */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  const q = fold(query.trim());
  if (!q) return [...options];
  return options.filter((o) => fold(`${o.label} ${o.description ?? ""} ${o.value}`).includes(q));
}

export function Combobox({
  id,
  value,
  onValueChange,
  options,
  search,
  selectedOption,
  minQueryLength = 1,
  placeholder,
  disabled,
  name,
  className,
  onBlur,
  ...aria
}: ComboboxProps) {
  const t = useTranslations("ui.combobox");
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const listId = `${inputId}-listbox`;
  // the option last chosen here: with a server search it is in neither `options` nor the results
  const [chosen, setChosen] = useState<ComboboxOption | null>(null);
  const selected = useMemo(
    () =>
      options?.find((o) => o.value === value) ??
      [selectedOption, chosen].find((o) => o != null && o.value === value) ??
      null,
    [options, selectedOption, chosen, value],
  );
  const [query, setQuery] = useState<string | null>(null); // null: not typing, show the selection
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<readonly ComboboxOption[]>([]);
  const [searching, setSearching] = useState(false);
  const requestNo = useRef(0);

  const text = query ?? selected?.label ?? "";
  const local = options && !search;
  const results = useMemo(
    () => (local ? filterOptions(options, query ?? "") : found),
    [local, options, query, found],
  );

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Debounced server search; an answer to an older query than the latest is dropped. */
  function runSearch(input: string) {
    if (!search) return;
    clearTimeout(timer.current);
    const q = input.trim();
    const no = ++requestNo.current;
    if (q.length < minQueryLength) {
      setFound([]);
      setSearching(false);
      return;
    }
    setSearching(true);
    timer.current = setTimeout(() => {
      search(q)
        .then((list) => {
          if (no !== requestNo.current) return;
          setFound(list);
          setActive(0);
        })
        .catch(() => {
          if (no === requestNo.current) setFound([]);
        })
        .finally(() => {
          if (no === requestNo.current) setSearching(false);
        });
    }, 250);
  }

  function choose(option: ComboboxOption | undefined) {
    if (!option || option.disabled) return;
    setChosen(option);
    onValueChange(option.value, option);
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (results.length ? (i + step + results.length) % results.length : 0));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else setQuery(null);
    } else if (event.key === "Home" && open) {
      setActive(0);
    } else if (event.key === "End" && open) {
      setActive(Math.max(results.length - 1, 0));
    }
  }

  const activeOption = open ? results[active] : undefined;
  const optionId = (i: number) => `${inputId}-option-${i}`;
  const status = searching
    ? t("searching")
    : query !== null && query.trim().length >= minQueryLength
      ? results.length
        ? t("results", { count: results.length })
        : t("noMatches")
      : "";

  return (
    <PopoverPrimitive.Root open={open && !disabled} onOpenChange={setOpen}>
      <PopoverPrimitive.Anchor asChild>
        <div className={cn("relative", className)}>
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeOption ? optionId(active) : undefined}
            aria-label={aria["aria-label"]}
            aria-labelledby={aria["aria-labelledby"]}
            aria-describedby={aria["aria-describedby"]}
            aria-invalid={aria["aria-invalid"] || undefined}
            placeholder={placeholder ?? t("placeholder")}
            disabled={disabled}
            value={text}
            onChange={(e) => {
              setQuery(e.target.value);
              runSearch(e.target.value);
              setActive(0);
              setOpen(true);
              if (e.target.value === "" && value !== null) onValueChange(null, null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setQuery(null);
              setOpen(false);
              onBlur?.();
            }}
            onClick={() => setOpen(true)}
            className={cn(
              "h-10 w-full rounded-md border bg-surface pr-9 pl-3 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-500",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600",
              "disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500",
              aria["aria-invalid"] ? "border-danger" : "border-zinc-300",
            )}
          />
          <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-zinc-600">
            {searching ? (
              <LoaderCircleIcon aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <ChevronsUpDownIcon aria-hidden="true" className="size-4" />
            )}
          </span>
          {name ? <input type="hidden" name={name} value={value ?? ""} /> : null}
          <span role="status" className="sr-only">
            {status}
          </span>
        </div>
      </PopoverPrimitive.Anchor>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          align="start"
          sideOffset={4}
          onOpenAutoFocus={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => e.preventDefault()}
          onInteractOutside={(e) => {
            if (e.target instanceof Node && document.getElementById(inputId)?.contains(e.target))
              e.preventDefault();
          }}
          className="z-50 w-(--radix-popover-trigger-width) min-w-56 rounded-md border border-border bg-surface p-1 shadow-overlay"
        >
          {results.length === 0 ? (
            // no options: a note, not an empty listbox (a listbox must own options, axe)
            <p id={listId} className="px-2 py-1.5 text-sm text-muted">
              {searching ? t("searching") : t("noMatches")}
            </p>
          ) : (
            <ul
              id={listId}
              role="listbox"
              aria-label={aria["aria-label"]}
              aria-labelledby={aria["aria-labelledby"]}
              className="max-h-64 overflow-y-auto text-sm"
            >
              {results.map((option, i) => (
                <li
                  key={option.value}
                  id={optionId(i)}
                  role="option"
                  aria-selected={option.value === value}
                  aria-disabled={option.disabled || undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(option)}
                  onMouseMove={() => setActive(i)}
                  className={cn(
                    "flex cursor-default items-start gap-2 rounded-sm px-2 py-1.5",
                    i === active && "bg-accent-50 text-accent-800",
                    option.disabled && "text-zinc-400",
                  )}
                >
                  <CheckIcon
                    aria-hidden="true"
                    className={cn(
                      "mt-0.5 size-4 shrink-0",
                      option.value === value ? "opacity-100" : "opacity-0",
                    )}
                  />
                  <span className="flex flex-col">
                    <span>{option.label}</span>
                    {option.description ? (
                      <span className="text-xs text-muted">{option.description}</span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
