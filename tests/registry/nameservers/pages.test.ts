import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerDomain } from "@/lib/registry/domains";
import {
  checkGlueEligibility,
  computeDsFromDnskey,
  createNameServer,
  getDomainDnssec,
  getDomainNameServers,
  getNameServer,
  type NameServerPage,
  searchNameServers,
  setNameServers,
} from "@/lib/registry/nameservers";
import { issueRedelegationToken, listRedelegationTokens, redelegationRolesOf } from "@/lib/registry/tokens";
import type { RegistrarActor } from "@/lib/registry/actor";
import { OUT_OF_ZONE, type Registry, freshName, openRegistry } from "../support";

// Issue 17: what the name-server, DNSSEC and redelegation pages read — scoped to the portfolio,
// with what the user may do said by the rules the operations use (R-NS-1…4, R-DS-1, R-TOK-1).

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const nsa = () => r.ctx(r.user(["NSA"]));
const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const otherNsa = () => r.ctx(r.user(["NSA"], "other"));

async function refusalCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error("expected a refusal");
}

describe("R-NS-1 glue eligibility as the create form asks it", () => {
  it.each([
    ["ns9.demo-hosting.dk", { allowed: true, domain: "demo-hosting.dk", exists: false }],
    ["NS1.Demo-Hosting.DK.", { allowed: true, domain: "demo-hosting.dk", exists: true }],
    ["ns9.dns-provider.net", { allowed: false, reason: "OUT_OF_ZONE", domain: null }],
    ["ns9.other-hosting.dk", { allowed: false, reason: "NOT_IN_PORTFOLIO", domain: "other-hosting.dk" }],
    ["ns9.findes-ikke-her.dk", { allowed: false, reason: "DOMAIN_NOT_REGISTERED", domain: "findes-ikke-her.dk" }],
    ["not a host", { allowed: false, reason: "INVALID_HOST", host: null }],
  ])("R-NS-1 %s", async (host, expected) => {
    expect(await checkGlueEligibility(nsa(), { host })).toMatchObject(expected);
  });

  it("R-NS-1 asked by Other Registrar, Demo's domain is not in its portfolio", async () => {
    expect(await checkGlueEligibility(otherNsa(), { host: "ns9.demo-hosting.dk" })).toMatchObject({
      allowed: false,
      reason: "NOT_IN_PORTFOLIO",
    });
  });

  it("R-NS-1 needs nameserver.create", async () => {
    expect(await refusalCode(() => checkGlueEligibility(r.ctx(r.user(["PAYER"])), { host: "ns9.demo-hosting.dk" }))).toBe(
      "NOT_AUTHORIZED",
    );
  });
});

describe("R-NS-1 the list page: search, counts, keyset pages, portfolio only", () => {
  it("R-NS-1 finds the portfolio's hosts with glue, administrator and domain counts; never Other's", async () => {
    const page = await searchNameServers(nsa(), { search: "hosting" });
    expect(page.rows.map((n) => n.host)).toEqual(["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"]);
    const ns1 = page.rows[0]!;
    expect(ns1).toMatchObject({ nsaHandle: "REG-DEMO", glueV4: ["192.0.2.10"], glueV6: ["2001:db8::10"], markedForDeletion: false });
    expect(ns1.ownDomains).toBeGreaterThan(0);
    expect(ns1.otherDomains).toBe(0);
    const other = await searchNameServers(otherNsa(), { search: "hosting" });
    expect(other.rows.map((n) => n.host)).toEqual(["ns1.other-hosting.dk", "ns2.other-hosting.dk"]);
  });

  it("R-NS-1 pages by host both ways: every host once, in order, the total on each page", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let last = await searchNameServers(nsa(), { limit: 2 });
    for (let i = 0; i < 20; i += 1) {
      const page: NameServerPage = cursor ? await searchNameServers(nsa(), { limit: 2, cursor }) : last;
      last = page;
      seen.push(...page.rows.map((n) => n.host));
      expect(page.total).toBe(last.total);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(last.total);
    expect(seen).toContain("ns1.selvhostet.net");
    // back from the last page: the two hosts before its first one
    const back = await searchNameServers(nsa(), { limit: 2, cursor: last.rows[0]!.host, backward: true });
    const at = seen.indexOf(last.rows[0]!.host);
    expect(back.rows.map((n) => n.host)).toEqual(seen.slice(at - 2, at));
    const desc = await searchNameServers(nsa(), { limit: 100, dir: "desc" });
    expect(desc.rows.map((n) => n.host)).toEqual([...seen].reverse());
  });

  it("R-NS-1 counts other registrars' domains using a host without naming them", async () => {
    // an Other domain delegating to Demo's out-of-zone host
    const name = freshName("other-ns");
    await registerDomain(r.ctx(r.user(["REGISTRAR"], "other")), {
      name,
      registrant: "OC1-DK",
      nameServers: ["ns.example-cloud.com", "ns1.other-hosting.dk"],
    });
    const page = await searchNameServers(nsa(), { search: "example-cloud" });
    expect(page.rows[0]?.otherDomains).toBeGreaterThan(0);
    const detail = await getNameServer(nsa(), { host: "ns.example-cloud.com" });
    expect(detail.otherDomains).toBe(page.rows[0]?.otherDomains);
    expect(detail.domains).not.toContain(name);
  });
});

