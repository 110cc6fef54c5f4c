import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHandle,
  getHandle,
  linkHandle,
  listLinkCandidates,
  listLinkedHandles,
  mergeHandles,
  unlinkHandle,
} from "@/lib/registry/accounts";
import { createNameServer } from "@/lib/registry/nameservers";
import { registerDomain } from "@/lib/registry/domains";
import { ACCOUNT_TABLES } from "../account-support";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const admin = () => r.ctx(r.user(["ADMINISTRATOR"]));
const refuse = (run: () => Promise<unknown>, code: Parameters<typeof expectRefusal>[2]) =>
  expectRefusal(r, run, code, ACCOUNT_TABLES);

describe("R-ACC-5 linked handles", () => {
  it("R-ACC-5 lists the registrar handle first; creates a handle with the account's data, linked at once", async () => {
    expect((await listLinkedHandles(admin()))[0]).toMatchObject({ handle: "REG-DEMO", isRegistrarHandle: true });
    const h = await createHandle(admin());
    expect(h).toMatchObject({ name: "Demo Registrar A/S", email: "hostmaster@demo.test" });
    expect((await listLinkedHandles(admin())).map((x) => x.handle)).toContain(h.handle);
  });

  it("R-ACC-5 lists only strictly matching candidates and links one", async () => {
    expect((await listLinkCandidates(admin())).map((h) => h.handle)).toEqual(["DRA7-DK", "DRA8-DK"]);
    await linkHandle(admin(), { handle: "dra7-dk" });
    expect((await listLinkCandidates(admin())).map((h) => h.handle)).toEqual(["DRA8-DK"]);
  });

  it("R-ACC-5 refuses a handle whose data differ (HANDLE_NOT_LINKABLE)", async () => {
    await r.prisma.handle.update({ where: { handle: "DRA8-DK" }, data: { email: "other@demo.test" } });
    await refuse(() => linkHandle(admin(), { handle: "DRA8-DK" }), "HANDLE_NOT_LINKABLE");
    await refuse(() => linkHandle(admin(), { handle: "OC1-DK" }), "NOT_FOUND");
  });

  it("R-ACC-5 unlinks a handle, never the registrar handle (HANDLE_NOT_UNLINKABLE)", async () => {
    await unlinkHandle(admin(), { handle: "DRA7-DK" });
    expect((await r.prisma.handle.findUniqueOrThrow({ where: { handle: "DRA7-DK" } })).accountId).toBeNull();
    await refuse(() => unlinkHandle(admin(), { handle: "REG-DEMO" }), "HANDLE_NOT_UNLINKABLE");
  });

  it("R-ACC-5 only the Administrator manages handles (NOT_AUTHORIZED)", async () => {
    await refuse(() => createHandle(r.ctx(r.user(["REGISTRAR", "NSA", "PAYER", "PROXY"]))), "NOT_AUTHORIZED");
  });
});

