"use server";

import { quoteRenewal } from "@/lib/registry/domains";
import { renewDomainSchema } from "@/lib/schemas/domains";
import { defineAction } from "./define";

// Issue 15 item 2: the Renew dialog asks what a renewal for the chosen period will cost and what
// the new expiry date will be — the renewal's own checks and price, nothing written.

export const quoteRenewalAction = defineAction({
  verb: "domain.renew",
  schema: renewDomainSchema,
  run: (ctx, input) =>
    quoteRenewal(ctx, {
      name: input.name,
      curExpDate: input.curExpDate,
      period: { unit: input.periodUnit, value: input.periodValue },
    }),
  forge: (f) => ({ name: f.domain, curExpDate: "2030-01-01", periodUnit: "y", periodValue: 1 }),
});
