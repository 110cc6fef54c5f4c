import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAvailability, registerDomain } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { runRegistryLifecycle } from "@/lib/registry/lifecycle";
import { usesPostgres } from "@/tests/support/db";
import {
  acceptOffer,
  acceptTerms,
  declineOffer,
  expireOffers,
  joinWaitingList,
  refuseTerms,
  startWaitingListOffer,
} from "@/lib/registry/registrants";
import {
  OUT_OF_ZONE,
  type Registry,
  expectRefusal,
  freshName,
  openRegistry,
  setBalance,
} from "../support";
import {
  CORE2_TABLES,
  auditMark,
  createLinkedHandle,
  notificationMark,
  notificationsSince,
} from "../core2-support";

// R-REG-6: join, offer on deletion, only the token registers (except the holder's own
// registrant-managed registration), decline and expiry pass to the next entry, then the name is free.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.demoId, 100_000);
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const holder = () => r.ctx(r.registrant);
const join = (name: string, who: string, handle?: string) =>
  joinWaitingList(holder(), { name, holderName: who, holderEmail: `${who}@venter.test`, handle });

async function registerAndDelete(name: string) {
  await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
  const d = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
  await r.prisma.delegation.deleteMany({ where: { domainId: d.id } });
  await r.prisma.domain.update({
    where: { id: d.id },
    data: { state: "DELETED", liveName: null, deletedAt: r.clock.now() },
  });
}
const offerOn = (name: string) =>
  r.prisma.$transaction((tx) => startWaitingListOffer(tx, name, r.clock.now()));
const availability = async (name: string) =>
  (await checkAvailability(registrar(), { names: [name] }))[0];
const entryStates = async (name: string) =>
  (
    await r.prisma.waitingListEntry.findMany({ where: { name }, orderBy: { createdAt: "asc" } })
  ).map((e) => e.state);

