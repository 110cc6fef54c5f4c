import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDsRecord,
  changeNameServerAdministrator,
  createNameServer,
  deleteNameServer,
  listDsRecords,
  listNameServers,
  removeDsRecord,
  setNameServers,
  updateNameServer,
} from "@/lib/registry/nameservers";
import { registerDomain } from "@/lib/registry/domains";
import { ACCOUNT_TABLES } from "../account-support";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const nsa = () => r.ctx(r.user(["NSA"]));
const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const ds = (keyTag: number, fill = "A") => ({ keyTag, algorithm: 13, digestType: 2, digest: fill.repeat(64) });

async function newDomain() {
  const name = freshName("ns");
  await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
  return name;
}

describe("R-NS-1 create and edit name servers", () => {
  it("R-NS-1 creates an in-zone host under a portfolio domain with glue, linked to its domain", async () => {
    const ns = await createNameServer(nsa(), { host: "NS3.Demo-Hosting.dk.", glueV4: ["192.0.2.30"], glueV6: ["2001:DB8::30"] });
    expect(ns).toMatchObject({ host: "ns3.demo-hosting.dk", nsaHandle: "REG-DEMO", glueV4: ["192.0.2.30"], glueV6: ["2001:db8::30"] });
    const row = await r.prisma.nameServer.findUniqueOrThrow({ where: { host: "ns3.demo-hosting.dk" }, include: { superordinateDomain: true } });
    expect(row.superordinateDomain?.aLabel).toBe("demo-hosting.dk");
    const updated = await updateNameServer(nsa(), { host: "ns3.demo-hosting.dk", glueV4: ["192.0.2.31"], glueV6: [] });
    expect(updated.glueV4).toEqual(["192.0.2.31"]);
    expect(updated.glueV6).toEqual([]);
  });

  it("R-NS-1 refuses glue for an out-of-zone host (GLUE_NOT_ALLOWED)", async () => {
    await expectRefusal(r, () => createNameServer(nsa(), { host: "ns9.dns-provider.net", glueV4: ["192.0.2.9"] }), "GLUE_NOT_ALLOWED");
  });

  it("R-NS-1 refuses glue under another registrar's domain (GLUE_NOT_ALLOWED)", async () => {
    await expectRefusal(r, () => createNameServer(nsa(), { host: "ns7.other-hosting.dk", glueV4: ["192.0.2.7"] }), "GLUE_NOT_ALLOWED");
  });

  it("R-NS-1 refuses an in-zone host whose domain is not registered (NOT_FOUND)", async () => {
    await expectRefusal(r, () => createNameServer(nsa(), { host: "ns1.findes-ikke-her.dk" }), "NOT_FOUND");
  });

  it("R-NS-1 another registrar's name server is NOT_FOUND", async () => {
    await expectRefusal(r, () => updateNameServer(nsa(), { host: "ns1.other-hosting.dk", glueV4: ["192.0.2.1"], glueV6: [] }), "NOT_FOUND");
  });

  it("R-NS-1 a name server marked for deletion cannot be edited (NAMESERVER_MARKED_FOR_DELETION)", async () => {
    await createNameServer(nsa(), { host: "ns-marked.dns-provider.net" });
    await r.prisma.nameServer.update({ where: { host: "ns-marked.dns-provider.net" }, data: { markedForDeletionAt: r.clock.now() } });
    await expectRefusal(r, () => updateNameServer(nsa(), { host: "ns-marked.dns-provider.net", glueV4: [], glueV6: [] }), "NAMESERVER_MARKED_FOR_DELETION");
    await expectRefusal(r, () => createNameServer(nsa(), { host: "ns-marked.dns-provider.net" }), "NAMESERVER_MARKED_FOR_DELETION");
    const listed = await listNameServers(nsa(), { markedForDeletion: true });
    expect(listed.map((n) => n.host)).toEqual(["ns-marked.dns-provider.net"]);
  });

  it("R-NS-1 lists the portfolio's name servers with the domains each serves", async () => {
    const list = await listNameServers(nsa(), { search: "demo-hosting" });
    const ns1 = list.find((n) => n.host === "ns1.demo-hosting.dk");
    expect(ns1?.superordinateDomain).toBe("demo-hosting.dk");
    expect(ns1?.domains).toContain("demo-hosting.dk");
    expect(list.some((n) => n.host.includes("other-hosting"))).toBe(false);
  });
});

describe("R-NS-2 change of name server administrator", () => {
  it("R-NS-2 the Registrar changes the NSA of a registrar-managed name server", async () => {
    await createNameServer(nsa(), { host: "ns-handover.dns-provider.net" });
    const ns = await changeNameServerAdministrator(registrar(), { host: "ns-handover.dns-provider.net", nsaHandle: "JCA1-DK" });
    expect(ns.nsaHandle).toBe("JCA1-DK");
  });

  it("R-NS-2 the Registrar cannot change a registrant-managed one (NOT_AUTHORIZED); its NSA can", async () => {
    await createNameServer(nsa(), { host: "ns-own.dns-provider.net", managementModel: "REGISTRANT" });
    await expectRefusal(
      r,
      () => changeNameServerAdministrator(registrar(), { host: "ns-own.dns-provider.net", nsaHandle: "JCA1-DK" }),
      "NOT_AUTHORIZED",
    );
    const ns = await changeNameServerAdministrator(nsa(), { host: "ns-own.dns-provider.net", nsaHandle: "SS4-DK" });
    expect(ns.nsaHandle).toBe("SS4-DK");
  });

  it("R-NS-2 a Payer cannot change administrators at all (NOT_AUTHORIZED)", async () => {
    await expectRefusal(
      r,
      () => changeNameServerAdministrator(r.ctx(r.user(["PAYER"])), { host: "ns1.dns-provider.net", nsaHandle: "JCA1-DK" }),
      "NOT_AUTHORIZED",
    );
  });
});

