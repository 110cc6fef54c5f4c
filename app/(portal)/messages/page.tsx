import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { countMessages, listMessages } from "@/lib/registry/messages";
import { MessageQueue } from "./_components/message-queue";

export const metadata = { title: "Messages" };

const when = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  dateStyle: "medium",
  timeStyle: "short",
});

// R-MSG-1: the registrar's queue, oldest first, with a count; acknowledging dequeues.
export default async function MessagesPage() {
  const actor = await guardPage("message.view");
  const ctx = coreContext(actor);
  const [messages, total] = await Promise.all([listMessages(ctx, { limit: 100 }), countMessages(ctx)]);
  return (
    <section aria-labelledby="messages-title" className="flex flex-col gap-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 id="messages-title" className="text-2xl font-semibold">
          Messages
        </h1>
        <p className="text-sm text-muted" aria-live="polite">
          {total === 0 ? "No unread messages" : `${total} unread, oldest first`}
          {total > messages.length ? ` (showing the first ${messages.length})` : ""}
        </p>
      </div>
      <MessageQueue
        messages={messages.map((m) => ({
          id: m.id,
          type: m.type,
          domainName: m.domainName,
          message: m.message,
          at: when.format(m.createdAt),
        }))}
      />
    </section>
  );
}
