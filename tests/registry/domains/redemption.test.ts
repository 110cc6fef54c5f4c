import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelDomain, registerDomain, restoreDomain } from "@/lib/registry/domains";
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
// Cancel and restore are Proxy verbs (DESIGN.md §1).
const proxy = () => r.ctx(r.user(["PROXY"]));

async function newDomain(periodYears = 1) {
  const name = freshName("opsig");
  await registerDomain(registrar(), {
    name,
    registrant: "JCA1-DK",
    nameServers: OUT_OF_ZONE,
    periodYears,
  });
  return name;
}

describe("cancelDomain", () => {
  it("R-DEL-1 suspends an active domain with 30 days of redemption, deleted at 00:00 local", async () => {
    const name = await newDomain();
    const d = await cancelDomain(proxy(), { name });
    expect(d.state).toBe("SUSPENDED");
    expect(d.suspensionReason).toBe("CANCELLED");
    // cancelled Tuesday 10 March 2026 (CET) → deleted at 00:00 local on 9 April (CEST: 22:00 UTC on 8 April)
    expect(d.deleteAt?.toISOString()).toBe("2026-04-08T22:00:00.000Z");
    expect(
      await r.prisma.notification.count({ where: { domainName: name, type: "DOMAIN_CANCELLED" } }),
    ).toBe(1);
  });

  it("R-DEL-1 refuses while a name server under the domain is used by another domain (DOMAIN_NOT_CANCELLABLE)", async () => {
    // ns1/ns2.demo-hosting.dk serve many other demo domains
    await expectRefusal(
      r,
      () => cancelDomain(proxy(), { name: "demo-hosting.dk" }),
      "DOMAIN_NOT_CANCELLABLE",
    );
  });

  it("R-DEL-1 refuses a domain that is not active (DOMAIN_NOT_CANCELLABLE)", async () => {
    await expectRefusal(
      r,
      () => cancelDomain(proxy(), { name: "udloebet-1.dk" }),
      "DOMAIN_NOT_CANCELLABLE",
    );
  });
});

describe("restoreDomain", () => {
  it("R-DEL-2 restores during redemption: ACTIVE, exDate + 1 year, billed year + fee even without funds", async () => {
    const name = await newDomain();
    await cancelDomain(proxy(), { name });
    const saved = await balanceOf(r, r.demoId);
    await setBalance(r, r.demoId, 0);
    try {
      const res = await restoreDomain(proxy(), { name });
      expect(res.domain).toMatchObject({
        state: "ACTIVE",
        exDate: "2028-03-10",
        deleteAt: null,
        suspendedAt: null,
      });
      expect(res.charged).toBe(19_500);
      expect(await balanceOf(r, r.demoId)).toBe(-19_500);
      expect(await ledgerSum(r, r.demoId)).toBe(-19_500);
      const entry = await r.prisma.ledgerEntry.findFirstOrThrow({
        where: { domainName: name, operation: "RESTORE" },
      });
      expect(entry.amount).toBe(-19_500);
    } finally {
      await setBalance(r, r.demoId, saved);
    }
  });

  it("R-DEL-2 refuses an active domain (DOMAIN_NOT_RESTORABLE) and changes nothing", async () => {
    const name = await newDomain();
    await expectRefusal(r, () => restoreDomain(proxy(), { name }), "DOMAIN_NOT_RESTORABLE");
  });

  it("R-DEL-2 refuses from the end of redemption on (DOMAIN_NOT_RESTORABLE)", async () => {
    const name = await newDomain();
    const d = await cancelDomain(proxy(), { name });
    const saved = r.clock.now();
    r.clock.set(d.deleteAt!);
    try {
      await expectRefusal(r, () => restoreDomain(proxy(), { name }), "DOMAIN_NOT_RESTORABLE");
      r.clock.set(d.deleteAt!.getTime() - 1);
      expect((await restoreDomain(proxy(), { name })).domain.state).toBe("ACTIVE");
    } finally {
      r.clock.set(saved);
    }
  });
});

describe("restore past the lifespan cap", () => {
  it("R-DEL-2: a restore adds its year even past the 10-year cap (a long-dated domain cancelled early)", async () => {
    // Registered for 10 years on 2026-03-10: exDate 2036-03-10, exactly at the cap. Cancelled the
    // same day, restored the next: the new exDate 2037-03-10 lies beyond today + 10 years
    // (2036-03-11). Decision: allowed — the restore undoes a cancellation and bills the year it
    // adds; refusing it would delete a domain paid for ten years ahead.
    const name = await newDomain(10);
    await cancelDomain(proxy(), { name });
    const saved = r.clock.now();
    r.clock.advance({ days: 1 });
    try {
      const res = await restoreDomain(proxy(), { name });
      expect(res.domain.exDate).toBe("2037-03-10");
      expect(res.domain.state).toBe("ACTIVE");
      expect(res.charged).toBe(19_500);
      const audit = await r.prisma.auditEvent.findFirstOrThrow({
        where: { operation: "domain.restore", objectLabel: name, outcome: "SUCCESS" },
      });
      expect(audit.after).toMatchObject({ exDate: "2037-03-10", state: "ACTIVE" });
    } finally {
      r.clock.set(saved);
    }
  });
});
