"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { ackMessagesAction } from "@/lib/actions/messages";
import { ackMessagesSchema } from "@/lib/schemas/messages";

type Row = { id: number; type: string; domainName: string | null; message: string; at: string };
type FormValues = z.input<typeof ackMessagesSchema>;

export function MessageQueue({ messages }: { messages: Row[] }) {
  const t = useTranslations("inbox");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, reset, setValue, formState } = useForm<FormValues>({
    resolver: zodResolver(ackMessagesSchema),
    defaultValues: { ids: [] },
  });

  const submit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await ackMessagesAction(values);
      if (result.ok) {
        setStatus({ ok: true, text: t("acknowledged", result.data) });
        reset({ ids: [] });
      } else {
        setStatus({ ok: false, text: result.message });
      }
    }),
  );

  if (messages.length === 0) return <p className="text-muted">{t("empty")}</p>;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "text-sm text-green-800" : "text-sm text-danger"}>
          {status.text}
        </p>
      ) : null}
      {formState.errors.ids?.message ? (
        <p role="alert" className="text-sm text-danger">
          {formState.errors.ids.message}
        </p>
      ) : null}
      <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
        {messages.map((m) => (
          <li key={m.id} className="flex items-start gap-3 p-3">
            <input
              id={`message-${m.id}`}
              type="checkbox"
              value={m.id}
              className="mt-1"
              {...register("ids")}
            />
            <label htmlFor={`message-${m.id}`} className="flex flex-col gap-0.5">
              <span>{m.message}</span>
              <span className="text-xs text-muted">
                {m.at} · {m.type.toLowerCase().replaceAll("_", " ")}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("acking") : t("ackSelected")}
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => setValue("ids", messages.map((m) => String(m.id)))}
        >
          {t("selectAll")}
        </Button>
      </div>
    </form>
  );
}
