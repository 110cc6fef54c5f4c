"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function LogoutButton({ callbackUrl = "/login" }: { callbackUrl?: string }) {
  const t = useTranslations("shell.userMenu");
  return (
    <Button variant="secondary" size="sm" onClick={() => void signOut({ callbackUrl })}>
      {t("logOut")}
    </Button>
  );
}
