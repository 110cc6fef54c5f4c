"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { PasswordStrength } from "@/lib/crypto/password-strength";

/**
 * A live strength meter for a new password (DESIGN.md §5): zxcvbn with its common-password list,
 * loaded only when this meter is on screen (the dictionary is ~400 kB). The server checks again.
 */
export function PasswordStrengthMeter({ password, userInputs, id }: { password: string; userInputs: string[]; id: string }) {
  const t = useTranslations("security.password.strength");
  const [checked, setChecked] = useState<{ password: string; strength: PasswordStrength } | null>(null);
  const inputs = userInputs.join("\u0000");

  useEffect(() => {
    let live = true;
    if (password) {
      void import("@/lib/crypto/password-strength").then(({ passwordStrength }) => {
        if (live) setChecked({ password, strength: passwordStrength(password, inputs.split("\u0000")) });
      });
    }
    return () => {
      live = false;
    };
  }, [password, inputs]);

  const strength = password && checked?.password === password ? checked.strength : null;
  if (!strength) return <p id={id} className="sr-only" />;
  const colours = ["bg-red-600", "bg-red-600", "bg-amber-500", "bg-green-600", "bg-green-700"];
  return (
    <div id={id} className="flex flex-col gap-1" aria-live="polite">
      <div className="flex gap-1" aria-hidden>
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={`h-1.5 flex-1 rounded ${i < Math.max(1, strength.score) ? colours[strength.score] : "bg-zinc-200"}`} />
        ))}
      </div>
      <p className="text-xs text-zinc-700">
        {t("label", { level: t(`levels.${strength.score}`) })}
        {strength.warning ? ` ${t(`warnings.${strength.warning}`)}` : ""}
      </p>
    </div>
  );
}
