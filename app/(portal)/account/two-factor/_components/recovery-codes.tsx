"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Ten recovery codes, shown once: listed, downloadable as a text file, then dismissed. */
export function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const t = useTranslations("security.twoFactor.recovery");
  const download = () => {
    const text = `${t("fileHeading", { email })}\n\n${codes.join("\n")}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = t("fileName");
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="recovery-codes-title" className="flex flex-col gap-3 rounded-lg border border-amber-600 bg-amber-50 p-4">
      <h2 id="recovery-codes-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p role="status" className="text-sm text-zinc-800">
        {t("shownOnce")}
      </p>
      <ol aria-label={t("title")} className="grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={download}>
          {t("download")}
        </Button>
        <Button onClick={onDone}>{t("saved")}</Button>
      </div>
    </section>
  );
}
