import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, MetaRole } from "@/lib/registry/actor";
import {
  cancelDomain,
  checkAvailability,
  countPendingRequests,
  forecastAutoRenewals,
  getDomain,
  listDomains,
  registerDomain,
  renewDomain,
  restoreDomain,
  setDomainContacts,
  setRenewalPolicy,
} from "@/lib/registry/domains";
import {
  exportLedgerCsv,
  getBalance,
  listInvoices,
  listLedger,
  SandboxCardProvider,
  setLowBalanceThreshold,
  topUpByCard,
} from "@/lib/registry/billing";
import type { CoreContext } from "@/lib/registry/context";
import {
  changeNameServerAdministrator,
  createNameServer,
  deleteNameServer,
  listNameServers,
  setNameServers,
  updateNameServer,
} from "@/lib/registry/nameservers";
import { ackMessages, countMessages, listMessages } from "@/lib/registry/messages";
import { acceptTerms } from "@/lib/registry/registrants";
import { issueTransferToken, retractToken } from "@/lib/registry/tokens";
import { ALL, OUT_OF_ZONE, type Registry, expectRefusal, openRegistry } from "./support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const provider = new SandboxCardProvider();

/** Every registrar-facing operation, the roles that may call it, and a call on a Demo object. */
const operations: {
  name: string;
  roles: MetaRole[];
  mutates: boolean;
  run: (ctx: CoreContext) => Promise<unknown>;
}[] = [
  {
    name: "registerDomain",
    roles: ["REGISTRAR"],
    mutates: true,
    run: (c) =>
      registerDomain(c, {
        name: "neutral-navn.dk",
        registrant: "JCA1-DK",
        nameServers: OUT_OF_ZONE,
      }),
  },
  {
    name: "renewDomain",
    roles: ["PAYER"],
    mutates: true,
    run: (c) => renewDomain(c, { name: "søbakke.dk", curExpDate: "2000-01-01" }),
  },
  {
    name: "setRenewalPolicy",
    roles: ["PROXY"],
    mutates: true,
    run: (c) => setRenewalPolicy(c, { name: "søbakke.dk", renewalPolicy: "AUTO_RENEW" }),
  },
  {
    name: "cancelDomain",
    roles: ["PROXY"],
    mutates: true,
    run: (c) => cancelDomain(c, { name: "demo-hosting.dk" }),
  },
  {
    name: "restoreDomain",
    roles: ["PROXY"],
    mutates: true,
    run: (c) => restoreDomain(c, { name: "søbakke.dk" }),
  },
  {
    name: "setDomainContacts",
    roles: ["PROXY"],
    mutates: true,
    run: (c) => setDomainContacts(c, { name: "bk-fremad.dk", payer: "REG-DEMO" }),
  },
  {
    name: "issueTransferToken",
    roles: ["PROXY"],
    mutates: true,
    run: (c) => issueTransferToken(c, { name: "søbakke.dk" }),
  },
  {
    name: "retractToken (transfer)",
    roles: ["PROXY"],
    mutates: true,
    run: (c) => retractToken(c, { tokenId: "00000000-0000-4000-8000-000000000000", kind: "TRANSFER" }),
  },
  {
    name: "setNameServers",
    roles: ["NSA"],
    mutates: true,
    run: (c) => setNameServers(c, { name: "søbakke.dk", nameServers: OUT_OF_ZONE }),
  },
  {
    name: "createNameServer",
    roles: ["NSA"],
    mutates: true,
    run: (c) => createNameServer(c, { host: "ns-access.dns-provider.net" }),
  },
  {
    name: "setLowBalanceThreshold",
    roles: ["PAYER"],
    mutates: true,
    run: (c) => setLowBalanceThreshold(c, { threshold: 1 }),
  },
  { name: "ackMessages", roles: ALL, mutates: true, run: (c) => ackMessages(c, { ids: [1] }) },
  {
    name: "topUpByCard",
    roles: ["PAYER"],
    mutates: true,
    run: (c) => topUpByCard(c, provider, { amount: 100, card: { number: "4000000000000002" } }),
  },
  {
    name: "getDomain",
    roles: ["REGISTRAR", "PROXY", "PAYER", "NSA"],
    mutates: false,
    run: (c) => getDomain(c, { name: "søbakke.dk" }),
  },
  {
    name: "listDomains",
    roles: ["REGISTRAR", "PROXY", "PAYER", "NSA"],
    mutates: false,
    run: (c) => listDomains(c),
  },
  {
    name: "checkAvailability",
    roles: ["REGISTRAR", "PROXY", "PAYER", "NSA"],
    mutates: false,
    run: (c) => checkAvailability(c, { names: ["a.dk"] }),
  },
  { name: "getBalance", roles: ["PAYER"], mutates: false, run: (c) => getBalance(c) },
  {
    name: "forecastAutoRenewals",
    roles: ["PAYER"],
    mutates: false,
    run: (c) => forecastAutoRenewals(c),
  },
  {
    name: "countPendingRequests",
    roles: ["REGISTRAR", "PROXY", "PAYER", "NSA"],
    mutates: false,
    run: (c) => countPendingRequests(c),
  },
  { name: "listNameServers", roles: ["NSA"], mutates: false, run: (c) => listNameServers(c) },
  { name: "listLedger", roles: ["PAYER"], mutates: false, run: (c) => listLedger(c) },
  { name: "exportLedgerCsv", roles: ["PAYER"], mutates: false, run: (c) => exportLedgerCsv(c) },
  { name: "listInvoices", roles: ["PAYER"], mutates: false, run: (c) => listInvoices(c) },
  { name: "listMessages", roles: ALL, mutates: false, run: (c) => listMessages(c) },
  { name: "countMessages", roles: ALL, mutates: false, run: (c) => countMessages(c) },
];