describe("R-NS-3 delete name servers", () => {
  it("R-NS-3 deletes an unused name server", async () => {
    await createNameServer(nsa(), { host: "ns-unused.dns-provider.net" });
    await deleteNameServer(nsa(), { host: "ns-unused.dns-provider.net" });
    expect(await r.prisma.nameServer.count({ where: { host: "ns-unused.dns-provider.net" } })).toBe(0);
  });

  it("R-NS-3 refuses one in use, naming the domains (NAMESERVER_IN_USE)", async () => {
    let caught: unknown;
    await expectRefusal(
      r,
      async () => {
        try {
          await deleteNameServer(nsa(), { host: "ns.example-cloud.com" });
        } catch (error) {
          caught = error;
          throw error;
        }
      },
      "NAMESERVER_IN_USE",
    );
    expect((caught as Error).message).toContain("xn--r-cykler");
  });
});

describe("R-NS-4 set a domain's name servers", () => {
  it("R-NS-4 sets 2–7 name servers, creating out-of-zone hosts on first use", async () => {
    const name = await newDomain();
    const result = await setNameServers(nsa(), { name, nameServers: ["ns1.dns-provider.net", "ns-new.example.org"] });
    expect(result.preview).toBe(false);
    expect(result.plan.created).toEqual(["ns-new.example.org"]);
    expect(result.preview === false && result.domain.nameServers).toEqual(["ns1.dns-provider.net", "ns-new.example.org"]);
  });

  it("R-NS-4 refuses one name server (NAMESERVER_COUNT_INVALID)", async () => {
    const name = await newDomain();
    await expectRefusal(r, () => setNameServers(nsa(), { name, nameServers: ["ns1.dns-provider.net"] }), "NAMESERVER_COUNT_INVALID");
  });

  it("R-NS-4 replacing all of them previews the DS removal, refuses without confirmation, then removes DS", async () => {
    const name = await newDomain();
    await addDsRecord(nsa(), { name, records: [ds(1), ds(2)] });
    const next = ["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"];
    const before = await r.prisma.delegation.count();
    const preview = await setNameServers(nsa(), { name, nameServers: next, preview: true });
    expect(preview).toMatchObject({ preview: true, plan: { replacesAll: true, removesDsRecords: 2 } });
    expect(await r.prisma.delegation.count()).toBe(before);
    await expectRefusal(r, () => setNameServers(nsa(), { name, nameServers: next }), "CONFIRMATION_REQUIRED", ACCOUNT_TABLES);
    const done = await setNameServers(nsa(), { name, nameServers: next, confirmDsRemoval: true });
    expect(done.plan.removesDsRecords).toBe(2);
    expect(await listDsRecords(nsa(), { name })).toEqual([]);
  });

  it("R-NS-4 keeping one host keeps the DS records", async () => {
    const name = await newDomain();
    await addDsRecord(nsa(), { name, records: [ds(3)] });
    const result = await setNameServers(nsa(), { name, nameServers: ["ns1.dns-provider.net", "ns.example-cloud.com"] });
    expect(result.plan.replacesAll).toBe(false);
    expect(await listDsRecords(nsa(), { name })).toHaveLength(1);
  });

  it("R-NS-4 another registrar's domain is NOT_FOUND", async () => {
    await expectRefusal(r, () => setNameServers(nsa(), { name: "other-shop.dk", nameServers: OUT_OF_ZONE }), "NOT_FOUND");
  });
});

describe("R-DS-1 DS records", () => {
  it("R-DS-1 adds, lists and removes DS records", async () => {
    const name = await newDomain();
    await addDsRecord(nsa(), { name, records: [{ ...ds(10), digest: "ab".repeat(32) }] });
    expect(await listDsRecords(nsa(), { name })).toEqual([{ keyTag: 10, algorithm: 13, digestType: 2, digest: "AB".repeat(32) }]);
    expect(await removeDsRecord(nsa(), { name, record: { ...ds(10), digest: "AB".repeat(32) } })).toEqual([]);
  });

  it("R-DS-1 refuses a duplicate (DS_RECORD_DUPLICATE)", async () => {
    const name = await newDomain();
    await addDsRecord(nsa(), { name, records: [ds(4)] });
    await expectRefusal(r, () => addDsRecord(nsa(), { name, records: [ds(4)] }), "DS_RECORD_DUPLICATE", ACCOUNT_TABLES);
  });

  it("R-DS-1 refuses a ninth record (DS_RECORD_LIMIT_REACHED)", async () => {
    const name = await newDomain();
    await addDsRecord(nsa(), { name, records: [1, 2, 3, 4, 5, 6, 7, 8].map((k) => ds(k)) });
    await expectRefusal(r, () => addDsRecord(nsa(), { name, records: [ds(9)] }), "DS_RECORD_LIMIT_REACHED", ACCOUNT_TABLES);
  });

  it("R-DS-1 refuses an invalid algorithm (DS_RECORD_INVALID) and a Registrar (NOT_AUTHORIZED)", async () => {
    const name = await newDomain();
    await expectRefusal(r, () => addDsRecord(nsa(), { name, records: [{ ...ds(1), algorithm: 4 }] }), "DS_RECORD_INVALID", ACCOUNT_TABLES);
    await expectRefusal(r, () => addDsRecord(registrar(), { name, records: [ds(1)] }), "NOT_AUTHORIZED", ACCOUNT_TABLES);
  });
});
