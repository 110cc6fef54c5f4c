import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countPendingRequests,
  forecastAutoRenewals,
  registerDomain,
  type RegisterDomainInput,
} from "@/lib/registry/domains";
import { OUT_OF_ZONE, type Registry, freshName, openRegistry } from "../support";

// DESIGN.md §1 "Pages": the dashboard tiles' figures — the Payer's auto-renew forecast and the
// pending requests of Registrar, Proxy and Payer — scoped to the portfolio and guarded by role.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const payer = () => r.ctx(r.user(["PAYER"]));

async function register(input: Partial<RegisterDomainInput> & { periodYears: number }) {
  const name = freshName("prognose");
  await registerDomain(registrar(), {
    name,
    registrant: "JCA1-DK",
    nameServers: OUT_OF_ZONE,
    ...input,
  });
  return name;
}

describe("dashboard figures", () => {
  it("DESIGN §1 dashboard: the auto-renew forecast counts only registrar-paid auto-renew domains in the window", async () => {
    // Registered 2026-03-10: 5 years → exDate 2031-03-10 (inside a window from 2031-02-20), 4 years → 2030-03-10 (outside).
    const saved = r.clock.now();
    r.clock.set(new Date("2031-02-20T10:00:00Z"));
    const before = await forecastAutoRenewals(payer(), { days: 30 });
    r.clock.set(saved);
    await register({ periodYears: 5, renewalPolicy: "AUTO_RENEW" }); // counted
    await register({ periodYears: 5, renewalPolicy: "AUTO_EXPIRE" }); // will not renew
    await register({ periodYears: 4, renewalPolicy: "AUTO_RENEW" }); // outside the window
    const registrantManaged = { registrant: "SS4-DK", managementModel: "registrant" as const };
    await register({ periodYears: 5, renewalPolicy: "AUTO_RENEW", ...registrantManaged, payer: "REG-DEMO" }); // counted
    await register({ periodYears: 5, renewalPolicy: "AUTO_RENEW", ...registrantManaged }); // registrant pays
    await register({ periodYears: 5, renewalPolicy: "AUTO_RENEW", ...registrantManaged, payer: "DRA7-DK" }); // invoiced
    r.clock.set(new Date("2031-02-20T10:00:00Z"));
    try {
      const after = await forecastAutoRenewals(payer(), { days: 30 });
      expect(after).toMatchObject({ from: "2031-02-20", to: "2031-03-22" });
      expect(after.domains - before.domains).toBe(2);
      expect(after.amount - before.amount).toBe(2 * 4500);
    } finally {
      r.clock.set(saved);
    }
  });

  it("DESIGN §1 dashboard: pending requests count held registrations and open registrant changes of the own account", async () => {
    const before = await countPendingRequests(r.ctx(r.user(["PROXY"])));
    // HH3-DK has not accepted terms: a method-2 hold.
    await register({ periodYears: 1, registrant: "HH3-DK" });
    const after = await countPendingRequests(r.ctx(r.user(["PROXY"])));
    expect(after).toEqual({ ...before, registrations: before.registrations + 1 });
    const other = await countPendingRequests(r.ctx(r.user(["REGISTRAR"], "other")));
    expect(other.registrations).toBe(
      await r.prisma.domain.count({ where: { registrarId: r.otherId, state: "HELD" } }),
    );
  });

  it("DESIGN §1 dashboard: the forecast is the Payer's; pending requests need a portfolio role", async () => {
    for (const role of ["REGISTRAR", "PROXY", "NSA", "ADMINISTRATOR"] as const) {
      await expect(forecastAutoRenewals(r.ctx(r.user([role])))).rejects.toMatchObject({
        code: "NOT_AUTHORIZED",
      });
    }
    await expect(countPendingRequests(r.ctx(r.user(["ADMINISTRATOR"])))).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
  });
});
