"use server";

import {
  acceptOffer,
  acceptRegistrantChangeTerms,
  acceptTerms,
  declineOffer,
  declineRegistrantChangeTerms,
  joinWaitingList,
  refuseTerms,
} from "@/lib/registry/registrants";
import {
  offerAcceptSchema,
  offerDeclineSchema,
  termsAnswerSchema,
  waitingListJoinSchema,
} from "@/lib/schemas/registrant";
import { defineRegistrantAction } from "./define-registrant";

// The registrants' answers on the /r/ pages (issue 16). A forged link is simply not valid.
const forgedLink = "0123456789abcdef0123456789abcdef";

/** R-REG-2 method 2: the registrant accepts — the domain is created and billed. */
export const acceptTermsAction = defineRegistrantAction({
  schema: termsAnswerSchema,
  run: (ctx, input) => acceptTerms(ctx, input),
  forge: () => ({ token: forgedLink }),
});

/** R-REG-2 method 2: the registrant declines — the hold ends, the name is free. */
export const declineTermsAction = defineRegistrantAction({
  schema: termsAnswerSchema,
  run: (ctx, input) => refuseTerms(ctx, input),
  forge: () => ({ token: forgedLink }),
});

/** R-CHG-3: the new registrant accepts the terms (ID control next when required). */
export const acceptRegistrantChangeAction = defineRegistrantAction({
  schema: termsAnswerSchema,
  run: (ctx, input) => acceptRegistrantChangeTerms(ctx, input),
  forge: () => ({ token: forgedLink }),
});

/** R-CHG-3: the new registrant declines; the request ends. */
export const declineRegistrantChangeAction = defineRegistrantAction({
  schema: termsAnswerSchema,
  run: (ctx, input) => declineRegistrantChangeTerms(ctx, input),
  forge: () => ({ token: forgedLink }),
});

/** R-REG-6: the holder accepts the offer with the authorization code from the mail. */
export const acceptOfferAction = defineRegistrantAction({
  schema: offerAcceptSchema,
  run: (ctx, input) => acceptOffer(ctx, { link: input.link, code: input.authorizationCode }),
  forge: () => ({ link: forgedLink, authorizationCode: "0123abcd" }),
});

/** R-REG-6: the holder declines; the offer passes to the next entry. */
export const declineOfferAction = defineRegistrantAction({
  schema: offerDeclineSchema,
  run: (ctx, input) => declineOffer(ctx, input),
  forge: () => ({ link: forgedLink }),
});

/** R-REG-6: anyone joins a name's waiting list. */
export const joinWaitingListAction = defineRegistrantAction({
  schema: waitingListJoinSchema,
  run: (ctx, input) => joinWaitingList(ctx, { ...input, handle: input.handle || null }),
  forge: (f) => ({ name: f.suspendedDomain, holderName: "Forged Holder", holderEmail: "holder@forged.test" }),
});
