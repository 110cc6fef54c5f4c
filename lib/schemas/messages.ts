import { z } from "zod";
import { serialId } from "./db-types";

export const ackMessagesSchema = z.object({
  ids: z.array(serialId).min(1, "Choose at least one message").max(500),
});
