"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function LogoutButton({ callbackUrl = "/login" }: { callbackUrl?: string }) {
  return (
    <Button variant="secondary" size="sm" onClick={() => void signOut({ callbackUrl })}>
      Log out
    </Button>
  );
}
