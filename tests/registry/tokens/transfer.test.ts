import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRegistryError } from "@/lib/registry/errors";
import {
  issueRedelegationToken,
  issueTransferToken,
  redelegateDomain,
  transferDomain,
} from "@/lib/registry/tokens";
import { registerDomain } from "@/lib/registry/domains";
import { usesPostgres } from "@/tests/support/db";
import {
  OUT_OF_ZONE,
  type Registry,
  balanceOf,
  expectRefusal,
  freshName,
  ledgerSum,
  openRegistry,
  setBalance,
} from "../support";
import { CORE2_TABLES, auditMark, notificationMark, notificationsSince } from "../core2-support";

// R-TOK-3 transfer and R-TOK-4 redelegation with a token.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.otherId, 1_000_000);
});
afterAll(async () => r?.close());

const demoRegistrar = () => r.ctx(r.user(["REGISTRAR"]));
// DESIGN.md §1: a Proxy user issues transfer tokens; a Registrar transfers in.
const demoIssuer = () => r.ctx(r.user(["PROXY"]));
const otherRegistrar = () => r.ctx(r.user(["REGISTRAR"], "other"));
const otherNsa = () => r.ctx(r.user(["NSA"], "other"));
const handleIdOf = async (accountId: string) =>
  (await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: accountId } })).handleId;

