"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { setLocaleAction } from "@/lib/i18n/locale-action";
import { locales } from "@/lib/i18n/locales";

/** The header's language switch: each language named in itself; remembered on the user and by a cookie. */
export function LanguageSwitch() {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
        className="h-8 rounded-md border border-zinc-300 bg-surface px-2 text-sm text-zinc-900"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {l === "en" ? "English" : "Dansk"}
          </option>
        ))}
      </select>
    </div>
  );
}
