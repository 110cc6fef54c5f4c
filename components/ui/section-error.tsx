"use client";

import { RotateCcwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * What a section's error.tsx renders (error boundaries must be client components):
 *   "use client";
 *   export { SectionError as default } from "@/components/ui/section-error";
 * It says something went wrong (nothing was changed) and offers "Try again" (Next's reset).
 */
export function SectionError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("ui");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="flex flex-col items-start gap-4">
      <Alert tone="danger" live title={t("status.error")}>
        <p>{t("status.errorDescription")}</p>
        {error.digest ? (
          <p className="mt-1 text-xs">{t("status.errorReference", { digest: error.digest })}</p>
        ) : null}
      </Alert>
      <Button variant="secondary" onClick={() => reset()}>
        <RotateCcwIcon aria-hidden="true" className="size-4" />
        {t("actions.tryAgain")}
      </Button>
    </div>
  );
}
