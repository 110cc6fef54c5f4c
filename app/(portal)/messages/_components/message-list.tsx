"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ackMessagesAction } from "@/lib/actions/messages";

export type MessageRow = {
  id: number;
  at: string;
  label: string;
  text: string;
  link: { href: string; label: string } | null;
  registrantLink: string | null;
  /** History: when and by whom it was acknowledged. */
  acked: string | null;
};

/**
 * The shown messages with "Acknowledge" on each, "Acknowledge selected" and "Acknowledge all
 * shown". After an acknowledgement the page and the shell (the header's unread badge) are
 * refreshed from the server.
 */
export function MessageList({
  rows,
  history,
  empty,
}: {
  rows: MessageRow[];
  history: boolean;
  empty: string;
}) {
  const t = useTranslations("messages");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const acknowledge = (ids: number[]) => {
    if (ids.length === 0) {
      setStatus({ ok: false, text: t("validation.chooseOne") });
      return;
    }
    startTransition(async () => {
      const result = await ackMessagesAction({ ids });
      if (result.ok) {
        setStatus({
          ok: true,
          text: t("acknowledged", {
            count: result.data.acknowledged,
            remaining: result.data.remaining,
          }),
        });
        setSelected(new Set());
        router.refresh();
      } else {
        setStatus({ ok: false, text: result.fieldErrors?.ids?.[0] ?? result.message });
        router.refresh();
      }
    });
  };
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="flex flex-col gap-3">
      <p
        role={status && !status.ok ? "alert" : "status"}
        className={status?.ok === false ? "text-sm text-danger" : "text-sm text-green-800"}
      >
        {status?.text}
      </p>
      {rows.length === 0 ? <p className="text-muted">{empty}</p> : null}
      {history || rows.length === 0 ? null : (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => acknowledge([...selected])}>
            {pending ? t("acknowledging") : t("acknowledgeSelected")}
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => acknowledge(rows.map((r) => r.id))}
          >
            {t("acknowledgeAllShown")}
          </Button>
        </div>
      )}
      {rows.length === 0 ? null : (
        <ul
          className="divide-y divide-border rounded-lg border border-border bg-surface"
          aria-label={t("title")}
        >
          {rows.map((m) => (
            <li key={m.id} className="flex items-start gap-3 p-3" data-message-id={m.id}>
              {history ? null : (
                <input
                  type="checkbox"
                  id={`message-${m.id}`}
                  className="mt-1.5 size-4"
                  checked={selected.has(m.id)}
                  onChange={(e) => toggle(m.id, e.target.checked)}
                  aria-labelledby={`message-${m.id}-text`}
                />
              )}
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="text-xs text-muted">
                  <span className="font-semibold text-zinc-800">{m.label}</span> ·{" "}
                  <time>{m.at}</time>
                  {m.acked ? (
                    <>
                      {" "}
                      · {t("table.acknowledged")} {m.acked}
                    </>
                  ) : null}
                </p>
                <p id={`message-${m.id}-text`}>{m.text}</p>
                {m.link || m.registrantLink ? (
                  <p className="flex flex-wrap gap-4 text-sm">
                    {m.link ? <Link href={m.link.href}>{m.link.label}</Link> : null}
                    {m.registrantLink ? <a href={m.registrantLink}>{t("registrantLink")}</a> : null}
                  </p>
                ) : null}
              </div>
              {history ? null : (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending}
                  aria-describedby={`message-${m.id}-text`}
                  onClick={() => acknowledge([m.id])}
                >
                  {t("acknowledge")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
