import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/registry/actor";
import { addDsRecord, removeDsRecord, setNameServers } from "@/lib/registry/nameservers";
import {
  issueRedelegationToken,
  issueTransferToken,
  redelegateDomain,
  transferDomain,
} from "@/lib/registry/tokens";
import {
  cancelDomain,
  registerDomain,
  renewDomain,
  restoreDomain,
  setRenewalPolicy,
} from "@/lib/registry/domains";
import { expiryInstant } from "@/lib/registry/rules";
import { acceptTerms } from "@/lib/registry/registrants";
import { auditMark, createLinkedHandle } from "./core2-support";
import { ALL, OUT_OF_ZONE, type Registry, freshName, openRegistry } from "./support";

// DESIGN.md §5: every mutating operation writes one audit event — actor, account, IP, operation,
// object, before → after. These pin the event of each successful domain operation, so that
// dropping or garbling the success audit (operation.ts) fails a test. The clock stays at the seed
// time (2026-03-10), so every date below is exact.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

// Not about permissions: a user holding every meta-role (DESIGN.md §1 matrix).
const demoUser = () => r.user(ALL);
const otherUser = () => r.user(ALL, "other");
const OTHER_NS = ["ns1.other-hosting.dk", "ns2.other-hosting.dk"];

let handles = 0;

/** A fresh active registrar-managed Demo domain: exDate 2027-03-10. */
async function demoDomain(prefix: string) {
  const name = freshName(prefix);
  const { domain } = await registerDomain(r.ctx(demoUser()), {
    name,
    registrant: "JCA1-DK",
    nameServers: OUT_OF_ZONE,
  });
  return { name, id: domain.id };
}

/** A fresh active domain of Other, for the operations that cross portfolios with a token. */
async function otherDomain(prefix: string) {
  const name = freshName(prefix);
  const { domain } = await registerDomain(r.ctx(otherUser()), {
    name,
    registrant: "OC1-DK",
    nameServers: OTHER_NS,
  });
  return { name, id: domain.id };
}

/** The one audit event written since the mark. */
async function onlyEventSince(mark: number) {
  const events = await r.prisma.auditEvent.findMany({
    where: { id: { gt: mark } },
    orderBy: { id: "asc" },
  });
  expect(events.map((e) => e.operation)).toHaveLength(1);
  return events[0]!;
}

/** Asserts every field of a successful operation's event. */
async function expectSuccessEvent(
  mark: number,
  expected: {
    operation: string;
    actor: Actor;
    accountId: string;
    objectId: string;
    objectLabel: string;
    before: unknown;
    after: unknown;
  },
) {
  const event = await onlyEventSince(mark);
  const actor = expected.actor;
  expect(event).toMatchObject({
    at: r.clock.now(),
    operation: expected.operation,
    outcome: "SUCCESS",
    errorCode: null,
    actorKind: actor.kind === "portal" ? "PORTAL" : "REGISTRANT",
    actorId: actor.kind === "portal" ? actor.userId : null,
    actorLabel: actor.label,
    ip: "ip" in actor ? actor.ip : null,
    accountId: expected.accountId,
    objectType: "Domain",
    objectId: expected.objectId,
    objectLabel: expected.objectLabel,
  });
  expect({ before: event.before, after: event.after }).toEqual({
    before: expected.before,
    after: expected.after,
  });
}

const ds = {
  keyTag: 12345,
  algorithm: 13,
  digestType: 2,
  digest: "2BB183AF5F22588179A53B0A98631FAD1A292118D2BB183AF5F22588179A53B0",
};

