"use server";

import { listContacts } from "@/lib/registry/contacts";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { cancelRegistrantChange, requestRegistrantChange } from "@/lib/registry/registrants";
import { issueTransferToken, retractTokens, transferDomain } from "@/lib/registry/tokens";
import {
  changeRegistrantSchema,
  issueTransferTokenSchema,
  registrantChangeSchema,
  retractTokensSchema,
  searchContactsSchema,
  transferDomainSchema,
} from "@/lib/schemas/domain-transfer";
import { defineAction } from "./define";

// Issue 16: transfer tokens (R-TOK-1/2), transfer in (R-TOK-3) and change of registrant
// (R-CHG-1…3) from the portal. Refusals about the domain name or the token land at their field.

const domainPages = (input: { name: string }) => [`/domains/${input.name}`, "/domains", "/domains/tokens"];

/** Puts a refusal with one of `codes` (and no field yet) at `field` of the form. */
async function atField<T>(field: string, codes: readonly string[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isRegistryError(error) || !codes.includes(error.code)) throw error;
    const details = (error.details ?? {}) as Record<string, unknown>;
    if (details.field !== undefined) throw error;
    throw new RegistryError(error.code, error.message, { ...details, field });
  }
}

const NAME_CODES = ["INVALID_DOMAIN_NAME", "NOT_FOUND", "DOMAIN_NOT_TRANSFERABLE"] as const;
const TOKEN_CODES = ["TOKEN_INVALID", "TOKEN_EXPIRED", "TOKEN_ALREADY_USED"] as const;

/** R-TOK-1: a REG-TRANSFER token, in the result only, once; TOTP users give a fresh code. */
export const issueTransferTokenAction = defineAction({
  verb: "domain.transferToken.issue",
  schema: issueTransferTokenSchema,
  run: async (ctx, input) => {
    const issued = await issueTransferToken(ctx, { name: input.name, totpCode: input.totpCode || undefined });
    return { id: issued.id, token: issued.token, domain: issued.domain, expiresAt: issued.expiresAt.toISOString() };
  },
  revalidate: domainPages,
  forge: (f) => ({ name: f.domain }),
});

/** R-TOK-2: "Retract" (one id) and "Retract selected" on /domains/tokens. */
export const retractTokensAction = defineAction({
  verb: "domain.transferToken.retract",
  schema: retractTokensSchema,
  run: (ctx, input) => retractTokens(ctx, input),
  revalidate: () => ["/domains/tokens", "/domains", "/nameservers/tokens"],
  forge: () => ({ tokenIds: ["00000000-0000-4000-8000-000000000000"] }),
});

/** R-TOK-3: the receiving Registrar transfers the domain in with its token. */
export const transferDomainAction = defineAction({
  verb: "domain.transferIn",
  schema: transferDomainSchema,
  run: (ctx, input) =>
    atField("token", TOKEN_CODES, () =>
      atField("name", NAME_CODES, async () => {
        const result = await transferDomain(ctx, input);
        return { name: result.domain.name, charged: result.charged, balance: result.balance };
      }),
    ),
  revalidate: () => ["/domains", "/billing", "/messages", "/"],
  forge: (f) => ({ name: f.domain, token: "REG-TRANSFER-00000000000000000000000000000000" }),
  // the token is what lets another registrar in: Other Registrar's forged one is TOKEN_INVALID
  otherRefusedWith: ["TOKEN_INVALID"],
});

/** R-CHG-1…3: done at once (and billed), or pending (terms by mail, then ID control). */
export const changeRegistrantAction = defineAction({
  verb: "domain.changeRegistrant",
  schema: changeRegistrantSchema,
  run: async (ctx, input) => {
    try {
      const result = await requestRegistrantChange(ctx, input);
      return { requestId: result.requestId, state: result.state, charged: result.charged };
    } catch (error) {
      // refusals about the chosen handle land at the picker; those about the domain (a pending
      // request, its state or management) stay the form's
      const details = isRegistryError(error, "REGISTRANT_CHANGE_NOT_ALLOWED") ? ((error.details ?? {}) as Record<string, unknown>) : null;
      if (details && (details.reason === "SAME_REGISTRANT" || details.reason === "ID_CONTROL_REJECTED")) {
        throw new RegistryError("REGISTRANT_CHANGE_NOT_ALLOWED", (error as RegistryError).message, { ...details, field: "newRegistrant" });
      }
      throw error;
    }
  },
  revalidate: (input) => [...domainPages(input), `/domains/${input.name}/registrant-change`],
  forge: (f) => ({ name: f.domain, newRegistrant: f.contact }),
});

/** The registrar withdraws its pending change of registrant. */
export const cancelRegistrantChangeAction = defineAction({
  verb: "domain.changeRegistrant",
  schema: registrantChangeSchema,
  run: (ctx, input) => cancelRegistrantChange(ctx, input),
  revalidate: (input) => [`/domains/${input.name}`, `/domains/${input.name}/registrant-change`],
  forge: (f) => ({ name: f.domain }),
});

/** The new-registrant picker: the account's registrar-managed contacts matching the text. */
export const searchRegistrantCandidatesAction = defineAction({
  verb: "contact.view",
  schema: searchContactsSchema,
  run: async (ctx, input) => {
    const page = await listContacts(ctx, { search: input.query, managementModel: "REGISTRAR", limit: 20 });
    return page.contacts.map((c) => ({
      value: c.handle,
      label: `${c.handle} — ${c.name}`,
      description: [c.organisation, c.email].filter(Boolean).join(" · "),
    }));
  },
  forge: () => ({ query: "a" }),
  // it reads the caller's own contacts only: Other Registrar gets its own, nothing of Demo's
  forgeScope: "own",
});
