import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/portal/language-switch";

/** Pages before login: the language can be chosen here too (a cookie remembers it). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="flex justify-end px-4 pt-4">
        <LanguageSwitch />
      </header>
      {children}
    </>
  );
}