describe("R-ACC-5 merging handles", () => {
  it("R-ACC-5 merging three handles moves every reference to the survivor in one transaction, as previewed", async () => {
    const [a, b, c] = [await createHandle(admin()), await createHandle(admin()), await createHandle(admin())];
    const registrar = r.ctx(r.user(["REGISTRAR", "NSA"]));
    const d1 = freshName("merge");
    const d2 = freshName("merge");
    await registerDomain(registrar, { name: d1, registrant: b!.handle, nameServers: OUT_OF_ZONE });
    await registerDomain(registrar, { name: d2, registrant: c!.handle, nameServers: OUT_OF_ZONE });
    await r.prisma.domain.update({ where: { liveName: d2 }, data: { proxyId: (await r.prisma.handle.findUniqueOrThrow({ where: { handle: b!.handle } })).id } });
    await createNameServer(registrar, { host: "ns-merge.dns-provider.net", nsaHandle: c!.handle });

    const input = { survivor: a!.handle, merged: [b!.handle, c!.handle] };
    const preview = await mergeHandles(admin(), { ...input, preview: true });
    expect(preview.domains).toEqual([
      { name: d1, roles: ["registrant"] },
      { name: d2, roles: ["registrant", "proxy"] },
    ]);
    expect(preview.nameServers).toEqual(["ns-merge.dns-provider.net"]);
    expect(await r.prisma.handle.count({ where: { mergedIntoId: { not: null } } })).toBe(0);

    const done = await mergeHandles(admin(), input);
    expect(done).toEqual(preview);
    const survivor = await r.prisma.handle.findUniqueOrThrow({ where: { handle: a!.handle } });
    const domains = await r.prisma.domain.findMany({ where: { liveName: { in: [d1, d2] } }, orderBy: { aLabel: "asc" } });
    expect(domains.map((d) => [d.registrantId, d.proxyId])).toEqual([[survivor.id, null], [survivor.id, survivor.id]]);
    expect((await r.prisma.nameServer.findUniqueOrThrow({ where: { host: "ns-merge.dns-provider.net" } })).nsaHandleId).toBe(survivor.id);
    const details = await getHandle(admin(), { handle: a!.handle });
    expect(details.mergedHandles.sort()).toEqual([b!.handle, c!.handle].sort());
    expect(details.associatedEmails).toEqual(["hostmaster@demo.test"]);
    expect(details.domains.registrant).toBe(2);
  });

  it("R-CON-2 refuses merging handles of different management models (HANDLES_NOT_MERGEABLE)", async () => {
    await refuse(() => mergeHandles(admin(), { survivor: "JCA1-DK", merged: ["SS4-DK"] }), "HANDLES_NOT_MERGEABLE");
  });

  it.each([
    ["name", { name: "Demo Registrar Holding A/S" }, "name"],
    ["type", { type: "ASSOCIATION" as const }, "type"],
    ["CVR/VAT", { vatNumber: "DK99887766" }, "CVR/VAT number"],
    ["missing CVR/VAT", { vatNumber: null }, "CVR/VAT number"],
    ["organisation", { organisation: "Demo Registrar, Support" }, "organisation"],
    ["EAN", { ean: "5798000000001" }, "EAN number"],
  ])("R-CON-2 refuses merging a handle whose %s differs from the survivor's (HANDLES_NOT_MERGEABLE), naming the handle and the field", async (_, patch, label) => {
    const [survivor, merged] = [await createHandle(admin()), await createHandle(admin())];
    await r.prisma.handle.update({ where: { handle: merged!.handle }, data: patch });
    const input = { survivor: survivor!.handle, merged: [merged!.handle] };
    await expect(mergeHandles(admin(), { ...input, preview: true })).rejects.toMatchObject({ code: "HANDLES_NOT_MERGEABLE" });
    await refuse(() => mergeHandles(admin(), input), "HANDLES_NOT_MERGEABLE");
    const error: unknown = await mergeHandles(admin(), input).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringContaining(`Handle ${merged!.handle} cannot be merged`) });
    expect(error).toMatchObject({ message: expect.stringContaining(`its ${label} differs`) });
  });

  it("R-CON-2 the merge preview counts another registrar's domains that use a merged handle and never names them", async () => {
    const [a, b] = [await createHandle(admin()), await createHandle(admin())];
    const bId = (await r.prisma.handle.findUniqueOrThrow({ where: { handle: b!.handle } })).id;
    // b is the registrant of one own domain and, say after a transfer out, of one of Other's.
    await r.prisma.domain.update({ where: { liveName: "galleri-demo.dk" }, data: { registrantId: bId } });
    await r.prisma.domain.update({ where: { liveName: "other-foto.dk" }, data: { registrantId: bId } });
    const input = { survivor: a!.handle, merged: [b!.handle] };

    const preview = await mergeHandles(admin(), { ...input, preview: true });
    expect(preview).toMatchObject({ domains: [{ name: "galleri-demo.dk", roles: ["registrant"] }], otherRegistrarDomains: 1 });
    expect(JSON.stringify(preview)).not.toContain("other-foto");

    const done = await mergeHandles(admin(), input);
    expect(done).toEqual(preview);
    const audit = await r.prisma.auditEvent.findFirstOrThrow({ where: { operation: "handle.merge" }, orderBy: { id: "desc" } });
    expect(audit.outcome).toBe("SUCCESS");
    expect(JSON.stringify(audit.after)).not.toContain("other-foto");
    const survivorId = (await r.prisma.handle.findUniqueOrThrow({ where: { handle: a!.handle } })).id;
    const moved = await r.prisma.domain.findMany({ where: { liveName: { in: ["galleri-demo.dk", "other-foto.dk"] } } });
    expect(moved.map((d) => d.registrantId)).toEqual([survivorId, survivorId]);
  });
});
