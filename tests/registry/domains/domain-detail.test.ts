import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetaRole } from "@/lib/registry/actor";
import { getDomainDetail, renewDomain } from "@/lib/registry/domains";
import { requestRegistrantChange } from "@/lib/registry/registrants";
import { issueTransferToken } from "@/lib/registry/tokens";
import { expiryInstant, registryDateFromDb } from "@/lib/registry/rules";
import { ALL, type Registry, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const as = (roles: MetaRole[]) => r.ctx(r.user(roles));

describe("getDomainDetail (issue 14)", () => {
  it("an IDN domain by U-label or A-label: state with its deadline, dates, handles with names", async () => {
    const d = await getDomainDetail(as(["PAYER"]), { name: "xn--sbakke-bya.dk" });
    expect(await getDomainDetail(as(["PAYER"]), { name: "SØBAKKE.DK" })).toEqual(d);
    expect(d).toMatchObject({
      name: "xn--sbakke-bya.dk",
      uLabel: "søbakke.dk",
      isIdn: true,
      managementModel: "REGISTRAR",
      renewalPolicy: "AUTO_RENEW",
      registrant: { handle: "MN2-DK", name: "Mette Nielsen" },
      proxy: null,
      payer: null,
      hold: null,
      openInvoice: null,
      pendingRegistrantChange: null,
    });
    expect(d.status).toEqual({
      state: "ACTIVE",
      reason: null,
      deadline: expiryInstant(d.exDate!),
      deadlineDate: d.exDate,
    });
    expect(d.crDate).toBeInstanceOf(Date);
  });

  it("name servers with glue and DS records", async () => {
    const d = await getDomainDetail(as(["NSA"]), { name: "demo-hosting.dk" });
    expect(d.nameServers).toEqual([
      { host: "ns1.demo-hosting.dk", glueV4: ["192.0.2.10"], glueV6: ["2001:db8::10"], markedForDeletion: false },
      { host: "ns2.demo-hosting.dk", glueV4: ["192.0.2.11"], glueV6: ["2001:db8::11"], markedForDeletion: false },
    ]);
    expect(d.dsRecords).toHaveLength(1);
    expect(d.dsRecords[0]).toMatchObject({ digestType: 2 });
  });

  it("suspended: restorable until the deletion instant, with the reason", async () => {
    const d = await getDomainDetail(as(["PROXY"]), { name: "opsagt-demo.dk" });
    const row = await r.prisma.domain.findFirstOrThrow({ where: { aLabel: "opsagt-demo.dk" } });
    expect(d.status).toMatchObject({ state: "SUSPENDED", reason: "CANCELLED", deadline: row.deleteAt });
    expect(d.deleteAt).toEqual(row.deleteAt);
  });

  it("held: awaiting the registrant until the hold ends", async () => {
    const d = await getDomainDetail(as(["REGISTRAR"]), { name: "ny-kunde.dk" });
    expect(d.status.state).toBe("HELD");
    expect(d.hold).not.toBeNull();
    expect(d.status.deadline).toEqual(d.hold!.expiresAt);
    expect(d.exDate).toBeNull();
  });

  it("open tokens (for those who may issue them), a pending registrant change, an open invoice", async () => {
    await issueTransferToken(as(["PROXY"]), { name: "blåbærhaven.dk" });
    await requestRegistrantChange(as(["PROXY"]), { name: "blåbærhaven.dk", newRegistrant: "HH3-DK" });
    const proxy = await getDomainDetail(as(["PROXY"]), { name: "blåbærhaven.dk" });
    expect(proxy.openTokens.map((t) => t.kind)).toEqual(["REG-TRANSFER"]);
    expect(proxy.pendingRegistrantChange).toMatchObject({
      state: "TERMS_REQUESTED",
      to: { handle: "HH3-DK", name: "Henrik Hansen" },
    });
    expect(proxy.pendingRegistrantChange!.deadline).toBeInstanceOf(Date);
    expect((await getDomainDetail(as(["PAYER"]), { name: "blåbærhaven.dk" })).openTokens).toEqual([]);

    const fremad = await r.prisma.domain.findFirstOrThrow({
      where: { aLabel: "bk-fremad.dk" },
      select: { id: true, payerId: true },
    });
    await r.prisma.invoice.create({
      data: {
        domainId: fremad.id,
        accountId: r.demoId,
        payerId: fremad.payerId!,
        amount: 4500,
        periodYears: 1,
        issuedAt: r.clock.now(),
        dueAt: new Date(r.clock.now().getTime() + 30 * 86_400_000),
      },
    });
    const d = await getDomainDetail(as(["PAYER"]), { name: "bk-fremad.dk" });
    expect(d.openInvoice).toMatchObject({ amount: 4500, payer: { handle: "BF5-DK" } });
    expect(d.proxy).toMatchObject({ handle: "BF5-DK" });
  });

  it("history: when, who, from which address, what changed — newest first", async () => {
    const row = await r.prisma.domain.findFirstOrThrow({ where: { aLabel: "tandlaegen-demo.dk" } });
    const exDate = registryDateFromDb(row.exDate!);
    await renewDomain(as(["PAYER"]), { name: "tandlaegen-demo.dk", curExpDate: exDate });
    const d = await getDomainDetail(as(["PROXY"]), { name: "tandlaegen-demo.dk" });
    expect(d.history[0]).toMatchObject({
      operation: "domain.renew",
      actorKind: "PORTAL",
      actorLabel: "payer@demo.test",
      ip: "127.0.0.1",
      before: { exDate },
    });
    expect(d.history[0]!.at).toEqual(r.clock.now());
    // a refusal is not history
    await expect(
      renewDomain(as(["PAYER"]), { name: "tandlaegen-demo.dk", curExpDate: exDate }),
    ).rejects.toMatchObject({ code: "EXPIRY_DATE_MISMATCH" });
    expect((await getDomainDetail(as(["PROXY"]), { name: "tandlaegen-demo.dk" })).history).toHaveLength(
      d.history.length,
    );
  });

  it("Other Registrar's domain and an unknown name are NOT_FOUND; the verb is checked", async () => {
    await expect(
      getDomainDetail(r.ctx(r.user(ALL, "other")), { name: "søbakke.dk" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDomainDetail(as(ALL), { name: "findes-ikke.dk" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getDomainDetail(as(["ADMINISTRATOR"]), { name: "søbakke.dk" })).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
  });
});
