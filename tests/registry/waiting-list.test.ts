import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAvailability } from "@/lib/registry/availability";
import { registerDomain } from "@/lib/registry/registration";
import {
  acceptOffer,
  declineOffer,
  expireOffers,
  joinWaitingList,
  startWaitingListOffer,
} from "@/lib/registry/waiting-list";
import {
  OUT_OF_ZONE,
  type Registry,
  expectRefusal,
  freshName,
  openRegistry,
  setBalance,
} from "./support";
import { CORE2_TABLES, notificationMark, notificationsSince } from "./core2-support";

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
