import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetaRole } from "@/lib/registry/actor";
import {
  cancelDomain,
  type DomainAction,
  type DomainActionName,
  domainActions,
  renewDomain,
  restoreDomain,
  setDomainContacts,
  setRenewalPolicy,
} from "@/lib/registry/domains";
import { addDsRecord, setNameServers } from "@/lib/registry/nameservers";
import { requestRegistrantChange } from "@/lib/registry/registrants";
import { issueRedelegationToken, issueTransferToken } from "@/lib/registry/tokens";
import { registryDateFromDb } from "@/lib/registry/rules";
import { OUT_OF_ZONE, type Registry, ALL, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const as = (roles: MetaRole[]) => r.ctx(r.user(roles));

async function actions(roles: MetaRole[], name: string) {
  const list = await domainActions(as(roles), { name });
  return new Map<DomainActionName, DomainAction>(list.map((a) => [a.action, a]));
}

describe("domainActions: what the roles allow (issue 14)", () => {
  it("the Payer is offered Renew, neither Cancel nor Issue transfer token", async () => {
    const list = await domainActions(as(["PAYER"]), { name: "søbakke.dk" });
    expect(list.map((a) => a.action)).toEqual(["renew"]);
    expect(list[0]).toMatchObject({ verb: "domain.renew", possible: true, reason: null });
  });

  it("each role lists exactly the actions of its verbs", async () => {
    const names = async (roles: MetaRole[]) =>
      (await domainActions(as(roles), { name: "søbakke.dk" })).map((a) => a.action);
    expect(await names(["PROXY"])).toEqual([
      "setRenewalPolicy",
      "cancel",
      "restore",
      "changeRegistrant",
      "setContacts",
      "issueTransferToken",
      "issueRedelegationToken",
    ]);
    expect(await names(["NSA"])).toEqual([
      "issueRedelegationToken",
      "setNameServers",
      "addDsRecord",
    ]);
    expect(await names(["REGISTRAR"])).toEqual([]);
    expect((await names(ALL)).length).toBe(10);
    await expect(domainActions(as(["ADMINISTRATOR"]), { name: "søbakke.dk" })).rejects.toMatchObject(
      { code: "NOT_AUTHORIZED" },
    );
  });

  it("Other Registrar's domain and an unknown name are NOT_FOUND alike", async () => {
    await expect(
      domainActions(r.ctx(r.user(ALL, "other")), { name: "søbakke.dk" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(domainActions(as(ALL), { name: "findes-ikke.dk" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("domainActions: possible now, or the operation's own reason (issue 14)", () => {
  it("an active registrar-managed domain: all but restore and contacts possible", async () => {
    const all = await actions(ALL, "blåbærhaven.dk");
    for (const [name, a] of all) {
      expect(a.possible, name).toBe(name !== "restore" && name !== "setContacts");
    }
    expect(all.get("restore")!.reason?.code).toBe("DOMAIN_NOT_RESTORABLE");
    expect(all.get("setContacts")!.reason?.code).toBe("CONTACT_NOT_ALLOWED");
  });

  it("a suspended domain: restore possible; cancel, renew, renewal policy, tokens refused", async () => {
    const all = await actions(ALL, "opsagt-demo.dk");
    expect(all.get("restore")!.possible).toBe(true);
    expect(all.get("cancel")!.reason).toMatchObject({
      code: "DOMAIN_NOT_CANCELLABLE",
      details: { reason: "NOT_ACTIVE" },
    });
    expect(all.get("renew")!.reason).toMatchObject({
      code: "DOMAIN_NOT_RENEWABLE",
      details: { reason: "NOT_ACTIVE" },
    });
    expect(all.get("setRenewalPolicy")!.reason?.code).toBe("RENEWAL_POLICY_NOT_CHANGEABLE");
    expect(all.get("issueTransferToken")!.reason?.code).toBe("DOMAIN_NOT_TRANSFERABLE");
    expect(all.get("changeRegistrant")!.reason).toMatchObject({
      code: "REGISTRANT_CHANGE_NOT_ALLOWED",
      details: { reason: "NOT_ACTIVE" },
    });
    expect(all.get("setContacts")!.reason?.code).toBe("CONTACT_NOT_ALLOWED");
    expect(all.get("setNameServers")!.possible).toBe(true);
  });

  it("a held domain: name servers, renewal and restore wait for the registrant", async () => {
    const all = await actions(ALL, "ny-kunde.dk");
    expect(all.get("setNameServers")!.reason?.code).toBe("DOMAIN_STATE_TRANSITION_INVALID");
    expect(all.get("renew")!.reason?.code).toBe("DOMAIN_NOT_RENEWABLE");
    expect(all.get("restore")!.reason).toMatchObject({
      code: "DOMAIN_NOT_RESTORABLE",
      details: { reason: "NOT_SUSPENDED" },
    });
  });

  it("hosts under the domain in use by others: cancel refused, naming them", async () => {
    const cancel = (await actions(["PROXY"], "demo-hosting.dk")).get("cancel")!;
    expect(cancel.possible).toBe(false);
    expect(cancel.reason).toMatchObject({
      code: "DOMAIN_NOT_CANCELLABLE",
      details: { reason: "HOSTS_IN_USE" },
    });
    expect(cancel.reason!.message).toContain("ns1.demo-hosting.dk");
  });

  it("registrant-managed without a linked proxy: the Proxy's actions are not administrable; a registrant-paid domain is not renewable", async () => {
    const sorensen = await actions(ALL, "sorensen-familie.dk");
    for (const name of ["cancel", "setRenewalPolicy", "setContacts", "issueTransferToken"] as const) {
      expect(sorensen.get(name)!.reason, name).toMatchObject({
        code: "DOMAIN_NOT_ADMINISTRABLE",
        details: { reason: "NO_PROXY" },
      });
    }
    // paid by the registrar's own handle: renewable
    expect(sorensen.get("renew")!.possible).toBe(true);
    const fremad = await actions(ALL, "bk-fremad.dk");
    expect(fremad.get("cancel")!.possible).toBe(true);
    expect(fremad.get("renew")!.reason).toMatchObject({
      code: "DOMAIN_NOT_RENEWABLE",
      details: { reason: "PAID_BY_REGISTRANT" },
    });
    expect(fremad.get("changeRegistrant")!.reason).toMatchObject({
      code: "REGISTRANT_CHANGE_NOT_ALLOWED",
    });
  });

  /**
   * The reason is what the operation itself answers: each refusal above is reproduced by calling
   * the operation, and a possible action goes through.
   */
  it("the same rule code: every refusal is the operation's own, every possible action succeeds", async () => {
    const cases: [string, DomainActionName, () => Promise<unknown>][] = [];
    const ctx = as(ALL);
    const exDateOf = async (name: string) => {
      const d = await r.prisma.domain.findFirstOrThrow({ where: { uLabel: name } });
      return d.exDate ? registryDateFromDb(d.exDate) : "2026-01-01";
    };
    for (const name of ["opsagt-demo.dk", "ny-kunde.dk", "sorensen-familie.dk", "bk-fremad.dk", "demo-hosting.dk"]) {
      const curExpDate = await exDateOf(name);
      cases.push(
        [name, "renew", () => renewDomain(ctx, { name, curExpDate, period: { unit: "m", value: 1 } })],
        [name, "cancel", () => cancelDomain(ctx, { name })],
        [name, "restore", () => restoreDomain(ctx, { name })],
        [name, "setRenewalPolicy", () => setRenewalPolicy(ctx, { name, renewalPolicy: "AUTO_EXPIRE" })],
        [name, "setContacts", () => setDomainContacts(ctx, { name, proxy: null })],
        [name, "issueTransferToken", () => issueTransferToken(ctx, { name })],
        [name, "issueRedelegationToken", () => issueRedelegationToken(ctx, { name, role: "NSA" })],
        [name, "setNameServers", () => setNameServers(ctx, { name, nameServers: OUT_OF_ZONE, preview: false, confirmDsRemoval: true })],
        [name, "changeRegistrant", () => requestRegistrantChange(ctx, { name, newRegistrant: "KK6-DK" })],
      );
    }
    let refusals = 0;
    for (const [name, action, run] of cases) {
      const offered = (await actions(ALL, name)).get(action)!;
      if (offered.possible) continue;
      refusals++;
      await expect(run(), `${name} ${action}`).rejects.toMatchObject({ code: offered.reason!.code });
    }
    expect(refusals).toBeGreaterThan(15);
    // and the possible ones do go through
    const ok = await actions(ALL, "opsagt-demo.dk");
    expect(ok.get("restore")!.possible).toBe(true);
    await restoreDomain(ctx, { name: "opsagt-demo.dk" });
    expect((await actions(ALL, "opsagt-demo.dk")).get("restore")!.reason?.code).toBe(
      "DOMAIN_NOT_RESTORABLE",
    );
    const dnssec = (await actions(["NSA"], "blåbærhaven.dk")).get("addDsRecord")!;
    expect(dnssec.possible).toBe(true);
    await addDsRecord(as(["NSA"]), {
      name: "blåbærhaven.dk",
      records: [{ keyTag: 1, algorithm: 13, digestType: 2, digest: "A".repeat(64) }],
    });
  });

  it("a pending change of registrant stops a second one", async () => {
    await requestRegistrantChange(as(["PROXY"]), { name: "søbakke.dk", newRegistrant: "HH3-DK" });
    const change = (await actions(["PROXY"], "søbakke.dk")).get("changeRegistrant")!;
    expect(change.reason).toMatchObject({
      code: "REGISTRANT_CHANGE_NOT_ALLOWED",
      details: { reason: "PENDING_REQUEST" },
    });
  });

  it("DS records: the limit of 8 is the reason once reached", async () => {
    const records = Array.from({ length: 8 }, (_, i) => ({
      keyTag: 100 + i,
      algorithm: 13,
      digestType: 2,
      digest: String(i).repeat(64),
    }));
    await addDsRecord(as(["NSA"]), { name: "bageriet-demo.dk", records });
    const add = (await actions(["NSA"], "bageriet-demo.dk")).get("addDsRecord")!;
    expect(add.reason?.code).toBe("DS_RECORD_LIMIT_REACHED");
  });
});

describe("domainActions and the policy version in force (issue 21)", () => {
  it("R-REN-1 a version scheduled for later does not decide today's actions: the operation would use today's", async () => {
    const { createPolicyVersion } = await import("@/lib/registry/policy-admin");
    const { defaultPolicy } = await import("@/lib/registry/policy");
    const renewNow = async () => (await actions(["PAYER"], "søbakke.dk")).get("renew")!;
    expect(await renewNow()).toMatchObject({ possible: true });
    // tomorrow: renewals only in the month before expiry — søbakke.dk's is further off
    await createPolicyVersion(r.ctx(r.operator), {
      settings: { ...defaultPolicy, renewal: { ...defaultPolicy.renewal, windowMonths: 1 } },
      effectiveFrom: new Date(r.clock.now().getTime() + 86_400_000),
    });
    expect(await renewNow()).toMatchObject({ possible: true });
    r.clock.advance({ days: 2 });
    expect(await renewNow()).toMatchObject({ possible: false, reason: { code: "DOMAIN_NOT_RENEWABLE", details: { reason: "RENEWAL_WINDOW" } } });
  });
});