describe("R-TOK-3 transfer", () => {
  it("R-TOK-3 moves the domain at once: fee, expiry unchanged, subordinate hosts, tokens voided, both told", async () => {
    const before = await r.prisma.domain.findUniqueOrThrow({
      where: { liveName: "demo-hosting.dk" },
    });
    const redel = await issueRedelegationToken(r.ctx(r.user(["NSA"])), {
      name: "demo-hosting.dk",
      role: "NSA",
    });
    const { token } = await issueTransferToken(demoIssuer(), { name: "demo-hosting.dk" });
    const balance = await balanceOf(r, r.otherId);
    const mark = await notificationMark(r);
    const result = await transferDomain(otherRegistrar(), { name: "demo-hosting.dk", token });
    expect(result.charged).toBe(4_500);
    expect(await balanceOf(r, r.otherId)).toBe(balance - 4_500);
    expect(await ledgerSum(r, r.otherId)).toBe(await balanceOf(r, r.otherId));
    const after = await r.prisma.domain.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.registrarId).toBe(r.otherId);
    expect(after.exDate).toEqual(before.exDate);
    const hosts = await r.prisma.nameServer.findMany({
      where: { superordinateDomainId: before.id },
    });
    expect(hosts.map((h) => h.host).sort()).toEqual(["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"]);
    expect(new Set(hosts.map((h) => h.nsaHandleId))).toEqual(
      new Set([await handleIdOf(r.otherId)]),
    );
    expect(
      (await r.prisma.authToken.findUniqueOrThrow({ where: { id: redel.id } })).retractedAt,
    ).not.toBeNull();
    expect((await notificationsSince(r, r.demoId, mark)).map((n) => n.type)).toEqual([
      "TRANSFER_OUT",
    ]);
    expect((await notificationsSince(r, r.otherId, mark)).map((n) => n.type)).toEqual([
      "TRANSFER_IN",
    ]);
    // JCA1-DK is registrant of other Demo domains: it stays Demo's handle
    const jca = await r.prisma.handle.findUniqueOrThrow({ where: { handle: "JCA1-DK" } });
    expect(jca.accountId).toBe(r.demoId);
  });

  it("R-TOK-3 is declined for insufficient funds (INSUFFICIENT_FUNDS) and the token stays usable", async () => {
    const { token } = await issueTransferToken(demoIssuer(), { name: "tandlaegen-demo.dk" });
    await setBalance(r, r.otherId, 4_499);
    await expectRefusal(
      r,
      () => transferDomain(otherRegistrar(), { name: "tandlaegen-demo.dk", token }),
      "INSUFFICIENT_FUNDS",
      CORE2_TABLES,
    );
    await setBalance(r, r.otherId, 4_500);
    await transferDomain(otherRegistrar(), { name: "tandlaegen-demo.dk", token });
    expect(await balanceOf(r, r.otherId)).toBe(0);
    await setBalance(r, r.otherId, 1_000_000);
  });

  it("R-TOK-3 refuses the domain's own registrar (DOMAIN_NOT_TRANSFERABLE) and a Payer (NOT_AUTHORIZED)", async () => {
    const { token } = await issueTransferToken(demoIssuer(), { name: "murer-demo.dk" });
    await expectRefusal(
      r,
      () => transferDomain(demoRegistrar(), { name: "murer-demo.dk", token }),
      "DOMAIN_NOT_TRANSFERABLE",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => transferDomain(r.ctx(r.user(["PAYER"], "other")), { name: "murer-demo.dk", token }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
  });

  it("R-TOK-3 a registrant handle nothing else of the old registrar uses follows the domain", async () => {
    const own = await r.prisma.handle.create({
      data: {
        handle: "ENE9-DK",
        type: "PERSON",
        name: "Eneste Ejer",
        street: "Vej 1",
        postalCode: "8000",
        city: "Aarhus",
        countryCode: "DK",
        email: "ene@ejer.test",
        managementModel: "REGISTRAR",
        accountId: r.demoId,
        termsAcceptedAt: r.clock.now(),
        createdAt: r.clock.now(),
      },
    });
    const name = freshName("eneste");
    await registerDomain(demoRegistrar(), {
      name,
      registrant: own.handle,
      nameServers: OUT_OF_ZONE,
    });
    const { token } = await issueTransferToken(demoIssuer(), { name });
    await transferDomain(otherRegistrar(), { name, token });
    expect((await r.prisma.handle.findUniqueOrThrow({ where: { id: own.id } })).accountId).toBe(
      r.otherId,
    );
  });
});

describe("R-TOK-3 subordinate name servers", () => {
  it("R-TOK-3 only hosts under the domain run by the old registrar's own handle move; a third-party NSA keeps its hosts", async () => {
    const name = freshName("vaerter");
    await registerDomain(demoRegistrar(), { name, registrant: "MN2-DK", nameServers: OUT_OF_ZONE });
    const domain = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
    const thirdParty = await r.prisma.handle.create({
      data: {
        handle: "TRE9-DK",
        type: "COMPANY",
        name: "Tredje Hosting ApS",
        street: "Vej 3",
        postalCode: "9000",
        city: "Aalborg",
        countryCode: "DK",
        email: "drift@tredje.test",
        managementModel: "REGISTRAR",
        accountId: null,
        createdAt: r.clock.now(),
      },
    });
    const customer = await r.prisma.handle.findUniqueOrThrow({ where: { handle: "JCA1-DK" } });
    const host = (label: string, nsaHandleId: string) =>
      r.prisma.nameServer.create({
        data: {
          host: `${label}.${name}`,
          superordinateDomainId: domain.id,
          nsaHandleId,
          managementModel: "REGISTRAR",
          glueV4: ["192.0.2.53"],
          createdAt: r.clock.now(),
        },
      });
    const own = await host("ns1", await handleIdOf(r.demoId));
    const third = await host("ns2", thirdParty.id);
    const customers = await host("ns3", customer.id);
    const { token } = await issueTransferToken(demoIssuer(), { name });
    const mark = await auditMark(r);
    await transferDomain(otherRegistrar(), { name, token });
    const nsaOf = async (id: string) =>
      (await r.prisma.nameServer.findUniqueOrThrow({ where: { id } })).nsaHandleId;
    expect(await nsaOf(own.id)).toBe(await handleIdOf(r.otherId));
    expect(await nsaOf(third.id)).toBe(thirdParty.id);
    expect(await nsaOf(customers.id)).toBe(customer.id);
    const audits = await r.prisma.auditEvent.findMany({ where: { id: { gt: mark } } });
    expect(audits.map((a) => [a.operation, a.outcome])).toEqual([["domain.transfer", "SUCCESS"]]);
    expect(audits[0]!.after).toMatchObject({
      registrarId: r.otherId,
      nameServersMoved: 1,
      nameServersKept: 2,
    });
  });
});

describe("R-TOK-4 redelegation", () => {
  it("R-TOK-4 the receiving NSA sets the name servers once; the domain stays with its registrar", async () => {
    const { token } = await issueRedelegationToken(r.ctx(r.user(["NSA"])), {
      name: "kloak-demo.dk",
      role: "NSA",
    });
    const mark = await notificationMark(r);
    const hosts = ["ns1.other-hosting.dk", "ns2.other-hosting.dk", "ns.other-new.example"];
    const result = await redelegateDomain(otherNsa(), {
      name: "kloak-demo.dk",
      token,
      nameServers: hosts,
    });
    expect(result.domain.nameServers).toEqual(hosts);
    const domain = await r.prisma.domain.findUniqueOrThrow({
      where: { liveName: "kloak-demo.dk" },
    });
    expect(domain.registrarId).toBe(r.demoId);
    const created = await r.prisma.nameServer.findUniqueOrThrow({
      where: { host: "ns.other-new.example" },
    });
    expect(created.nsaHandleId).toBe(await handleIdOf(r.otherId));
    expect((await notificationsSince(r, r.demoId, mark)).map((n) => n.type)).toEqual([
      "DOMAIN_REDELEGATED",
    ]);
    await expectRefusal(
      r,
      () =>
        redelegateDomain(otherNsa(), { name: "kloak-demo.dk", token, nameServers: OUT_OF_ZONE }),
      "TOKEN_ALREADY_USED",
      CORE2_TABLES,
    );
  });

  it("R-TOK-4 replacing every name server of a signed domain needs confirmation, then removes DS", async () => {
    const domain = await r.prisma.domain.findUniqueOrThrow({
      where: { liveName: "gartner-demo.dk" },
    });
    await r.prisma.dsRecord.create({
      data: {
        domainId: domain.id,
        keyTag: 1,
        algorithm: 13,
        digestType: 2,
        digest: "A".repeat(64),
        createdAt: r.clock.now(),
      },
    });
    const { token } = await issueRedelegationToken(r.ctx(r.user(["PROXY"])), {
      name: "gartner-demo.dk",
      role: "PXY",
    });
    const input = {
      name: "gartner-demo.dk",
      token,
      nameServers: ["ns1.other-hosting.dk", "ns2.other-hosting.dk"],
    };
    await expectRefusal(
      r,
      () => redelegateDomain(otherNsa(), input),
      "CONFIRMATION_REQUIRED",
      CORE2_TABLES,
    );
    const done = await redelegateDomain(otherNsa(), { ...input, confirmDsRemoval: true });
    expect(done.removedDsRecords).toBe(1);
    expect(await r.prisma.dsRecord.count({ where: { domainId: domain.id } })).toBe(0);
  });

  it("R-TOK-4 refuses a Registrar without NSA (NOT_AUTHORIZED) and a transfer token (TOKEN_INVALID)", async () => {
    const { token } = await issueTransferToken(demoIssuer(), { name: "optiker-demo.dk" });
    await expectRefusal(
      r,
      () =>
        redelegateDomain(otherRegistrar(), {
          name: "optiker-demo.dk",
          token,
          nameServers: OUT_OF_ZONE,
        }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () =>
        redelegateDomain(otherNsa(), { name: "optiker-demo.dk", token, nameServers: OUT_OF_ZONE }),
      "TOKEN_INVALID",
      CORE2_TABLES,
    );
  });
});

describe.skipIf(!usesPostgres)("R-TOK-3 concurrency (needs PostgreSQL)", () => {
  it("R-TOK-3 20 concurrent transfers with one token succeed exactly once, needs PostgreSQL", async () => {
    await setBalance(r, r.otherId, 1_000_000);
    const { token } = await issueTransferToken(demoIssuer(), { name: "yogastudie-demo.dk" });
    const actor = r.user(["REGISTRAR"], "other");
    const ledgerBefore = await r.prisma.ledgerEntry.count({ where: { accountId: r.otherId } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        transferDomain(
          { db: r.db.newClient(), clock: r.clock, actor },
          { name: "yogastudie-demo.dk", token },
        ),
      ),
    );
    const ok = results.filter((x) => x.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const x of results) {
      if (x.status === "rejected") {
        expect(
          isRegistryError(x.reason, "TOKEN_ALREADY_USED") ||
            isRegistryError(x.reason, "RATE_LIMITED"),
        ).toBe(true);
      }
    }
    expect(await balanceOf(r, r.otherId)).toBe(1_000_000 - 4_500);
    expect(await r.prisma.ledgerEntry.count({ where: { accountId: r.otherId } })).toBe(
      ledgerBefore + 1,
    );
    expect(await ledgerSum(r, r.otherId)).toBe(await balanceOf(r, r.otherId));
    const notes = await r.prisma.notification.count({
      where: { type: "TRANSFER_IN", domainName: "yogastudie-demo.dk" },
    });
    expect(notes).toBe(1);
  });
});
