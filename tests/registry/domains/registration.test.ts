import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRegistryError } from "@/lib/registry/errors";
import { defaultPolicy, dk2026Policy } from "@/lib/registry/policy";
import { setPolicy } from "@/lib/registry/policy-admin";
import { checkAvailability, registerDomain } from "@/lib/registry/domains";
import { acceptTerms, getTermsRequest, refuseTerms } from "@/lib/registry/registrants";
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

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const base = (name: string) => ({ name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });

describe("registerDomain", () => {
  it("R-REG-1 registers with the given fields, out-of-zone hosts created with the registrar as NSA", async () => {
    const name = freshName("felter");
    const result = await registerDomain(registrar(), {
      ...base(name),
      periodYears: 2,
      renewalPolicy: "AUTO_EXPIRE",
      nameServers: ["NS1.dns-provider.net.", "ns.brand-new-host.example"],
      reference: "REF-1",
      poNumber: "PO-9",
      accountCode: "AC-3",
    });
    expect(result.status).toBe("ACTIVE");
    expect(result.domain).toMatchObject({
      name,
      state: "ACTIVE",
      managementModel: "REGISTRAR",
      renewalPolicy: "AUTO_EXPIRE",
      registrant: "JCA1-DK",
      exDate: "2028-03-10",
      reference: "REF-1",
      poNumber: "PO-9",
      accountCode: "AC-3",
      nameServers: ["ns1.dns-provider.net", "ns.brand-new-host.example"],
    });
    const created = await r.prisma.nameServer.findUniqueOrThrow({
      where: { host: "ns.brand-new-host.example" },
      include: { nsaHandle: true },
    });
    expect(created.nsaHandle.handle).toBe("REG-DEMO");
    expect(created.managementModel).toBe("REGISTRAR");
  });

  it("R-REG-1 refuses one name server (NAMESERVER_COUNT_INVALID) and changes nothing", async () => {
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), {
          ...base(freshName()),
          nameServers: ["ns1.dns-provider.net"],
        }),
      "NAMESERVER_COUNT_INVALID",
    );
  });

  it("R-REG-1 refuses an unknown host under .dk (NOT_FOUND) and an 11-year period (PERIOD_NOT_ALLOWED)", async () => {
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), {
          ...base(freshName()),
          nameServers: ["ns1.dns-provider.net", "ns9.unknown-host.dk"],
        }),
      "NOT_FOUND",
    );
    await expectRefusal(
      r,
      () => registerDomain(registrar(), { ...base(freshName()), periodYears: 11 }),
      "PERIOD_NOT_ALLOWED",
    );
  });

  it("R-REG-2 method 1 refuses a terms time in the future (TERMS_ACCEPTANCE_INVALID)", async () => {
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), {
          ...base(freshName()),
          registrant: "HH3-DK",
          termsAcceptedAt: new Date(r.clock.now().getTime() + 60_000),
        }),
      "TERMS_ACCEPTANCE_INVALID",
    );
  });

  it("R-REG-2 method 1 with a valid statement creates and bills at once", async () => {
    const before = await balanceOf(r, r.demoId);
    const res = await registerDomain(registrar(), {
      ...base(freshName("metode1")),
      registrant: "KK6-DK",
      termsAcceptedAt: new Date(r.clock.now().getTime() - 86_400_000),
    });
    expect(res.status).toBe("ACTIVE");
    expect(await balanceOf(r, r.demoId)).toBe(before - 4_500);
  });

  it("R-REG-2 method 2 holds the name unbilled, links the registrant by mail and message, then accept bills it", async () => {
    const name = freshName("metode2");
    const before = await balanceOf(r, r.demoId);
    const res = await registerDomain(registrar(), { ...base(name), registrant: "HH3-DK" });
    if (res.status !== "HELD") throw new Error("expected a hold");
    expect(res.domain.state).toBe("HELD");
    // Tuesday 10 March 11:00 local → held until 00:00 local on Saturday 14 March
    expect(res.holdExpiresAt.toISOString()).toBe("2026-03-13T23:00:00.000Z");
    expect(await balanceOf(r, r.demoId)).toBe(before);
    const token = res.termsLink.split("/").at(-1)!;
    const hold = await r.prisma.registrationHold.findFirstOrThrow({
      where: { domainId: res.domain.id },
    });
    expect(hold.tokenHash).not.toContain(token);
    const mail = await r.prisma.outboxMail.findFirstOrThrow({
      where: { to: "henrik@hansen.test", body: { contains: res.termsLink } },
    });
    expect(mail.kind).toBe("REGISTRATION_TERMS_REQUEST");
    const note = await r.prisma.notification.findFirstOrThrow({
      where: { domainName: name, type: "REGISTRATION_TERMS_REQUESTED" },
    });
    expect(note.message).toContain(res.termsLink);
    expect((await checkAvailability(registrar(), { names: [name] }))[0]).toMatchObject({
      available: false,
      reason: "HELD",
    });

    expect(await getTermsRequest(r.ctx(r.registrant), { token })).toMatchObject({
      registrant: "HH3-DK",
      periodYears: 1,
    });
    const accepted = await acceptTerms(r.ctx(r.registrant), { token });
    expect(accepted).toMatchObject({ state: "ACTIVE", exDate: "2027-03-10" });
    expect(await balanceOf(r, r.demoId)).toBe(before - 4_500);
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
    const handle = await r.prisma.handle.findUniqueOrThrow({ where: { handle: "HH3-DK" } });
    expect(handle.termsAcceptedAt).toEqual(r.clock.now());
    // the link works once
    await expectRefusal(r, () => acceptTerms(r.ctx(r.registrant), { token }), "TOKEN_ALREADY_USED");
    await r.prisma.handle.update({ where: { handle: "HH3-DK" }, data: { termsAcceptedAt: null } });
  });

  it("R-REG-2 refusal of the terms frees the name; an expired link is refused (TOKEN_EXPIRED)", async () => {
    const name = freshName("afvist");
    const res = await registerDomain(registrar(), { ...base(name), registrant: "HH3-DK" });
    if (res.status !== "HELD") throw new Error("expected a hold");
    const token = res.termsLink.split("/").at(-1)!;
    await refuseTerms(r.ctx(r.registrant), { token });
    expect((await checkAvailability(registrar(), { names: [name] }))[0]).toMatchObject({
      available: true,
    });
    expect(
      await r.prisma.notification.count({
        where: { domainName: name, type: "REGISTRATION_REFUSED" },
      }),
    ).toBe(1);

    const late = await registerDomain(registrar(), {
      ...base(freshName("sent")),
      registrant: "HH3-DK",
    });
    if (late.status !== "HELD") throw new Error("expected a hold");
    const saved = r.clock.now();
    r.clock.set(late.holdExpiresAt);
    try {
      await expectRefusal(
        r,
        () => acceptTerms(r.ctx(r.registrant), { token: late.termsLink.split("/").at(-1)! }),
        "TOKEN_EXPIRED",
      );
    } finally {
      r.clock.set(saved);
    }
  });

  it("R-REG-2 acceptance without funds ends the hold (DECLINED_FUNDS), frees the name and tells the registrar", async () => {
    const name = freshName("ingenpenge");
    const res = await registerDomain(registrar(), { ...base(name), registrant: "HH3-DK" });
    if (res.status !== "HELD") throw new Error("expected a hold");
    const saved = await balanceOf(r, r.demoId);
    await setBalance(r, r.demoId, 100);
    try {
      const error = await acceptTerms(r.ctx(r.registrant), {
        token: res.termsLink.split("/").at(-1)!,
      }).catch((e: unknown) => e);
      expect(isRegistryError(error, "INSUFFICIENT_FUNDS")).toBe(true);
      const hold = await r.prisma.registrationHold.findFirstOrThrow({
        where: { domainId: res.domain.id },
      });
      expect(hold.state).toBe("DECLINED_FUNDS");
      expect(
        (await r.prisma.domain.findUniqueOrThrow({ where: { id: res.domain.id } })).liveName,
      ).toBeNull();
      expect(
        await r.prisma.notification.count({
          where: { domainName: name, type: "REGISTRATION_DECLINED_FUNDS" },
        }),
      ).toBe(1);
      expect(await balanceOf(r, r.demoId)).toBe(100);
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });

  it("R-REG-3 refuses a registrant under another management model (MANAGEMENT_MODEL_MISMATCH)", async () => {
    await expectRefusal(
      r,
      () => registerDomain(registrar(), { ...base(freshName()), registrant: "SS4-DK" }),
      "MANAGEMENT_MODEL_MISMATCH",
    );
  });

  it("R-REG-3 registers a registrant-managed domain to a registrant-managed handle with a payer", async () => {
    const res = await registerDomain(registrar(), {
      ...base(freshName("selv")),
      registrant: "SS4-DK",
      managementModel: "registrant",
      payer: "REG-DEMO",
    });
    expect(res.domain).toMatchObject({ managementModel: "REGISTRANT", payer: "REG-DEMO" });
  });

  it("R-REG-4 stores an IDN as A-label with the U-label, input in either form and any case", async () => {
    const res = await registerDomain(registrar(), { ...base("ÆBLEGRØD-TEST.dk") });
    expect(res.domain).toMatchObject({
      name: "xn--blegrd-test-88a3v.dk",
      uLabel: "æblegrød-test.dk",
    });
    const check = await checkAvailability(registrar(), {
      names: ["xn--blegrd-test-88a3v.dk", "æblegrød-test"],
    });
    expect(check.map((c) => c.available)).toEqual([false, false]);
  });

  it("R-REG-4 refuses a taken, a blocked and an invalid name with exact codes", async () => {
    await expectRefusal(
      r,
      () => registerDomain(registrar(), base("søbakke.dk")),
      "DOMAIN_NOT_AVAILABLE",
    );
    await expectRefusal(
      r,
      () => registerDomain(registrar(), base("other-shop.dk")),
      "DOMAIN_NOT_AVAILABLE",
    );
    await expectRefusal(
      r,
      () => registerDomain(registrar(), base("punktum.dk")),
      "DOMAIN_NOT_AVAILABLE",
    );
    await expectRefusal(
      r,
      () => registerDomain(registrar(), base("ab--c.dk")),
      "INVALID_DOMAIN_NAME",
    );
    const check = await checkAvailability(registrar(), {
      names: ["punktum.dk", "udloebet-1.dk", "ab--c.dk", "ledig-navn.dk"],
    });
    expect(check.map((c) => (c.available ? "free" : c.reason))).toEqual([
      "BLOCKED",
      "IN_REDEMPTION",
      "INVALID",
      "free",
    ]);
  });

  it("R-REG-4 a name offered to a waiting-list holder is not available", async () => {
    const entry = await r.prisma.waitingListEntry.create({
      data: {
        name: "tilbudt.dk",
        holderName: "Hanne",
        holderEmail: "h@x.test",
        state: "OFFERED",
        createdAt: r.clock.now(),
      },
    });
    await r.prisma.waitingListOffer.create({
      data: {
        entryId: entry.id,
        name: "tilbudt.dk",
        tokenHash: "x",
        linkHash: "y",
        createdAt: r.clock.now(),
        expiresAt: new Date(r.clock.now().getTime() + 86_400_000),
      },
    });
    await expectRefusal(
      r,
      () => registerDomain(registrar(), base("tilbudt.dk")),
      "DOMAIN_NOT_AVAILABLE",
    );
  });

  it("R-REG-4 two registrations of one name at once: exactly one succeeds, the other DOMAIN_NOT_AVAILABLE", async () => {
    const name = freshName("kaploeb");
    const a = r.ctx(r.user(["REGISTRAR"]));
    const b = { db: r.db.newClient(), clock: r.clock, actor: r.user(["REGISTRAR"], "other") };
    const results = await Promise.allSettled([
      registerDomain(a, base(name)),
      registerDomain(b, { ...base(name), registrant: "OC1-DK" }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((x) => x.status === "rejected");
    expect(isRegistryError(failed?.reason, "DOMAIN_NOT_AVAILABLE")).toBe(true);
    expect(await r.prisma.domain.count({ where: { liveName: name } })).toBe(1);
  });

  it("R-REG-5 registration is debited period × price in the same transaction, with a ledger entry", async () => {
    const name = freshName("pris");
    const before = await balanceOf(r, r.demoId);
    const res = await registerDomain(registrar(), { ...base(name), periodYears: 3 });
    expect(res.status === "ACTIVE" && res.charged).toBe(13_500);
    expect(await balanceOf(r, r.demoId)).toBe(before - 13_500);
    const entry = await r.prisma.ledgerEntry.findFirstOrThrow({ where: { domainName: name } });
    expect(entry).toMatchObject({
      operation: "REGISTRATION",
      amount: -13_500,
      balanceAfter: before - 13_500,
      periodMonths: 36,
    });
  });

  it("R-REG-5 refuses registration without funds (INSUFFICIENT_FUNDS) and changes nothing", async () => {
    const saved = await balanceOf(r, r.demoId);
    await setBalance(r, r.demoId, 4_499);
    try {
      await expectRefusal(
        r,
        () => registerDomain(registrar(), base(freshName())),
        "INSUFFICIENT_FUNDS",
      );
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });

  it("policy: under the .dk 2026 policy registrant management and 2-year creates are refused", async () => {
    await setPolicy(r.ctx(r.operator), dk2026Policy);
    try {
      await expectRefusal(
        r,
        () =>
          registerDomain(registrar(), {
            ...base(freshName()),
            registrant: "SS4-DK",
            managementModel: "registrant",
          }),
        "MANAGEMENT_MODEL_NOT_ALLOWED",
      );
      await expectRefusal(
        r,
        () => registerDomain(registrar(), { ...base(freshName()), periodYears: 2 }),
        "PERIOD_NOT_ALLOWED",
      );
    } finally {
      await setPolicy(r.ctx(r.operator), defaultPolicy);
    }
  });
});