describe("the audit event of each successful domain operation", () => {
  it("R-REG-2 method 1: domain.register records the new domain, its terms and fee", async () => {
    const name = freshName("audit-reg");
    const actor = demoUser();
    const mark = await auditMark(r);
    const { domain } = await registerDomain(r.ctx(actor), {
      name,
      registrant: "JCA1-DK",
      nameServers: OUT_OF_ZONE,
      termsAcceptedAt: new Date("2026-03-09T12:00:00Z"),
    });
    await expectSuccessEvent(mark, {
      operation: "domain.register",
      actor,
      accountId: r.demoId,
      objectId: domain.id,
      objectLabel: name,
      before: null,
      after: { state: "ACTIVE", exDate: "2027-03-10", terms: "method-1", charged: 4_500 },
    });
  });

  it("R-REG-2 method 2: the application is audited as HELD, the registrant's acceptance as ACTIVE", async () => {
    handles += 1;
    await createLinkedHandle(r, `AUD${handles}-DK`, {
      accountId: r.demoId,
      termsAccepted: false,
      idControl: "NONE",
    });
    const name = freshName("audit-held");
    const actor = demoUser();
    let mark = await auditMark(r);
    const held = await registerDomain(r.ctx(actor), {
      name,
      registrant: `AUD${handles}-DK`,
      nameServers: OUT_OF_ZONE,
    });
    if (held.status !== "HELD") throw new Error(`expected a hold, got ${held.status}`);
    // held until 00:00 Copenhagen on the application's date + 4 (R-REG-2)
    const holdExpiresAt = expiryInstant("2026-03-14").toISOString();
    expect(held.holdExpiresAt.toISOString()).toBe(holdExpiresAt);
    await expectSuccessEvent(mark, {
      operation: "domain.register",
      actor,
      accountId: r.demoId,
      objectId: held.domain.id,
      objectLabel: name,
      before: null,
      after: { state: "HELD", holdExpiresAt },
    });

    mark = await auditMark(r);
    await acceptTerms(r.ctx(r.registrant), { token: held.termsLink.split("/").at(-1)! });
    await expectSuccessEvent(mark, {
      operation: "domain.acceptTerms",
      actor: r.registrant,
      accountId: r.demoId,
      objectId: held.domain.id,
      objectLabel: name,
      before: { state: "HELD" },
      after: { state: "ACTIVE", exDate: "2027-03-10", charged: 4_500 },
    });
  });

  it("R-REN-1 domain.renew records the old and new expiry date and the charge", async () => {
    const { name, id } = await demoDomain("audit-renew");
    const actor = demoUser();
    const mark = await auditMark(r);
    await renewDomain(r.ctx(actor), { name, curExpDate: "2027-03-10" });
    await expectSuccessEvent(mark, {
      operation: "domain.renew",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { exDate: "2027-03-10" },
      after: { exDate: "2028-03-10", charged: 4_500 },
    });
  });

  it("R-REN-3 domain.setRenewalPolicy records the policy before and after", async () => {
    const { name, id } = await demoDomain("audit-policy");
    const actor = demoUser();
    const mark = await auditMark(r);
    await setRenewalPolicy(r.ctx(actor), { name, renewalPolicy: "AUTO_EXPIRE" });
    await expectSuccessEvent(mark, {
      operation: "domain.setRenewalPolicy",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { renewalPolicy: "AUTO_RENEW" },
      after: { renewalPolicy: "AUTO_EXPIRE" },
    });
  });

  it("R-DEL-1 domain.cancel records the suspension and the end of redemption", async () => {
    const { name, id } = await demoDomain("audit-cancel");
    const actor = demoUser();
    const mark = await auditMark(r);
    await cancelDomain(r.ctx(actor), { name });
    await expectSuccessEvent(mark, {
      operation: "domain.cancel",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { state: "ACTIVE" },
      // 30 days of redemption from 2026-03-10: deleted at 00:00 local on 2026-04-09
      after: { state: "SUSPENDED", deleteAt: expiryInstant("2026-04-09").toISOString() },
    });
  });

  it("R-DEL-2 domain.restore records the state and expiry before and after, and the charge", async () => {
    const { name, id } = await demoDomain("audit-restore");
    const actor = demoUser();
    await cancelDomain(r.ctx(actor), { name });
    const mark = await auditMark(r);
    await restoreDomain(r.ctx(actor), { name });
    await expectSuccessEvent(mark, {
      operation: "domain.restore",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { state: "SUSPENDED", exDate: "2027-03-10" },
      after: { state: "ACTIVE", exDate: "2028-03-10", charged: 15_000 + 4_500 },
    });
  });

  it("R-TOK-3 domain.transfer is audited for the receiving account: registrar before and after", async () => {
    const { name, id } = await otherDomain("audit-transfer");
    const { token } = await issueTransferToken(r.ctx(otherUser()), { name });
    const actor = demoUser();
    const mark = await auditMark(r);
    await transferDomain(r.ctx(actor), { name, token });
    await expectSuccessEvent(mark, {
      operation: "domain.transfer",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { registrarId: r.otherId },
      after: {
        registrarId: r.demoId,
        charged: 4_500,
        nameServersMoved: 0,
        nameServersKept: 0,
        // OC1-DK registers Other's other domains too, so it stays linked to Other
        registrantHandleMoved: false,
      },
    });
  });

  it("R-NS-4 domain.setNameServers records the name servers before and after", async () => {
    const { name, id } = await demoDomain("audit-ns");
    const actor = demoUser();
    const next = [OUT_OF_ZONE[0]!, "ns.example-cloud.com"];
    const mark = await auditMark(r);
    await setNameServers(r.ctx(actor), { name, nameServers: next });
    await expectSuccessEvent(mark, {
      operation: "domain.setNameServers",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { nameServers: OUT_OF_ZONE },
      after: { nameServers: next, removedDsRecords: 0 },
    });
  });

  it("R-TOK-4 domain.redelegate is audited for the account using the token: name servers before and after", async () => {
    const { name, id } = await otherDomain("audit-redel");
    const { token } = await issueRedelegationToken(r.ctx(otherUser()), { name, role: "NSA" });
    const actor = demoUser();
    const mark = await auditMark(r);
    await redelegateDomain(r.ctx(actor), { name, token, nameServers: OUT_OF_ZONE });
    await expectSuccessEvent(mark, {
      operation: "domain.redelegate",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { nameServers: OTHER_NS },
      after: { nameServers: OUT_OF_ZONE, removedDsRecords: 0 },
    });
  });

  it("R-DS-1 dnssec.add records the count before and the records added; dnssec.remove the record removed", async () => {
    const { name, id } = await demoDomain("audit-ds");
    const actor = demoUser();
    let mark = await auditMark(r);
    await addDsRecord(r.ctx(actor), { name, records: [ds] });
    await expectSuccessEvent(mark, {
      operation: "dnssec.add",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { dsRecords: 0 },
      after: { added: [ds] },
    });

    mark = await auditMark(r);
    await removeDsRecord(r.ctx(actor), { name, record: ds });
    await expectSuccessEvent(mark, {
      operation: "dnssec.remove",
      actor,
      accountId: r.demoId,
      objectId: id,
      objectLabel: name,
      before: { removed: ds },
      after: null,
    });
  });
});
