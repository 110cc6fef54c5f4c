import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDsRecord, listDsRecords, removeDsRecord } from "@/lib/registry/nameservers";
import { CORE2_TABLES, auditMark } from "../core2-support";
import { type Registry, expectRefusal, openRegistry } from "../support";

// R-DS-1: DS records go with the domain's DNS operator, not its registrar — an NSA changes them
// on any domain linked to its account's name servers, and not on its own domains delegated
// elsewhere. Each test sets up its own domain's delegations, so each passes alone.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const demoNsa = () => r.ctx(r.user(["NSA"]));
const otherNsa = () => r.ctx(r.user(["NSA"], "other"));
const ds = (keyTag: number) => ({ keyTag, algorithm: 13, digestType: 2, digest: "C".repeat(64) });

/** Test set-up: the domain now delegates to exactly these (existing) hosts. */
async function delegate(name: string, hosts: string[]) {
  const domain = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
  const servers = await r.prisma.nameServer.findMany({ where: { host: { in: hosts } } });
  expect(servers).toHaveLength(hosts.length);
  await r.prisma.$transaction([
    r.prisma.delegation.deleteMany({ where: { domainId: domain.id } }),
    r.prisma.delegation.createMany({
      data: hosts.map((host, position) => ({
        domainId: domain.id,
        nameServerId: servers.find((s) => s.host === host)!.id,
        position,
      })),
    }),
  ]);
  return domain;
}

describe("R-DS-1 DS records follow the name servers", () => {
  it("R-DS-1 an NSA adds, lists and removes DS records on another registrar's domain linked to its name servers", async () => {
    // One of the two name servers is Demo's: that is enough.
    const domain = await delegate("other-foto.dk", [
      "ns1.other-hosting.dk",
      "ns1.dns-provider.net",
    ]);
    const mark = await auditMark(r);
    expect(await addDsRecord(demoNsa(), { name: "other-foto.dk", records: [ds(101)] })).toEqual([
      ds(101),
    ]);
    const [added] = await r.prisma.auditEvent.findMany({ where: { id: { gt: mark } } });
    expect(added).toMatchObject({
      operation: "dnssec.add",
      outcome: "SUCCESS",
      accountId: r.demoId,
      objectId: domain.id,
      objectLabel: "other-foto.dk",
    });
    expect(await listDsRecords(demoNsa(), { name: "other-foto.dk" })).toEqual([ds(101)]);
    // The domain's own registrar sees them too, and its NSA (still linked by ns1) may change them.
    expect(
      await listDsRecords(r.ctx(r.user(["PROXY"], "other")), { name: "other-foto.dk" }),
    ).toEqual([ds(101)]);
    expect(
      await addDsRecord(otherNsa(), { name: "other-foto.dk", records: [ds(102)] }),
    ).toHaveLength(2);
    expect(await removeDsRecord(demoNsa(), { name: "other-foto.dk", record: ds(101) })).toEqual([
      ds(102),
    ]);
    expect(await r.prisma.dsRecord.count({ where: { domainId: domain.id } })).toBe(1);
  });

  it("R-DS-1 the linked domain of another registrar is listed only for those who may change its DS records (NSA)", async () => {
    await delegate("other-byg.dk", ["ns1.dns-provider.net", "ns2.dns-provider.net"]);
    await addDsRecord(demoNsa(), { name: "other-byg.dk", records: [ds(111)] });
    await expect(
      listDsRecords(r.ctx(r.user(["PAYER", "PROXY", "REGISTRAR"])), { name: "other-byg.dk" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("R-DS-1 refuses DS records on the account's own domain delegated to another registrar's name servers (NOT_AUTHORIZED)", async () => {
    const name = "musikskole-demo.dk";
    await delegate(name, ["ns1.other-hosting.dk", "ns2.other-hosting.dk"]);
    // The NSA of those name servers may, though the domain is Demo's.
    expect(await addDsRecord(otherNsa(), { name, records: [ds(121)] })).toEqual([ds(121)]);

    await expectRefusal(
      r,
      () => addDsRecord(demoNsa(), { name, records: [ds(122)] }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => removeDsRecord(demoNsa(), { name, record: ds(121) }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
    const error: unknown = await addDsRecord(demoNsa(), { name, records: [ds(122)] }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      message: expect.stringContaining(`${name} is not delegated to your name servers`),
      details: { reason: "NOT_ON_YOUR_NAME_SERVERS" },
    });
    // Still the registrar's domain: it sees the records.
    expect(await listDsRecords(demoNsa(), { name })).toEqual([ds(121)]);
  });

  it("R-DS-1 another registrar's domain not linked to your name servers stays NOT_FOUND (add, remove, list)", async () => {
    const name = "other-kontor.dk";
    await delegate(name, ["ns1.other-hosting.dk", "ns2.other-hosting.dk"]);
    await addDsRecord(otherNsa(), { name, records: [ds(131)] });
    await expectRefusal(
      r,
      () => addDsRecord(demoNsa(), { name, records: [ds(132)] }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => removeDsRecord(demoNsa(), { name, record: ds(131) }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
    await expect(listDsRecords(demoNsa(), { name })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