describe("R-NS-2/3 the name server's page says who may", () => {
  it("R-NS-2 a registrar-managed host: NSA and Registrar; an in-zone one may have glue", async () => {
    const ns = await getNameServer(nsa(), { host: "ns1.demo-hosting.dk" });
    expect(ns).toMatchObject({
      superordinateDomain: "demo-hosting.dk",
      administeredBy: ["NSA", "REGISTRAR"],
      refusals: { editGlue: null, changeAdministrator: null, delete: null },
      glue: { allowed: true },
    });
    expect(ns.domains).toContain("demo-hosting.dk");
  });

  it("R-NS-2 a registrant-managed host: its NSA only", async () => {
    const ns = await getNameServer(nsa(), { host: "ns1.selvhostet.net" });
    expect(ns.administeredBy).toEqual(["NSA"]);
    expect(ns.glue).toMatchObject({ allowed: false, reason: "OUT_OF_ZONE" });
  });

  it("R-DEL-3 a marked host is read-only, and says so", async () => {
    await createNameServer(nsa(), { host: "ns-marked-page.dns-provider.net" });
    await r.prisma.nameServer.update({ where: { host: "ns-marked-page.dns-provider.net" }, data: { markedForDeletionAt: r.clock.now() } });
    const ns = await getNameServer(nsa(), { host: "ns-marked-page.dns-provider.net" });
    expect(ns.markedForDeletion).toBe(true);
    expect(ns.refusals).toEqual({
      editGlue: "MARKED_FOR_DELETION",
      changeAdministrator: "MARKED_FOR_DELETION",
      delete: "MARKED_FOR_DELETION",
    });
  });

  it("R-NS-1 Other's host and an unknown or malformed one are NOT_FOUND; a Payer may not look", async () => {
    expect(await refusalCode(() => getNameServer(nsa(), { host: "ns1.other-hosting.dk" }))).toBe("NOT_FOUND");
    expect(await refusalCode(() => getNameServer(nsa(), { host: "ns77.nowhere.net" }))).toBe("NOT_FOUND");
    expect(await refusalCode(() => getNameServer(nsa(), { host: "..." }))).toBe("NOT_FOUND");
    expect(await refusalCode(() => getNameServer(r.ctx(r.user(["PAYER"])), { host: "ns1.demo-hosting.dk" }))).toBe(
      "NOT_AUTHORIZED",
    );
  });
});

