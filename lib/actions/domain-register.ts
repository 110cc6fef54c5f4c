"use server";

import { checkAvailability, registerDomain, searchRegistrationHandles } from "@/lib/registry/domains";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import {
  checkNameSchema,
  copenhagenWallTime,
  registerDomainSchema,
  searchHandlesSchema,
} from "@/lib/schemas/domain-register";
import { defineAction } from "./define";
import { atHostRow } from "./nameserver-fields";

// Issue 15 "Register" (R-REG-1…6): the register form's action, its live availability check and
// its handle pickers' search. The core checks the permission, the portfolio and every rule; here
// its refusals are pointed at the form's own field names.

/** The core's field names → the form's (CONTACT_NOT_ALLOWED names `proxyHandle`). */
const FIELD_OF: Record<string, string> = { proxyHandle: "proxy", payerHandle: "payer" };
/** Refusals about one field whose details name none. */
const FIELD_OF_CODE: Partial<Record<string, string>> = {
  PERIOD_NOT_ALLOWED: "periodYears",
  MANAGEMENT_MODEL_NOT_ALLOWED: "managementModel",
  TERMS_ACCEPTANCE_INVALID: "termsAcceptedAt",
};

async function atFormField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    const details = (error.details ?? {}) as Record<string, unknown>;
    const field = typeof details.field === "string" ? (FIELD_OF[details.field] ?? details.field) : FIELD_OF_CODE[error.code];
    if (field === details.field) throw error;
    throw new RegistryError(error.code, error.message, { ...details, field });
  }
}

const blank = (v: string) => v || null;

export const registerDomainAction = defineAction({
  verb: "domain.register",
  schema: registerDomainSchema,
  run: async (ctx, input) => {
    const result = await atFormField(() =>
      atHostRow(input.nameServers, () =>
        registerDomain(ctx, {
          name: input.name,
          periodYears: input.periodYears,
          managementModel: input.managementModel,
          renewalPolicy: input.renewalPolicy,
          registrant: input.registrant,
          // R-REG-1: under registrar management the proxy and payer are the registrar itself
          proxy: input.managementModel === "registrant" ? blank(input.proxy) : null,
          payer: input.managementModel === "registrant" ? blank(input.payer) : null,
          nameServers: input.nameServers.map((r) => r.host),
          termsAcceptedAt:
            input.termsMethod === "stated" ? copenhagenWallTime(input.termsAcceptedAt) : null,
          reference: blank(input.reference),
          poNumber: blank(input.poNumber),
          accountCode: blank(input.accountCode),
          authorizationCode: blank(input.authorizationCode),
        }),
      ),
    );
    return result.status === "HELD"
      ? {
          status: "HELD" as const,
          name: result.domain.name,
          uLabel: result.domain.uLabel,
          holdExpiresAt: result.holdExpiresAt.toISOString(),
        }
      : {
          status: "ACTIVE" as const,
          name: result.domain.name,
          uLabel: result.domain.uLabel,
          charged: result.charged,
          balance: result.balance,
        };
  },
  revalidate: () => ["/domains", "/", "/billing", "/billing/ledger"],
  forge: (f) => ({
    name: "forged-registration.dk",
    periodYears: 1,
    managementModel: "registrar",
    renewalPolicy: "AUTO_RENEW",
    registrant: f.contact,
    nameServers: [{ host: "ns1.dns-provider.net" }, { host: "ns2.dns-provider.net" }],
    termsMethod: "email",
  }),
});

/** The live availability check beside the name (R-REG-4): free, or why not. */
export const checkDomainNameAction = defineAction({
  verb: "domain.view",
  schema: checkNameSchema,
  run: async (ctx, input) => {
    const [result] = await checkAvailability(ctx, { names: [input.name] });
    return result!;
  },
  forge: (f) => ({ name: f.domain }),
  // what the registry tells anyone about a name: nothing of Demo's is read beyond "registered"
  forgeScope: "own",
});

/** The handle pickers' search (R-REG-3): the account's contacts of the management model, or a registrant-managed handle by id. */
export const searchRegistrationHandlesAction = defineAction({
  verb: "domain.register",
  schema: searchHandlesSchema,
  run: async (ctx, input) =>
    (await searchRegistrationHandles(ctx, input)).map((h) => ({
      ...h,
      termsAcceptedAt: h.termsAcceptedAt?.toISOString() ?? null,
    })),
  forge: (f) => ({ query: f.contact, managementModel: "registrar" }),
  // a search of the acting account's own contacts: Other Registrar finds none of Demo's
  forgeScope: "own",
});
