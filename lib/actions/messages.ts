"use server";

import { ackMessages } from "@/lib/registry/messages";
import { ackMessagesSchema } from "@/lib/schemas/messages";
import { defineAction } from "./define";

export const ackMessagesAction = defineAction({
  verb: "message.ack",
  schema: ackMessagesSchema,
  run: (ctx, input) => ackMessages(ctx, input),
  revalidate: () => ["/messages", "/"],
  forge: (f) => ({ ids: f.messageIds }),
});
