import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ackMessages,
  countMessages,
  createRecordingSender,
  deliverOutbox,
  listMessages,
} from "@/lib/registry/messages";
import { defaultPolicy, dk2026Policy } from "@/lib/registry/policy";
import { setPolicy } from "@/lib/registry/policy-admin";
import { getPolicy } from "@/lib/registry/policy-store";
import { registerDomain } from "@/lib/registry/domains";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const nsa = () => r.ctx(r.user(["NSA"]));

describe("R-MSG-1 message queue", () => {
  it("R-MSG-1 lists the account's messages oldest first with a count; ack dequeues", async () => {
    const count = await countMessages(nsa());
    const list = await listMessages(nsa(), { limit: 100 });
    expect(list).toHaveLength(count);
    expect(list.map((m) => m.id)).toEqual([...list.map((m) => m.id)].sort((a, b) => a - b));
    expect(list.every((m) => m.createdAt.getTime() >= list[0]!.createdAt.getTime())).toBe(true);
    const first = list[0]!;
    expect(await ackMessages(nsa(), { ids: [first.id] })).toEqual({
      acknowledged: 1,
      remaining: count - 1,
    });
    expect((await listMessages(nsa()))[0]?.id).not.toBe(first.id);
    expect(await countMessages(nsa())).toBe(count - 1);
  });

  it("R-MSG-1 an asynchronous outcome (terms requested) is queued for the registrar with the link", async () => {
    const name = freshName("besked");
    const res = await registerDomain(r.ctx(r.user(["REGISTRAR"])), {
      name,
      registrant: "HH3-DK",
      nameServers: OUT_OF_ZONE,
    });
    const messages = await listMessages(nsa(), { limit: 100 });
    const m = messages.find((x) => x.domainName === name);
    expect(m?.type).toBe("REGISTRATION_TERMS_REQUESTED");
    expect(res.status === "HELD" && m?.message.includes(res.termsLink)).toBe(true);
  });

  it("R-MSG-1 acknowledging another registrar's message is refused (NOT_FOUND) and dequeues nothing", async () => {
    const otherMsg = await r.prisma.notification.findFirstOrThrow({
      where: { accountId: r.otherId, ackedAt: null },
    });
    await expectRefusal(r, () => ackMessages(nsa(), { ids: [otherMsg.id] }), "NOT_FOUND");
    expect(await countMessages(r.ctx(r.user(["NSA"], "other")))).toBeGreaterThan(0);
  });
});

describe("outbox", () => {
  it("delivers queued mail once through the sender and marks sentAt from the clock", async () => {
    const name = freshName("post");
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), {
      name,
      registrant: "HH3-DK",
      nameServers: OUT_OF_ZONE,
    });
    const sender = createRecordingSender();
    const first = await deliverOutbox(r.prisma, sender, r.clock);
    // other tests' mail may be queued too: all of it goes, this test's included
    expect(first.sent).toBe(sender.sent.length);
    expect(sender.sent.every((m) => m.to === "henrik@hansen.test")).toBe(true);
    expect(sender.sent.filter((m) => m.subject.includes(name))).toHaveLength(1);
    expect(await r.prisma.outboxMail.count({ where: { sentAt: null } })).toBe(0);
    const mine = await r.prisma.outboxMail.findFirstOrThrow({
      where: { subject: { contains: name } },
    });
    expect(mine).toMatchObject({ sentAt: r.clock.now(), attempts: 1 });
    expect(await deliverOutbox(r.prisma, sender, r.clock)).toEqual({ sent: 0, failed: 0 });
  });

  it("counts a failing send as an attempt and leaves the mail queued", async () => {
    // deliver what other tests queued first, so the failing run sees this test's mail alone
    await deliverOutbox(r.prisma, createRecordingSender(), r.clock);
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), {
      name: freshName("fejl"),
      registrant: "HH3-DK",
      nameServers: OUT_OF_ZONE,
    });
    const result = await deliverOutbox(
      r.prisma,
      { send: () => Promise.reject(new Error("smtp down")) },
      r.clock,
    );
    expect(result).toEqual({ sent: 0, failed: 1 });
    const mail = await r.prisma.outboxMail.findFirstOrThrow({ where: { sentAt: null } });
    expect(mail).toMatchObject({ attempts: 1, lastError: "Error: smtp down" });
  });
});

describe("policy", () => {
  it("reads the stored policy, falls back to the defaults without one, and the operator's change is audited", async () => {
    expect(await getPolicy(r.prisma)).toEqual(defaultPolicy);
    await setPolicy(r.ctx(r.operator), dk2026Policy);
    expect(await getPolicy(r.prisma)).toEqual(dk2026Policy);
    const audit = await r.prisma.auditEvent.findFirstOrThrow({
      where: { operation: "policy.set" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorKind: "OPERATOR" });
    await setPolicy(r.ctx(r.operator), defaultPolicy);
    await r.prisma.policy.delete({ where: { id: "current" } });
    expect(await getPolicy(r.prisma)).toEqual(defaultPolicy);
  });

  it("refuses an invalid policy (VALIDATION_FAILED) and a non-operator (NOT_AUTHORIZED)", async () => {
    await expectRefusal(
      r,
      () => setPolicy(r.ctx(r.operator), { ...defaultPolicy, lifespanCapYears: 0 }),
      "VALIDATION_FAILED",
    );
    await expectRefusal(
      r,
      () => setPolicy(r.ctx(r.user(["ADMINISTRATOR"])), dk2026Policy),
      "NOT_AUTHORIZED",
    );
  });
});