describe("every operation guards its verb", () => {
  for (const op of operations) {
    const lacking = ALL.filter((role) => !op.roles.includes(role));
    it.skipIf(lacking.length === 0)(
      `${op.name} refuses an actor lacking the verb's meta-role (NOT_AUTHORIZED)`,
      async () => {
        const ctx = r.ctx(r.user(lacking));
        if (op.mutates) await expectRefusal(r, () => op.run(ctx), "NOT_AUTHORIZED");
        else await expect(op.run(ctx)).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
      },
    );
    it(`${op.name} refuses registrants, operators and the system (NOT_AUTHORIZED)`, async () => {
      const others: Actor[] = [r.registrant, r.operator, { kind: "system", label: "worker" }];
      for (const actor of others)
        await expect(op.run(r.ctx(actor))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    });
  }
});

describe("another registrar's objects are NOT_FOUND", () => {
  const other = () => r.ctx(r.user(ALL, "other"));
  it("renewDomain, setRenewalPolicy, cancelDomain, restoreDomain and getDomain on a Demo domain", async () => {
    const exDate = (
      await r.prisma.domain.findFirstOrThrow({
        where: { uLabel: "søbakke.dk", liveName: { not: null } },
      })
    )
      .exDate!.toISOString()
      .slice(0, 10);
    await expectRefusal(
      r,
      () => renewDomain(other(), { name: "søbakke.dk", curExpDate: exDate }),
      "NOT_FOUND",
    );
    await expectRefusal(
      r,
      () => setRenewalPolicy(other(), { name: "søbakke.dk", renewalPolicy: "AUTO_EXPIRE" }),
      "NOT_FOUND",
    );
    await expectRefusal(r, () => cancelDomain(other(), { name: "søbakke.dk" }), "NOT_FOUND");
    await expectRefusal(r, () => restoreDomain(other(), { name: "udloebet-1.dk" }), "NOT_FOUND");
    await expect(getDomain(other(), { name: "søbakke.dk" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("registerDomain with a Demo registrant handle, and ackMessages of a Demo message", async () => {
    await expectRefusal(
      r,
      () =>
        registerDomain(other(), {
          name: "ny-other.dk",
          registrant: "JCA1-DK",
          nameServers: OUT_OF_ZONE,
        }),
      "NOT_FOUND",
    );
    const msg = await r.prisma.notification.findFirstOrThrow({
      where: { accountId: r.demoId, ackedAt: null },
    });
    await expectRefusal(r, () => ackMessages(other(), { ids: [msg.id] }), "NOT_FOUND");
  });

  it("list and read operations show only the own portfolio", async () => {
    const page = await listDomains(other(), { limit: 200 });
    expect(page.domains.length).toBeGreaterThan(0);
    expect(page.domains.every((d) => d.name.startsWith("other-"))).toBe(true);
    const ledger = await listLedger(other(), { limit: 200 });
    const demoEntries = await r.prisma.ledgerEntry.findMany({
      where: { accountId: r.demoId },
      select: { id: true },
    });
    const demoIds = new Set(demoEntries.map((e) => e.id));
    expect(ledger.entries.some((e) => demoIds.has(e.id))).toBe(false);
  });

  it("acceptTerms needs the registrant's link: any other token is TOKEN_INVALID", async () => {
    await expectRefusal(
      r,
      () => acceptTerms(r.ctx(r.registrant), { token: "0".repeat(32) }),
      "TOKEN_INVALID",
    );
  });
});

describe("R-NS-2/3: the Registrar's share of name servers (an object grant, not the table)", () => {
  const registrar = () => r.ctx(r.user(["REGISTRAR"]));
  const nsa = () => r.ctx(r.user(["NSA"]));

  it("R-NS-1: a Registrar without the NSA meta-role cannot create or edit name servers (NOT_AUTHORIZED)", async () => {
    await expectRefusal(
      r,
      () => createNameServer(registrar(), { host: "ns-reg-create.dns-provider.net" }),
      "NOT_AUTHORIZED",
    );
    await createNameServer(nsa(), { host: "ns-reg-edit.dns-provider.net" });
    await expectRefusal(
      r,
      () => updateNameServer(registrar(), { host: "ns-reg-edit.dns-provider.net", glueV4: [], glueV6: [] }),
      "NOT_AUTHORIZED",
    );
  });

  it("R-NS-3: the Registrar deletes a registrar-managed name server, not a registrant-managed one", async () => {
    await createNameServer(nsa(), { host: "ns-reg-delete.dns-provider.net", managementModel: "REGISTRAR" });
    await expect(
      deleteNameServer(registrar(), { host: "ns-reg-delete.dns-provider.net" }),
    ).resolves.toEqual({ host: "ns-reg-delete.dns-provider.net" });
    await createNameServer(nsa(), { host: "ns-own-delete.dns-provider.net", managementModel: "REGISTRANT" });
    await expectRefusal(
      r,
      () => deleteNameServer(registrar(), { host: "ns-own-delete.dns-provider.net" }),
      "NOT_AUTHORIZED",
    );
  });

  it("R-NS-2: the object grant is the Registrar's alone: a Proxy or Payer cannot hand over a registrar-managed one", async () => {
    await createNameServer(nsa(), { host: "ns-reg-handover.dns-provider.net", managementModel: "REGISTRAR" });
    for (const role of ["PROXY", "PAYER"] as const) {
      await expectRefusal(
        r,
        () =>
          changeNameServerAdministrator(r.ctx(r.user([role])), {
            host: "ns-reg-handover.dns-provider.net",
            nsaHandle: "JCA1-DK",
          }),
        "NOT_AUTHORIZED",
      );
    }
    const ns = await changeNameServerAdministrator(registrar(), {
      host: "ns-reg-handover.dns-provider.net",
      nsaHandle: "MN2-DK",
    });
    expect(ns.nsaHandle).toBe("MN2-DK");
  });
});