describe("R-REG-6 waiting list", () => {
  it("R-REG-6 anyone joins a taken name's list; a free name, a registrar user and a bad email are refused", async () => {
    const name = "kaffebar-demo.dk";
    expect(await join(name, "anna")).toMatchObject({ name, position: 1 });
    r.clock.advance({ seconds: 1 });
    expect(await join(name, "bo")).toMatchObject({ position: 2 });
    await expectRefusal(r, () => join(name, "anna"), "CONFLICT", CORE2_TABLES);
    await expectRefusal(
      r,
      () => join(freshName("ledig"), "anna"),
      "WAITING_LIST_NAME_AVAILABLE",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => joinWaitingList(registrar(), { name, holderName: "x", holderEmail: "x@y.test" }),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () =>
        joinWaitingList(r.ctx(r.operator), { name, holderName: "x", holderEmail: "not-an-email" }),
      "VALIDATION_FAILED",
      CORE2_TABLES,
    );
  });

  it("R-REG-6 on deletion the first entry gets a 14-day offer with an 8-hex token; only the token registers", async () => {
    const name = freshName("venteliste");
    await registerAndDelete(name);
    expect(await offerOn(name)).toBeNull(); // nobody waits: the name is simply free
    expect(await availability(name)).toMatchObject({ available: true });
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await join(name, "carla");
    r.clock.advance({ seconds: 1 });
    await join(name, "dan");
    await r.prisma.domain.updateMany({
      where: { liveName: name },
      data: { state: "DELETED", liveName: null },
    });
    const offer = await offerOn(name);
    expect(offer!.token).toMatch(/^[0-9a-f]{8}$/);
    expect(offer!.expiresAt.getTime() - r.clock.now().getTime()).toBe(14 * 86_400_000);
    const mail = await r.prisma.outboxMail.findFirstOrThrow({
      where: { kind: "WAITING_LIST_OFFER", to: "carla@venter.test" },
    });
    expect(mail.body).toContain(offer!.token);
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
    const base = { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE };
    await expectRefusal(
      r,
      () => registerDomain(registrar(), base),
      "DOMAIN_NOT_AVAILABLE",
      CORE2_TABLES,
    );
    const wrong = offer!.token.slice(0, 7) + (offer!.token.endsWith("0") ? "1" : "0");
    await expectRefusal(
      r,
      () => registerDomain(registrar(), { ...base, authorizationCode: wrong }),
      "TOKEN_INVALID",
      CORE2_TABLES,
    );
    const done = await registerDomain(registrar(), {
      ...base,
      authorizationCode: ` ${offer!.token.toUpperCase()} `,
    });
    expect(done.status).toBe("ACTIVE");
    expect(await entryStates(name)).toEqual(["REGISTERED", "WAITING"]);
    expect(
      (await r.prisma.waitingListOffer.findUniqueOrThrow({ where: { id: offer!.offerId } })).state,
    ).toBe("USED");
  });

  it("R-REG-6 a declined offer passes on; the holder's own registrant-managed registration needs no token", async () => {
    const name = freshName("afslag");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await join(name, "erik");
    r.clock.advance({ seconds: 1 });
    await join(name, "soren", "SS4-DK");
    await r.prisma.domain.updateMany({
      where: { liveName: name },
      data: { state: "DELETED", liveName: null },
    });
    const first = await offerOn(name);
    const mark = await notificationMark(r);
    const declined = await declineOffer(holder(), { link: first!.link.split("/").at(-1)! });
    expect(declined).toMatchObject({ state: "DECLINED", passedOn: true });
    await expectRefusal(
      r,
      () => declineOffer(holder(), { link: first!.link.split("/").at(-1)! }),
      "TOKEN_ALREADY_USED",
      CORE2_TABLES,
    );
    const mail = await r.prisma.outboxMail.findFirstOrThrow({
      where: { kind: "WAITING_LIST_OFFER", to: "soren@venter.test" },
    });
    expect(mail.body).toMatch(/authorization code [0-9a-f]{8}/);
    // SS4-DK is linked to Demo, so Demo hears of the offer to its customer
    expect((await notificationsSince(r, r.demoId, mark)).map((n) => n.type)).toEqual([
      "WAITING_LIST_OFFERED",
    ]);
    // registrar-managed to the holder's handle is not the exception: refused as offered
    await expectRefusal(
      r,
      () => registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE }),
      "DOMAIN_NOT_AVAILABLE",
      CORE2_TABLES,
    );
    const own = await registerDomain(registrar(), {
      name,
      managementModel: "registrant",
      registrant: "SS4-DK",
      payer: "SS4-DK",
      nameServers: OUT_OF_ZONE,
    });
    expect(own.status).toBe("ACTIVE");
    expect(await entryStates(name)).toEqual(["PASSED", "REGISTERED"]);
  });

  it("R-REG-6 an accepted offer stays reserved; expiry passes to the next entry, and with none left the name is free", async () => {
    const name = freshName("udloeb");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await join(name, "frida");
    r.clock.advance({ seconds: 1 });
    await join(name, "gustav");
    await r.prisma.domain.updateMany({
      where: { liveName: name },
      data: { state: "DELETED", liveName: null },
    });
    const first = await offerOn(name);
    await acceptOffer(holder(), { link: first!.link.split("/").at(-1)! });
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
    r.clock.advance({ days: 14 });
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), {
          name,
          registrant: "JCA1-DK",
          nameServers: OUT_OF_ZONE,
          authorizationCode: first!.token,
        }),
      "TOKEN_EXPIRED",
      CORE2_TABLES,
    );
    expect(await expireOffers(r.prisma, r.clock.now())).toBe(1);
    expect(await entryStates(name)).toEqual(["PASSED", "OFFERED"]);
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
    r.clock.advance({ days: 14 });
    expect(await expireOffers(r.prisma, r.clock.now())).toBe(1);
    expect(await expireOffers(r.prisma, r.clock.now())).toBe(0);
    expect(await entryStates(name)).toEqual(["PASSED", "PASSED"]);
    expect(await availability(name)).toMatchObject({ available: true });
  });
});

