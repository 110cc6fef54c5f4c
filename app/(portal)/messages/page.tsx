import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { countMessages, listMessages } from "@/lib/registry/messages";
import { MessageQueue } from "./_components/message-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

// R-MSG-1: the registrar's queue, oldest first, with a count; acknowledging dequeues.
export default async function MessagesPage() {
  const actor = await guardPage("message.view");
  const ctx = coreContext(actor);
  const [t, locale] = await Promise.all([getTranslations("inbox"), getLocale() as Promise<Locale>]);
  const [messages, total] = await Promise.all([listMessages(ctx, { limit: 100 }), countMessages(ctx)]);
  return (
    <section aria-labelledby="messages-title" className="flex flex-col gap-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 id="messages-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-muted" aria-live="polite">
          {total === 0 ? t("none") : t("count", { total })}
          {total > messages.length ? t("showing", { shown: messages.length }) : ""}
        </p>
      </div>
      <MessageQueue
        messages={messages.map((m) => ({
          id: m.id,
          type: m.type,
          domainName: m.domainName,
          message: m.message,
          at: formatDateTime(m.createdAt, locale),
        }))}
      />
    </section>
  );
}
