import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetaRole } from "@/lib/registry/actor";
import {
  cancelDomain,
  previewCancel,
  previewRenewalPolicy,
  previewRestore,
  quoteRenewal,
  registerDomain,
  renewDomain,
  restoreDomain,
} from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { defaultPolicy } from "@/lib/registry/policy";
import { setPolicy } from "@/lib/registry/policy-admin";
import { registryDateToDb } from "@/lib/registry/rules";
import { CORE_TABLES, OUT_OF_ZONE, type Registry, balanceOf, freshName, openRegistry } from "../support";
import { snapshotTables } from "../../support/snapshot";

// Issue 15 items 2–5: the dialogs' previews run the operations' own checks and prices, write
// nothing, and agree with what the operation then does.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const as = (roles: MetaRole[], account: "demo" | "other" = "demo") => r.ctx(r.user(roles, account));

/** A fresh active 1-year domain (exDate 2027-03-10 at the seed's time). */
async function newDomain(prefix: string) {
  const name = freshName(prefix);
  await registerDomain(as(["REGISTRAR"]), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
  return name;
}

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (isRegistryError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("quoteRenewal (Renew dialog)", () => {
  it("R-REN-1 quotes a year: price, new expiry, the Payer's balance after; writes nothing; renewDomain then charges the same", async () => {
    const name = await newDomain("quote");
    const before = await snapshotTables(r.prisma, CORE_TABLES);
    const quote = await quoteRenewal(as(["PAYER"]), {
      name,
      curExpDate: "2027-03-10",
      period: { unit: "y", value: 1 },
    });
    expect(await snapshotTables(r.prisma, CORE_TABLES)).toEqual(before);
    const balance = await balanceOf(r, r.demoId);
    expect(quote).toMatchObject({
      curExpDate: "2027-03-10",
      newExDate: "2028-03-10",
      price: 4_500,
      balance: { balance, balanceAfter: balance - 4_500 },
      periods: { years: defaultPolicy.renewal.periodYears, months: defaultPolicy.renewal.periodMonths },
    });
    const renewed = await renewDomain(as(["PAYER"]), { name, curExpDate: "2027-03-10" });
    expect(renewed.charged).toBe(quote.price);
    expect(renewed.domain.exDate).toBe(quote.newExDate);
  });

  it("R-REN-1 quotes months pro rata (31 Jan + 1 month = 28 Feb)", async () => {
    const name = await newDomain("quote-m");
    await r.prisma.domain.update({ where: { liveName: name }, data: { exDate: registryDateToDb("2027-01-31") } });
    const quote = await quoteRenewal(as(["PAYER"]), {
      name,
      curExpDate: "2027-01-31",
      period: { unit: "m", value: 1 },
    });
    expect(quote).toMatchObject({ newExDate: "2027-02-28", price: 375 });
  });

  it("R-REN-1 a period past the cap is refused at the form's period field, in the quote and in the renewal", async () => {
    const name = await newDomain("quote-cap");
    const input = { name, curExpDate: "2027-03-10", period: { unit: "y" as const, value: 10 } };
    const quoted = await refusal(() => quoteRenewal(as(["PAYER"]), input));
    expect(quoted.code).toBe("RENEWAL_PERIOD_EXCEEDS_CAP");
    expect(quoted.details).toMatchObject({ field: "periodValue", newExDate: "2037-03-10" });
    const renewed = await refusal(() => renewDomain(as(["PAYER"]), input));
    expect(renewed.code).toBe("RENEWAL_PERIOD_EXCEEDS_CAP");
    expect(renewed.details).toMatchObject({ field: "periodValue" });
    const months = await refusal(() =>
      quoteRenewal(as(["PAYER"]), { ...input, period: { unit: "m", value: 12 } }),
    );
    expect(months.code).toBe("PERIOD_NOT_ALLOWED");
    expect(months.details).toMatchObject({ field: "periodValue" });
  });

  it("R-REN-1 a stale curExpDate is the renewal's own refusal (EXPIRY_DATE_MISMATCH)", async () => {
    const name = await newDomain("quote-stale");
    const error = await refusal(() =>
      quoteRenewal(as(["PAYER"]), { name, curExpDate: "2027-03-11", period: { unit: "y", value: 1 } }),
    );
    expect(error.code).toBe("EXPIRY_DATE_MISMATCH");
  });

  it("R-REN-1 issue 21: after the operator changes the yearly fee, the quote and the renewal use the new one", async () => {
    const name = await newDomain("quote-fee");
    try {
      await setPolicy(r.ctx(r.operator), {
        ...defaultPolicy,
        prices: { ...defaultPolicy.prices, perYearOre: 5_000 },
      });
      const quote = await quoteRenewal(as(["PAYER"]), {
        name,
        curExpDate: "2027-03-10",
        period: { unit: "y", value: 2 },
      });
      expect(quote.price).toBe(10_000);
      const renewed = await renewDomain(as(["PAYER"]), {
        name,
        curExpDate: "2027-03-10",
        period: { unit: "y", value: 2 },
      });
      expect(renewed.charged).toBe(10_000);
    } finally {
      await setPolicy(r.ctx(r.operator), defaultPolicy);
    }
  });

  it("DESIGN §1: only the Payer may ask (NOT_AUTHORIZED); another registrar's domain is NOT_FOUND", async () => {
    const input = { name: "søbakke.dk", curExpDate: "2030-01-01", period: { unit: "y" as const, value: 1 } };
    expect((await refusal(() => quoteRenewal(as(["PROXY"]), input))).code).toBe("NOT_AUTHORIZED");
    expect((await refusal(() => quoteRenewal(as(["PAYER"], "other"), input))).code).toBe("NOT_FOUND");
  });
});

describe("previewRestore (Restore dialog)", () => {
  it("R-DEL-2 a year plus the restore fee and exDate + 1 year, as restoreDomain then charges; no balance for a Proxy", async () => {
    const name = await newDomain("gendan");
    await cancelDomain(as(["PROXY"]), { name });
    const preview = await previewRestore(as(["PROXY"]), { name });
    expect(preview).toMatchObject({
      exDate: "2027-03-10",
      newExDate: "2028-03-10",
      yearPrice: 4_500,
      restoreFee: 15_000,
      price: 19_500,
      balance: null,
    });
    expect(preview.restorableUntil?.toISOString()).toBe("2026-04-08T22:00:00.000Z");
    expect((await previewRestore(as(["PROXY", "PAYER"]), { name })).balance).not.toBeNull();
    const restored = await restoreDomain(as(["PROXY"]), { name });
    expect(restored.charged).toBe(preview.price);
    expect(restored.domain.exDate).toBe(preview.newExDate);
  });

  it("R-DEL-2 an active domain has nothing to restore (DOMAIN_NOT_RESTORABLE)", async () => {
    const error = await refusal(() => previewRestore(as(["PROXY"]), { name: "søbakke.dk" }));
    expect(error.code).toBe("DOMAIN_NOT_RESTORABLE");
  });
});

describe("previewCancel (Cancel domain dialog)", () => {
  it("R-DEL-1 suspended now and deleted at the deleteAt cancelDomain then sets; no blockers", async () => {
    const name = await newDomain("opsig-vis");
    const preview = await previewCancel(as(["PROXY"]), { name });
    expect(preview.blockers).toEqual([]);
    expect(preview.restorePrice).toBe(19_500);
    const cancelled = await cancelDomain(as(["PROXY"]), { name });
    expect(cancelled.deleteAt?.toISOString()).toBe(preview.deleteAt.toISOString());
  });

  it("R-DEL-1 names each host under the domain that other domains use, and the own domains using it", async () => {
    const preview = await previewCancel(as(["PROXY"]), { name: "demo-hosting.dk" });
    expect(preview.blockers.map((b) => b.host)).toEqual(["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"]);
    for (const b of preview.blockers) {
      expect(b.ownDomains).toContain("blåbærhaven.dk");
      expect(b.ownDomains).not.toContain("demo-hosting.dk");
    }
  });

  it("R-DEL-1 a suspended domain cannot be cancelled: the operation's refusal", async () => {
    const error = await refusal(() => previewCancel(as(["PROXY"]), { name: "udloebet-1.dk" }));
    expect(error.code).toBe("DOMAIN_NOT_CANCELLABLE");
  });
});

describe("previewRenewalPolicy (Renewal policy dialog)", () => {
  it("R-REN-3/R-REN-4 takes effect on the exDate: auto-renew for a year at the yearly price, auto-expire deleted 30 days later", async () => {
    const name = await newDomain("politik");
    const preview = await previewRenewalPolicy(as(["PROXY"]), { name });
    expect(preview).toMatchObject({
      current: "AUTO_RENEW",
      takesEffectOn: "2027-03-10",
      autoRenew: { newExDate: "2028-03-10", price: 4_500, invoicedTo: null },
    });
    // suspended at 00:00 on 10 March 2027, deleted at 00:00 local on 9 April 2027 (CEST)
    expect(preview.autoExpire.deleteAt.toISOString()).toBe("2027-04-08T22:00:00.000Z");
  });

  it("R-REN-2 a registrant-paid domain's auto-renewal is invoiced to its payer", async () => {
    const preview = await previewRenewalPolicy(as(["PROXY"]), { name: "bk-fremad.dk" });
    expect(preview.autoRenew.invoicedTo).toBe("BF5-DK");
  });

  it("R-REN-3 a suspended domain's policy cannot change (RENEWAL_POLICY_NOT_CHANGEABLE)", async () => {
    const error = await refusal(() => previewRenewalPolicy(as(["PROXY"]), { name: "udloebet-1.dk" }));
    expect(error.code).toBe("RENEWAL_POLICY_NOT_CHANGEABLE");
  });
});
