"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { endOwnSessionAction } from "@/lib/actions/security";

/** "End session" for one of the user's own other sessions: that browser is out at its next click. */
export function EndSessionButton({ userId, sessionId, label }: { userId: string; sessionId: string; label: string }) {
  const t = useTranslations("security.sessions");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        size="sm"
        aria-label={label}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await endOwnSessionAction({ userId, sessionId });
          setPending(false);
          if (!result.ok) setError(result.message);
          else router.refresh();
        }}
      >
        {t("end")}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
