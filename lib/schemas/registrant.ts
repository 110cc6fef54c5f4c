import { z } from "zod";

// The registrants' pages under /r/ (issue 16): the forms and their server actions share these.
// Messages a registrant sees are catalogue keys of the `registrant` namespace.

/** The secret of a /r/ link: 32 lowercase hex digits (the core checks it again). */
const link = z.string().regex(/^[0-9a-f]{32}$/, "registrant.validation.link");

export const termsAnswerSchema = z.object({ token: link });

export const offerAcceptSchema = z.object({
  link,
  authorizationCode: z
    .string()
    .trim()
    .min(1, "registrant.validation.codeRequired")
    .regex(/^[0-9a-fA-F]{8}$/, "registrant.validation.code"),
});

export const offerDeclineSchema = z.object({ link });

export const waitingListJoinSchema = z.object({
  name: z.string().trim().min(1, "registrant.validation.nameRequired").max(260),
  holderName: z.string().trim().min(1, "registrant.validation.holderNameRequired").max(200),
  holderEmail: z.email("registrant.validation.email").max(320),
  handle: z.string().trim().max(40).optional(),
});
