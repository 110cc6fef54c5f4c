import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/portal/language-switch";

/** The sandbox's own pages (issue 16): loopback only, no portal shell. */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex justify-end border-b border-border bg-surface px-4 py-3">
        <LanguageSwitch />
      </header>
      <main className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-6 px-4 py-8">{children}</main>
    </div>
  );
}
