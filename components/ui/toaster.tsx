"use client";

import { useTranslations } from "next-intl";
import { Toaster as Sonner, toast } from "sonner";

// Toasts (sonner): short confirmations of something that happened ("Domain renewed"). They are
// announced politely and never carry the only copy of important information — errors that need
// action belong next to the thing (a field, a dialog, an Alert), not in a toast.
// Mounted once in app/layout.tsx; call `toast.success(t("renewed"))` from client code.

export { toast };

export function Toaster() {
  const t = useTranslations("ui");
  return (
    <Sonner
      position="bottom-right"
      closeButton
      duration={6000}
      containerAriaLabel={t("toast.region")}
      toastOptions={{
        closeButtonAriaLabel: t("actions.close"),
        classNames: { toast: "font-sans text-sm" },
      }}
    />
  );
}
