"use server";

import {
  changeNameServerAdministrator,
  checkGlueEligibility,
  createNameServer,
  deleteNameServer,
  setNameServers,
  updateNameServer,
} from "@/lib/registry/nameservers";
import {
  issueRedelegationToken,
  redelegateDomain,
  redelegationRolesOf,
  retractToken,
} from "@/lib/registry/tokens";
import {
  changeAdministratorSchema,
  createNameServerSchema,
  hostSchema,
  issueRedelegationTokenSchema,
  redelegateSchema,
  retractRedelegationTokenSchema,
  setNameServersSchema,
  updateGlueSchema,
} from "@/lib/schemas/nameservers";
import { defineAction } from "./define";
import { atGlueRow, atHostRow } from "./nameserver-fields";

// Issue 17: name servers (R-NS-1…3), a domain's name servers (R-NS-4), redelegation tokens and
// redelegation (R-TOK-1/2/4). Core refusals about one glue address or one host land at its row.

const hostPages = (input: { host: string }) => ["/nameservers", `/nameservers/${input.host}`];
const addresses = (rows: readonly { address: string }[]) => rows.map((r) => r.address);

export const createNameServerAction = defineAction({
  verb: "nameserver.create",
  schema: createNameServerSchema,
  run: (ctx, input) =>
    atGlueRow(input, () =>
      createNameServer(ctx, { host: input.host, glueV4: addresses(input.glueV4), glueV6: addresses(input.glueV6) }),
    ),
  revalidate: () => ["/nameservers"],
  forge: (f) => ({ host: `ns-forged.${f.domain}`, glueV4: [], glueV6: [] }),
  // Other Registrar may create a host under any registered .dk domain (without glue): it names
  // nothing of Demo's
  forgeScope: "own",
});

/** R-NS-1 as the create form asks it while the host is typed: may it have glue, and if not why. */
export const glueEligibilityAction = defineAction({
  verb: "nameserver.create",
  schema: hostSchema,
  run: (ctx, input) => checkGlueEligibility(ctx, input),
  forge: (f) => ({ host: `ns1.${f.domain}` }),
  // answers Other Registrar too, with what the registry shows anyone (the domain is registered,
  // not Other's): nothing of Demo's is read or changed
  forgeScope: "own",
});

export const updateGlueAction = defineAction({
  verb: "nameserver.update",
  schema: updateGlueSchema,
  run: (ctx, input) =>
    atGlueRow(input, () =>
      updateNameServer(ctx, { host: input.host, glueV4: addresses(input.glueV4), glueV6: addresses(input.glueV6) }),
    ),
  revalidate: hostPages,
  forge: (f) => ({ host: `ns1.${f.domain}`, glueV4: [{ address: "192.0.2.99" }], glueV6: [] }),
});

export const changeNameServerAdministratorAction = defineAction({
  verb: "nameserver.changeAdministrator",
  schema: changeAdministratorSchema,
  run: (ctx, input) => changeNameServerAdministrator(ctx, input),
  revalidate: hostPages,
  // registrant-managed (demo data): the Registrar's R-NS-2 share does not reach it
  forge: () => ({ host: "ns1.selvhostet.net", nsaHandle: "REG-DEMO" }),
});

export const deleteNameServerAction = defineAction({
  verb: "nameserver.delete",
  schema: hostSchema,
  run: (ctx, input) => deleteNameServer(ctx, input),
  revalidate: hostPages,
  forge: () => ({ host: "ns1.selvhostet.net" }),
});

/** "Edit name servers": `preview: true` answers the plan; the change needs confirmDsRemoval when DS records go. */
export const setNameServersAction = defineAction({
  verb: "domain.setNameServers",
  schema: setNameServersSchema,
  run: (ctx, input) =>
    atHostRow(input.nameServers, () =>
      setNameServers(ctx, {
        name: input.name,
        nameServers: input.nameServers.map((r) => r.host),
        preview: input.preview,
        confirmDsRemoval: input.confirmDsRemoval,
      }),
    ),
  revalidate: (input) => (input.preview ? [] : [`/domains/${input.name}`, `/domains/${input.name}/nameservers`, "/nameservers"]),
  forge: (f) => ({
    name: f.domain,
    nameServers: [{ host: "ns1.dns-provider.net" }, { host: "ns2.dns-provider.net" }],
    preview: true,
  }),
});

/** NSA-REDEL as NSA, PXY-REDEL as Proxy (R-TOK-1); the token is in the result only, once. */
export const issueRedelegationTokenAction = defineAction({
  verb: "redelegationToken.issue",
  schema: issueRedelegationTokenSchema,
  run: (ctx, input) => {
    const roles = "metaRoles" in ctx.actor ? redelegationRolesOf(ctx.actor) : [];
    return issueRedelegationToken(ctx, {
      name: input.name,
      role: input.role ?? roles[0] ?? "NSA",
      totpCode: input.totpCode || undefined,
    });
  },
  revalidate: () => ["/nameservers/tokens"],
  forge: (f) => ({ name: f.domain }),
});

export const retractRedelegationTokenAction = defineAction({
  verb: "redelegationToken.retract",
  schema: retractRedelegationTokenSchema,
  run: (ctx, input) => retractToken(ctx, { tokenId: input.tokenId, kind: "REDEL" }),
  revalidate: () => ["/nameservers/tokens"],
  forge: () => ({ tokenId: "00000000-0000-4000-8000-000000000000" }),
});

/** R-TOK-4: with another registrar's token the receiving NSA sets the domain's name servers once. */
export const redelegateDomainAction = defineAction({
  verb: "domain.redelegate",
  schema: redelegateSchema,
  run: (ctx, input) =>
    atHostRow(input.nameServers, async () => {
      const result = await redelegateDomain(ctx, {
        name: input.name,
        token: input.token,
        nameServers: input.nameServers.map((r) => r.host),
        confirmDsRemoval: input.confirmDsRemoval,
      });
      return { name: result.domain.name, nameServers: result.domain.nameServers, removedDsRecords: result.removedDsRecords };
    }),
  revalidate: () => ["/nameservers/redelegate", "/nameservers", "/domains"],
  forge: (f) => ({
    name: f.domain,
    token: "NSA-REDEL-00000000000000000000000000000000",
    nameServers: [{ host: "ns1.dns-provider.net" }, { host: "ns2.dns-provider.net" }],
  }),
  // the token is what lets another registrar in: Other Registrar's forged one is TOKEN_INVALID
  otherRefusedWith: ["TOKEN_INVALID"],
});