describe("R-NS-4 a domain's name servers page", () => {
  it("R-NS-4 lists the hosts in order with DS count; Other's domain and a bad name are NOT_FOUND", async () => {
    const view = await getDomainNameServers(nsa(), { name: "demo-hosting" });
    expect(view).toMatchObject({ name: "demo-hosting.dk", refusal: null, limits: { min: 2, max: 7 } });
    expect(view.nameServers.map((n) => n.host)).toEqual(["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"]);
    expect(view.nameServers[0]).toMatchObject({ inPortfolio: true, glueV4: ["192.0.2.10"] });
    expect(view.dsRecords).toBeGreaterThan(0);
    expect((await getDomainNameServers(registrar(), { name: "demo-hosting.dk" })).refusal).toBe("NOT_PERMITTED");
    const other = await r.prisma.domain.findFirstOrThrow({ where: { registrarId: r.otherId, liveName: { not: null } } });
    expect(await refusalCode(() => getDomainNameServers(nsa(), { name: other.aLabel }))).toBe("NOT_FOUND");
    expect(await refusalCode(() => getDomainNameServers(nsa(), { name: "-bad-" }))).toBe("NOT_FOUND");
  });

  it("R-NS-4 the plan names the hosts to be created and the DS records that go", async () => {
    const result = await setNameServers(nsa(), {
      name: "demo-hosting.dk",
      nameServers: ["ns-new-a.dns-provider.net", "ns-new-b.dns-provider.net"],
      preview: true,
    });
    expect(result.plan).toMatchObject({
      created: ["ns-new-a.dns-provider.net", "ns-new-b.dns-provider.net"],
      replacesAll: true,
    });
    expect(result.plan.removesDsRecords).toBeGreaterThan(0);
  });
});

describe("R-DS-1 the DNSSEC page and DS from a pasted DNSKEY", () => {
  const P256 = "257 3 13 GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==";

  it("R-DS-1 lists the records and says whether the user may change them", async () => {
    const view = await getDomainDnssec(nsa(), { name: "demo-hosting.dk" });
    expect(view).toMatchObject({ own: true, refusal: null, maxRecords: 8 });
    expect(view.records[0]).toMatchObject({ keyTag: 24680, algorithm: 13, digestType: 2 });
    expect((await getDomainDnssec(registrar(), { name: "demo-hosting.dk" })).refusal).toBe("NOT_PERMITTED");
    // an own domain on someone else's name servers
    const name = freshName("ds-elsewhere");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: ["ns1.other-hosting.dk", "ns2.other-hosting.dk"] });
    expect((await getDomainDnssec(nsa(), { name })).refusal).toBe("NOT_ON_YOUR_NAME_SERVERS");
    // …which Other's NSA sees and may change; Demo's others it does not see
    expect((await getDomainDnssec(otherNsa(), { name })).refusal).toBeNull();
    expect(await refusalCode(() => getDomainDnssec(otherNsa(), { name: "demo-hosting.dk" }))).toBe("NOT_FOUND");
  });

  it("R-DS-1 computes key tag, algorithm and digest from the DNSKEY with the domain as owner", async () => {
    const ds = await computeDsFromDnskey(nsa(), { name: "demo-hosting.dk", dnskey: P256, digestType: 2 });
    expect(ds).toMatchObject({ keyTag: expect.any(Number), algorithm: 13, digestType: 2 });
    expect(ds.digest).toMatch(/^[0-9A-F]{64}$/);
    expect(await refusalCode(() => computeDsFromDnskey(otherNsa(), { name: "demo-hosting.dk", dnskey: P256, digestType: 2 }))).toBe(
      "NOT_FOUND",
    );
    expect(await refusalCode(() => computeDsFromDnskey(nsa(), { name: "demo-hosting.dk", dnskey: "nonsense", digestType: 2 }))).toBe(
      "DS_RECORD_INVALID",
    );
  });
});

describe("R-TOK-1 the redelegation tokens page", () => {
  it("R-TOK-1 lists the account's open REDEL tokens with their kind; roles by meta-role", async () => {
    const name = freshName("redel-list");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    const issued = await issueRedelegationToken(nsa(), { name, role: "NSA" });
    const { roles, tokens } = await listRedelegationTokens(nsa());
    expect(roles).toEqual(["NSA"]);
    expect(tokens.find((t) => t.id === issued.id)).toMatchObject({ kind: "NSA-REDEL", domain: name });
    expect(JSON.stringify(tokens)).not.toContain(issued.token);
    expect((await listRedelegationTokens(otherNsa())).tokens.some((t) => t.id === issued.id)).toBe(false);
    expect(redelegationRolesOf(r.user(["PROXY", "NSA"]) as RegistrarActor)).toEqual(["NSA", "PXY"]);
    expect(await refusalCode(() => listRedelegationTokens(r.ctx(r.user(["PAYER"]))))).toBe("NOT_AUTHORIZED");
  });
});
