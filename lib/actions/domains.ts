"use server";

import { cancelDomain, renewDomain, restoreDomain, setRenewalPolicy } from "@/lib/registry/domains";
import { domainNameSchema, renewDomainSchema, setRenewalPolicySchema } from "@/lib/schemas/domains";
import { defineAction } from "./define";

const domainPages = (input: { name: string }) => ["/domains", `/domains/${input.name}`, "/"];

export const renewDomainAction = defineAction({
  verb: "domain.renew",
  schema: renewDomainSchema,
  run: (ctx, input) =>
    renewDomain(ctx, {
      name: input.name,
      curExpDate: input.curExpDate,
      period: { unit: input.periodUnit, value: input.periodValue },
    }),
  revalidate: domainPages,
  forge: (f) => ({ name: f.domain, curExpDate: "2030-01-01", periodUnit: "y", periodValue: 1 }),
});

export const setRenewalPolicyAction = defineAction({
  verb: "domain.setRenewalPolicy",
  schema: setRenewalPolicySchema,
  run: (ctx, input) => setRenewalPolicy(ctx, input),
  revalidate: domainPages,
  forge: (f) => ({ name: f.domain, renewalPolicy: "AUTO_EXPIRE" }),
});

export const cancelDomainAction = defineAction({
  verb: "domain.cancel",
  schema: domainNameSchema,
  run: (ctx, input) => cancelDomain(ctx, input),
  revalidate: domainPages,
  forge: (f) => ({ name: f.domain }),
});

export const restoreDomainAction = defineAction({
  verb: "domain.restore",
  schema: domainNameSchema,
  run: (ctx, input) => restoreDomain(ctx, input),
  revalidate: domainPages,
  forge: (f) => ({ name: f.suspendedDomain }),
});