describe("R-REG-6 an offer used through a method-2 hold", () => {
  let handles = 0;
  /** A name offered to the given holders in turn (the first holds the open offer). */
  async function offered(prefix: string, holders: string[]) {
    const name = freshName(prefix);
    await setBalance(r, r.demoId, 100_000);
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    for (const who of holders) {
      await join(name, who);
      r.clock.advance({ seconds: 1 });
    }
    await r.prisma.domain.updateMany({
      where: { liveName: name },
      data: { state: "DELETED", liveName: null },
    });
    return { name, offer: (await offerOn(name))! };
  }
  /** Method 2 with the offer's code: a registrant who has not accepted the terms. */
  async function holdWithCode(name: string, code: string) {
    handles += 1;
    const registrant = await createLinkedHandle(r, `VLH${handles}${Date.now() % 1000}-DK`, {
      accountId: r.demoId,
      termsAccepted: false,
      idControl: "NONE",
    });
    const res = await registerDomain(registrar(), {
      name,
      registrant: registrant.handle,
      nameServers: OUT_OF_ZONE,
      authorizationCode: code,
    });
    if (res.status !== "HELD") throw new Error("expected a method-2 hold");
    const hold = await r.prisma.registrationHold.findUniqueOrThrow({
      where: { domainId: res.domain.id },
    });
    return { res, hold, token: res.termsLink.split("/").at(-1)! };
  }
  const offerState = async (id: string) =>
    (await r.prisma.waitingListOffer.findUniqueOrThrow({ where: { id } })).state;
  const lastAudit = async (mark: number) =>
    (await r.prisma.auditEvent.findMany({ where: { id: { gt: mark } }, orderBy: { id: "asc" } }))
      .map((a) => ({ operation: a.operation, outcome: a.outcome, after: a.after }))
      .at(-1);

  it("R-REG-6 a method-2 hold made with the code keeps the offer reserved; the registrant's acceptance uses it up", async () => {
    const { name, offer } = await offered("reserveret", ["hanne"]);
    const mark = await auditMark(r);
    const { hold, token } = await holdWithCode(name, offer.token);
    expect(hold.offerId).toBe(offer.offerId);
    expect(await offerState(offer.offerId)).toBe("OPEN");
    expect(await entryStates(name)).toEqual(["OFFERED"]);
    expect(await lastAudit(mark)).toMatchObject({
      operation: "domain.register",
      outcome: "SUCCESS",
      after: { state: "HELD", offerId: offer.offerId },
    });
    expect(await availability(name)).toMatchObject({ available: false, reason: "HELD" });
    // the holder cannot decline an offer a pending registration is using
    await expectRefusal(
      r,
      () => declineOffer(holder(), { link: offer.link.split("/").at(-1)! }),
      "TOKEN_ALREADY_USED",
      CORE2_TABLES,
    );
    const accepted = await acceptTerms(r.ctx(r.registrant), { token });
    expect(accepted.state).toBe("ACTIVE");
    expect(await offerState(offer.offerId)).toBe("USED");
    expect(await entryStates(name)).toEqual(["REGISTERED"]);
    expect(await availability(name)).toMatchObject({ available: false, reason: "REGISTERED" });
    // the used code is refused as used, not as unknown
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), {
          name,
          registrant: "JCA1-DK",
          nameServers: OUT_OF_ZONE,
          authorizationCode: offer.token,
        }),
      "TOKEN_ALREADY_USED",
      CORE2_TABLES,
    );
  });

  it("R-REG-6 the registrant refuses: the offer goes on within its lifetime and the code registers with method 1", async () => {
    const { name, offer } = await offered("afvist-tilbud", ["ida"]);
    const { token } = await holdWithCode(name, offer.token);
    const mark = await auditMark(r);
    await refuseTerms(r.ctx(r.registrant), { token });
    expect(await lastAudit(mark)).toMatchObject({
      operation: "domain.refuseTerms",
      after: { hold: "REFUSED", waitingListOffer: { offer: "OPEN" } },
    });
    expect(await offerState(offer.offerId)).toBe("OPEN");
    expect(await entryStates(name)).toEqual(["OFFERED"]);
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
    await expectRefusal(
      r,
      () => registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE }),
      "DOMAIN_NOT_AVAILABLE",
      CORE2_TABLES,
    );
    // method 1 (JCA1-DK has accepted the terms) with the code: created, the offer used at once
    const done = await registerDomain(registrar(), {
      name,
      registrant: "JCA1-DK",
      nameServers: OUT_OF_ZONE,
      authorizationCode: offer.token,
    });
    expect(done.status).toBe("ACTIVE");
    expect(await offerState(offer.offerId)).toBe("USED");
    expect(await entryStates(name)).toEqual(["REGISTERED"]);
  });

  it("R-REG-6 declined for insufficient funds: the offer goes on within its lifetime", async () => {
    const { name, offer } = await offered("ingen-penge-tilbud", ["jens"]);
    const { token } = await holdWithCode(name, offer.token);
    await setBalance(r, r.demoId, 100);
    const error = await acceptTerms(r.ctx(r.registrant), { token }).catch((e: unknown) => e);
    expect(isRegistryError(error, "INSUFFICIENT_FUNDS")).toBe(true);
    await setBalance(r, r.demoId, 100_000);
    const note = await r.prisma.notification.findFirstOrThrow({
      where: { domainName: name, type: "REGISTRATION_DECLINED_FUNDS" },
    });
    expect(note.message).toContain("the name stays reserved for its waiting-list offer");
    expect(await offerState(offer.offerId)).toBe("OPEN");
    expect(await entryStates(name)).toEqual(["OFFERED"]);
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
  });

  it("R-REG-6 silence: when the hold lapses the offer goes on within its lifetime", async () => {
    const { name, offer } = await offered("stille-tilbud", ["kim"]);
    const { hold } = await holdWithCode(name, offer.token);
    r.clock.set(hold.expiresAt);
    const summary = await runRegistryLifecycle(r.prisma, r.clock.now());
    expect(summary.holdsExpired).toBeGreaterThanOrEqual(1);
    expect(
      (await r.prisma.registrationHold.findUniqueOrThrow({ where: { id: hold.id } })).state,
    ).toBe("EXPIRED");
    expect(await offerState(offer.offerId)).toBe("OPEN");
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
    const note = await r.prisma.notification.findFirstOrThrow({
      where: { domainName: name, type: "REGISTRATION_TERMS_EXPIRED" },
    });
    expect(note.message).toContain("the name goes back to its waiting-list offer");
  });

  it("R-REG-6 an offer whose lifetime ends during a pending hold is kept by it; refused, it passes to the next entry", async () => {
    const { name, offer } = await offered("kant-tilbud", ["lone", "mads"]);
    r.clock.advance({ days: 13 });
    const { hold, token } = await holdWithCode(name, offer.token);
    expect(hold.expiresAt.getTime()).toBeGreaterThan(offer.expiresAt.getTime());
    r.clock.set(offer.expiresAt);
    // the expiry job leaves the reserved offer to the hold (other tests' offers may expire)
    await expireOffers(r.prisma, r.clock.now());
    expect(await offerState(offer.offerId)).toBe("OPEN");
    expect(await availability(name)).toMatchObject({ available: false, reason: "HELD" });
    r.clock.advance({ days: 1 });
    const mark = await auditMark(r);
    await refuseTerms(r.ctx(r.registrant), { token });
    expect(await offerState(offer.offerId)).toBe("EXPIRED");
    expect(await entryStates(name)).toEqual(["PASSED", "OFFERED"]);
    const mail = await r.prisma.outboxMail.findFirstOrThrow({
      where: { kind: "WAITING_LIST_OFFER", to: "mads@venter.test", subject: { contains: name } },
    });
    expect(mail.body).toMatch(/authorization code [0-9a-f]{8}/);
    expect(await availability(name)).toMatchObject({ available: false, reason: "OFFERED" });
    const audits = await r.prisma.auditEvent.findMany({ where: { id: { gt: mark } } });
    expect(audits.map((a) => a.operation).sort()).toEqual([
      "domain.refuseTerms",
      "waitingList.offer",
      "waitingList.offerExpired",
    ]);
  });

  it("R-REG-6 an offer whose lifetime ends during a pending hold: the registrant still accepts and uses it up", async () => {
    const { name, offer } = await offered("sen-accept", ["nina"]);
    r.clock.advance({ days: 13 });
    const { token } = await holdWithCode(name, offer.token);
    r.clock.set(offer.expiresAt);
    r.clock.advance({ days: 1 });
    await expireOffers(r.prisma, r.clock.now());
    expect(await offerState(offer.offerId)).toBe("OPEN");
    const accepted = await acceptTerms(r.ctx(r.registrant), { token });
    expect(accepted.state).toBe("ACTIVE");
    expect(await offerState(offer.offerId)).toBe("USED");
    expect(await entryStates(name)).toEqual(["REGISTERED"]);
  });

  it("R-REG-6 an offer whose lifetime ended during a hold that lapses passes on in the same lifecycle run; none left, the name is free", async () => {
    const { name, offer } = await offered("kant-stille", ["ole"]);
    r.clock.advance({ days: 13 });
    const { hold } = await holdWithCode(name, offer.token);
    r.clock.set(hold.expiresAt);
    await runRegistryLifecycle(r.prisma, r.clock.now());
    expect(
      (await r.prisma.registrationHold.findUniqueOrThrow({ where: { id: hold.id } })).state,
    ).toBe("EXPIRED");
    expect(await offerState(offer.offerId)).toBe("EXPIRED");
    expect(await entryStates(name)).toEqual(["PASSED"]);
    expect(await availability(name)).toMatchObject({ available: true });
  });
});

