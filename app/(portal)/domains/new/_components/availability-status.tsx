"use client";

import { CircleCheckIcon, CircleXIcon, LoaderCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { type Control, useWatch } from "react-hook-form";
import { checkDomainNameAction } from "@/lib/actions/domain-register";
import type { AvailabilityResult } from "@/lib/registry/domains";
import type { RegisterDomainFormInput } from "@/lib/schemas/domain-register";

// Issue 15: the live availability check beside "Domain name" (R-REG-4), debounced: "Available",
// or why not — registered, held, in redemption, offered, blocked, or invalid and why. An IDN is
// shown in both forms. Announced politely (role="status"); the core checks again on "Register".

const DEBOUNCE_MS = 400;

/** What is known about the name `for` (a state for an older name is not shown). */
type State = { for: string } & (
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; result: AvailabilityResult }
  | { kind: "failed" }
);

export function AvailabilityStatus({ control }: { control: Control<RegisterDomainFormInput> }) {
  const t = useTranslations("domainRegister");
  const typed = (useWatch({ control, name: "name" }) ?? "").trim();
  const [known, setState] = useState<State>({ for: "", kind: "idle" });
  const requestNo = useRef(0);

  useEffect(() => {
    const no = ++requestNo.current;
    if (!typed) return;
    const timer = setTimeout(() => {
      setState({ for: typed, kind: "checking" });
      checkDomainNameAction({ name: typed })
        .then((answer) => {
          if (no !== requestNo.current) return; // a newer name was typed meanwhile
          setState(answer.ok ? { for: typed, kind: "done", result: answer.data } : { for: typed, kind: "failed" });
        })
        .catch(() => {
          if (no === requestNo.current) setState({ for: typed, kind: "failed" });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const state: State = typed && known.for === typed ? known : { for: typed, kind: "idle" };

  let icon = null;
  let text = "";
  let idn: string | null = null;
  let tone = "text-muted";
  if (state.kind === "checking") {
    icon = <LoaderCircleIcon aria-hidden="true" className="size-4 animate-spin" />;
    text = t("availability.checking", { name: state.for });
  } else if (state.kind === "failed") {
    text = t("availability.failed");
  } else if (state.kind === "done") {
    const r = state.result;
    if (!r.available && r.reason === "INVALID") {
      const key = `invalid.${r.invalidReason ?? "OTHER"}`;
      const params = Object.fromEntries(
        Object.entries(r.details ?? {}).filter(([, v]) => typeof v === "string" || typeof v === "number"),
      ) as Record<string, string | number>;
      const reason = t.has(key as never) ? t(key as never, params as never) : t("invalid.OTHER");
      text = t("availability.invalid", { reason });
      tone = "text-danger";
      icon = <CircleXIcon aria-hidden="true" className="size-4" />;
    } else {
      if (r.uLabel !== r.name) idn = t("availability.idn", { uLabel: r.uLabel, aLabel: r.name });
      if (r.available) {
        text = t("availability.available");
        tone = "text-green-800";
        icon = <CircleCheckIcon aria-hidden="true" className="size-4" />;
      } else {
        text = t(`availability.${r.reason}`, { name: r.uLabel });
        tone = "text-danger";
        icon = <CircleXIcon aria-hidden="true" className="size-4" />;
      }
    }
  }
  return (
    <div role="status" aria-label={t("availability.label")} className="min-h-5 text-sm">
      {text ? (
        <p className={`flex items-center gap-1.5 font-medium ${tone}`}>
          {icon}
          <span>{text}</span>
        </p>
      ) : null}
      {idn ? <p className="text-xs text-zinc-700">{idn}</p> : null}
    </div>
  );
}
