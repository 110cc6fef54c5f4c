"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SimpleDialog } from "@/components/ui/dialog";
import { linkHandleAction } from "@/lib/actions/admin";
import type { HandleMatchedField, HandleSummary, NonMatchingHandle } from "@/lib/registry/accounts";

type Candidate = Pick<HandleSummary, "handle" | "name" | "email">;
type NonMatching = Pick<NonMatchingHandle, "handle" | "name" | "email" | "differing">;

/**
 * "Link handle" (R-ACC-5): the handles that match the account's data, each with its own button,
 * and those that share the account's name, email or CVR but differ elsewhere, saying where.
 */
export function LinkHandleDialog({ candidates, nonMatching }: { candidates: Candidate[]; nonMatching: NonMatching[] }) {
  const t = useTranslations("admin.handles.link");
  const tf = useTranslations("admin.fields");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const fields = (differing: HandleMatchedField[]) => list.format(differing.map((f) => tf(f)));

  const link = (handle: string) =>
    startTransition(async () => {
      setError(null);
      const result = await linkHandleAction({ handle });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(t("linked", { handle }));
      setOpen(false);
      router.refresh();
    });

  return (
    <SimpleDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
      trigger={<Button variant="secondary">{t("open")}</Button>}
      title={t("title")}
      description={t("description")}
      size="lg"
    >
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      <section aria-labelledby="link-candidates" className="flex flex-col gap-2">
        <h3 id="link-candidates" className="font-medium">
          {t("candidates")}
        </h3>
        {candidates.length === 0 ? (
          <p className="text-muted">{t("noCandidates")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
            {candidates.map((h) => (
              <li key={h.handle} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <span className="font-medium">{h.handle}</span> · {h.name} · <span className="break-all">{h.email}</span>
                </span>
                <Button size="sm" disabled={pending} onClick={() => link(h.handle)}>
                  {t("action", { handle: h.handle })}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {nonMatching.length > 0 ? (
        <section aria-labelledby="link-non-matching" className="flex flex-col gap-2">
          <h3 id="link-non-matching" className="font-medium">
            {t("nonMatching")}
          </h3>
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
            {nonMatching.map((h) => (
              <li key={h.handle} className="flex flex-col gap-1 p-3">
                <span>
                  <span className="font-medium">{h.handle}</span> · {h.name} · <span className="break-all">{h.email}</span>
                </span>
                <span className="text-muted">{t("differs", { fields: fields(h.differing) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </SimpleDialog>
  );
}