describe.skipIf(!usesPostgres)("R-REG-6 concurrency (needs PostgreSQL)", () => {
  it("R-REG-6 ten concurrent method-2 registrations with one code: exactly one hold keeps the offer, needs PostgreSQL", async () => {
    const name = freshName("samtidig");
    await setBalance(r, r.demoId, 100_000);
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await join(name, "petra");
    await r.prisma.domain.updateMany({
      where: { liveName: name },
      data: { state: "DELETED", liveName: null },
    });
    const offer = (await offerOn(name))!;
    const registrant = await createLinkedHandle(r, `VLC${Date.now() % 10_000}-DK`, {
      accountId: r.demoId,
      termsAccepted: false,
      idControl: "NONE",
    });
    const actor = r.user(["REGISTRAR"]);
    const input = {
      name,
      registrant: registrant.handle,
      nameServers: OUT_OF_ZONE,
      authorizationCode: offer.token,
    };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        registerDomain({ db: r.db.newClient(), clock: r.clock, actor }, input),
      ),
    );
    const held = results.filter((x) => x.status === "fulfilled");
    expect(held.map((x) => x.value.status)).toEqual(["HELD"]);
    for (const x of results) {
      if (x.status === "rejected")
        expect(isRegistryError(x.reason, "DOMAIN_NOT_AVAILABLE")).toBe(true);
    }
    expect(
      await r.prisma.registrationHold.count({
        where: { offerId: offer.offerId, state: "PENDING" },
      }),
    ).toBe(1);
    expect(
      (await r.prisma.waitingListOffer.findUniqueOrThrow({ where: { id: offer.offerId } })).state,
    ).toBe("OPEN");
    expect(await entryStates(name)).toEqual(["OFFERED"]);
  });
});
