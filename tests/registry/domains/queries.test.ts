import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDomains, getDomain, listDomains } from "@/lib/registry/domains";
import { type Registry, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const viewer = () => r.ctx(r.user(["PROXY"]));

describe("getDomain / listDomains", () => {
  it("gets a domain by U-label or A-label with its name servers in order", async () => {
    const byU = await getDomain(viewer(), { name: "SØBAKKE.dk" });
    const byA = await getDomain(viewer(), { name: byU.name });
    expect(byA).toEqual(byU);
    expect(byU).toMatchObject({
      uLabel: "søbakke.dk",
      registrant: "MN2-DK",
      nameServers: ["ns1.dns-provider.net", "ns2.dns-provider.net"],
    });
  });

  it("searches by U-label and A-label prefix, and by contains", async () => {
    const u = await listDomains(viewer(), { search: "søb" });
    expect(u.domains.map((d) => d.uLabel)).toEqual(["søbakke.dk"]);
    const a = await listDomains(viewer(), { search: "xn--sbakke" });
    expect(a.domains.map((d) => d.uLabel)).toEqual(["søbakke.dk"]);
    const contains = await listDomains(viewer(), { search: "cykler", match: "contains" });
    expect(contains.domains.map((d) => d.uLabel)).toEqual(["ærø-cykler.dk"]);
    expect((await listDomains(viewer(), { search: "cykler" })).domains).toEqual([]);
  });

  it("filters by state, renewal, management model, expiry range and registrant", async () => {
    const suspended = await listDomains(viewer(), { states: ["SUSPENDED"] });
    expect(suspended.domains.map((d) => d.name).sort()).toEqual([
      "opsagt-demo.dk",
      "udloebet-1.dk",
      "udloebet-2.dk",
      "udloebet-3.dk",
    ]);
    const held = await listDomains(viewer(), { states: ["HELD"] });
    expect(held.domains.map((d) => d.name)).toEqual(["afventer-accept.dk", "ny-kunde.dk"]);
    const registrant = await listDomains(viewer(), { managementModel: "REGISTRANT" });
    expect(registrant.domains.map((d) => d.name)).toEqual(["bk-fremad.dk", "sorensen-familie.dk"]);
    const soon = await listDomains(viewer(), {
      expiresFrom: "2026-03-10",
      expiresTo: "2026-04-09",
      renewalPolicy: "AUTO_EXPIRE",
    });
    expect(
      soon.domains.every(
        (d) =>
          d.renewalPolicy === "AUTO_EXPIRE" &&
          d.exDate! >= "2026-03-10" &&
          d.exDate! <= "2026-04-09",
      ),
    ).toBe(true);
    expect(soon.domains.map((d) => d.name)).toContain("udloeber-2.dk");
    const kk6 = await listDomains(viewer(), { registrant: "kk6-dk", limit: 200 });
    expect(kk6.domains.length).toBeGreaterThan(0);
    expect(kk6.domains.every((d) => d.registrant === "KK6-DK")).toBe(true);
  });

  it("pages with a keyset cursor: every live domain once, in A-label order", async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDomains>> = await listDomains(viewer(), {
        limit: 9,
        cursor,
      });
      names.push(...page.domains.map((d) => d.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(
      await r.prisma.domain.count({ where: { registrarId: r.demoId, liveName: { not: null } } }),
    );
    await expect(listDomains(viewer(), { cursor: "garbage" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("counts what listDomains lists, within the portfolio only", async () => {
    const filter = { expiresFrom: "2026-03-10", expiresTo: "2026-04-09" };
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDomains>> = await listDomains(viewer(), {
        ...filter,
        cursor,
        limit: 5,
      });
      all.push(...page.domains.map((d) => d.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThan(5);
    expect(await countDomains(viewer(), filter)).toBe(all.length);
    expect(await countDomains(r.ctx(r.user(["PROXY"], "other")), { search: "udloeber" })).toBe(0);
    await expect(countDomains(r.ctx(r.user(["ADMINISTRATOR"])))).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
  });
});
