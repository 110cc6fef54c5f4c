import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, MetaRole } from "@/lib/registry/actor";
import { checkAvailability } from "@/lib/registry/availability";
import { exportLedgerCsv, getBalance, listLedger } from "@/lib/registry/billing";
import type { CoreContext } from "@/lib/registry/context";
import { getDomain, listDomains } from "@/lib/registry/domain-queries";
import { listInvoices } from "@/lib/registry/invoices";
import { ackMessages, countMessages, listMessages } from "@/lib/registry/notifications";
import { SandboxCardProvider } from "@/lib/registry/payment-provider";
import { topUpByCard } from "@/lib/registry/payments";
import { cancelDomain, restoreDomain } from "@/lib/registry/redemption";
import { registerDomain } from "@/lib/registry/registration";
import { renewDomain, setRenewalPolicy } from "@/lib/registry/renewal";
import { acceptTerms } from "@/lib/registry/terms";
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
    roles: ["PAYER", "REGISTRAR"],
    mutates: true,
    run: (c) => renewDomain(c, { name: "søbakke.dk", curExpDate: "2000-01-01" }),
  },
  {
    name: "setRenewalPolicy",
    roles: ["REGISTRAR"],
    mutates: true,
    run: (c) => setRenewalPolicy(c, { name: "søbakke.dk", renewalPolicy: "AUTO_RENEW" }),
  },
  {
    name: "cancelDomain",
    roles: ["REGISTRAR"],
    mutates: true,
    run: (c) => cancelDomain(c, { name: "demo-hosting.dk" }),
  },
  {
    name: "restoreDomain",
    roles: ["REGISTRAR"],
    mutates: true,
    run: (c) => restoreDomain(c, { name: "søbakke.dk" }),
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
