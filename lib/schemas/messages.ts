import { z } from "zod";

export const ackMessagesSchema = z.object({
  ids: z.array(z.coerce.number().int().positive()).min(1, "Choose at least one message").max(500),
});
