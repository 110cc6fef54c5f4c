"use client";

import { ChevronDown, KeyRound, LogOut, MonitorSmartphone, ShieldCheck } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";

const item =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-zinc-800 no-underline outline-none hover:no-underline data-[highlighted]:bg-accent-50 data-[highlighted]:text-accent-800";

/** The user menu, its button named by the user's email (issue 12). */
export function UserMenu({ email }: { email: string }) {
  const t = useTranslations("shell.userMenu");
  return (
    // not modal: the page stays readable to assistive technology while the menu is open
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={email}
        className="inline-flex h-8 max-w-[14rem] items-center gap-1 rounded-md border border-zinc-300 bg-surface px-2 text-sm text-zinc-900 hover:bg-zinc-50"
      >
        <span className="truncate">{email}</span>
        <ChevronDown aria-hidden className="size-4 shrink-0" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-[14rem] rounded-md border border-border bg-surface p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted">{t("signedInAs", { email })}</DropdownMenu.Label>
          <DropdownMenu.Item asChild className={item}>
            <Link href="/account/sessions">
              <MonitorSmartphone aria-hidden className="size-4" />
              {t("sessions")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={item}>
            <Link href="/account/two-factor">
              <ShieldCheck aria-hidden className="size-4" />
              {t("twoFactor")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={item}>
            <Link href="/account/password">
              <KeyRound aria-hidden className="size-4" />
              {t("password")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item className={item} onSelect={() => void signOut({ callbackUrl: "/login" })}>
            <LogOut aria-hidden className="size-4" />
            {t("logOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
