import { z } from "zod";
import { serialId } from "./db-types";

/** Acknowledge: one message, the selected ones, or all shown (the ids of the page shown). */
export const ackMessagesSchema = z.object({
  ids: z.array(serialId).min(1, "messages.validation.chooseOne").max(500),
});

/** The Messages page's tab, type filter and page, as they stand in the URL. */
export const messageFilterSchema = z.object({
  tab: z.enum(["queue", "history"]).catch("queue"),
  type: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,63}$/)
    .optional()
    .catch(undefined),
  after: serialId.optional().catch(undefined),
});
