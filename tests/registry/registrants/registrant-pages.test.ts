import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerDomain } from "@/lib/registry/domains";
import {
  acceptOffer,
  checkRegistrantRate,
  declineRegistrantChangeTerms,
  getRegistrantChangeTermsRequest,
  getTermsRequest,
  getWaitingListOffer,
  joinWaitingList,
  recordRegistrantAttempt,
  refuseTerms,
  requestRegistrantChange,
  startWaitingListOffer,
} from "@/lib/registry/registrants";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry, setBalance } from "../support";
import { CORE2_TABLES, createLinkedHandle } from "../core2-support";

// Issue 16, the registrants' pages under /r/: what each shows, the change of registrant's
// "Decline", the offer accepted with its code, and the per-address limit.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.demoId, 100_000);
});
afterAll(async () => r?.close());

const registrant = () => r.ctx(r.registrant);
const tokenOf = (link: string) => link.split("/").pop()!;

describe("issue 16: the registrants' pages", () => {
  it("R-REG-2 the terms page shows the held registration; an answered link is TOKEN_ALREADY_USED, an unknown one TOKEN_INVALID", async () => {
    const name = freshName("vilkaar");
    const held = await registerDomain(r.ctx(r.user(["REGISTRAR"])), {
      name,
      registrant: "HH3-DK",
      nameServers: OUT_OF_ZONE,
    });
    if (held.status !== "HELD") throw new Error("expected a hold");
    const token = tokenOf(held.termsLink);
    expect(await getTermsRequest(registrant(), { token })).toMatchObject({
      domain: name,
      registrar: "Demo Registrar A/S",
      registrant: "HH3-DK",
      periodYears: 1,
    });
    await expect(getTermsRequest(r.ctx(r.user(["REGISTRAR"])), { token })).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
    await refuseTerms(registrant(), { token });
    await expect(getTermsRequest(registrant(), { token })).rejects.toMatchObject({ code: "TOKEN_ALREADY_USED" });
    await expect(getTermsRequest(registrant(), { token: "0".repeat(32) })).rejects.toMatchObject({
      code: "TOKEN_INVALID",
    });
  });

  it("R-CHG-3 the new registrant sees the pending change and may decline it: TERMS_DECLINED, the registrar told, nothing billed", async () => {
    await createLinkedHandle(r, "RPD1-DK", { accountId: r.demoId, termsAccepted: false, idControl: "NONE" });
    const proxy = r.ctx(r.user(["PROXY"]));
    const res = await requestRegistrantChange(proxy, { name: "cykelsmed-demo.dk", newRegistrant: "RPD1-DK" });
    expect(res.state).toBe("TERMS_REQUESTED");
    const token = tokenOf(res.termsLink!);
    expect(await getRegistrantChangeTermsRequest(registrant(), { token })).toMatchObject({
      domain: "cykelsmed-demo.dk",
      registrar: "Demo Registrar A/S",
      newRegistrant: "RPD1-DK",
      newRegistrantName: "Person RPD1-DK",
    });
    const ledgerBefore = await r.prisma.ledgerEntry.count({ where: { accountId: r.demoId } });
    expect(await declineRegistrantChangeTerms(registrant(), { token })).toEqual({
      state: "TERMS_DECLINED",
      domain: "cykelsmed-demo.dk",
    });
    const request = await r.prisma.registrantChangeRequest.findUniqueOrThrow({ where: { id: res.requestId } });
    expect(request.state).toBe("TERMS_DECLINED");
    expect(await r.prisma.ledgerEntry.count({ where: { accountId: r.demoId } })).toBe(ledgerBefore);
    const message = await r.prisma.notification.findFirst({
      where: { accountId: r.demoId, type: "REGISTRANT_CHANGE_TERMS_DECLINED", domainName: "cykelsmed-demo.dk" },
    });
    expect(message?.message).toContain("RPD1-DK");
    const domain = await r.prisma.domain.findFirstOrThrow({
      where: { liveName: "cykelsmed-demo.dk" },
      include: { registrant: true },
    });
    expect(domain.registrant.handle).not.toBe("RPD1-DK");
    await expectRefusal(r, () => declineRegistrantChangeTerms(registrant(), { token }), "TOKEN_ALREADY_USED", CORE2_TABLES);
    await expect(getRegistrantChangeTermsRequest(registrant(), { token })).rejects.toMatchObject({
      code: "TOKEN_ALREADY_USED",
    });
  });

  it("R-REG-6 the offer page shows the open offer; accepting asks for its code, a wrong one is refused at the field", async () => {
    const name = freshName("tilbud");
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await joinWaitingList(registrant(), { name, holderName: "Olga", holderEmail: "olga@venter.test" });
    const d = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
    await r.prisma.delegation.deleteMany({ where: { domainId: d.id } });
    await r.prisma.domain.update({ where: { id: d.id }, data: { state: "DELETED", liveName: null } });
    const offer = await r.prisma.$transaction((tx) => startWaitingListOffer(tx, name, r.clock.now()));
    const link = tokenOf(offer!.link);
    expect(await getWaitingListOffer(registrant(), { link })).toMatchObject({ name, holderName: "Olga" });
    const wrong = offer!.token.endsWith("0") ? `${offer!.token.slice(0, 7)}1` : `${offer!.token.slice(0, 7)}0`;
    for (const code of [wrong, "not-hex"]) {
      const error = await acceptOffer(registrant(), { link, code }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "TOKEN_INVALID", details: { field: "authorizationCode" } });
    }
    expect(await acceptOffer(registrant(), { link, code: offer!.token.toUpperCase() })).toMatchObject({
      name,
      state: "ACCEPTED",
    });
    await expect(getWaitingListOffer(registrant(), { link })).rejects.toMatchObject({ code: "TOKEN_ALREADY_USED" });
  });

  it("issue 16: an address is limited after 20 attempts in 15 minutes, until the oldest leaves the window", async () => {
    const ctx = r.ctx({ kind: "registrant", ip: "198.51.100.77", label: "registrant" });
    const other = r.ctx({ kind: "registrant", ip: "198.51.100.78", label: "registrant" });
    const start = r.clock.now();
    for (let i = 0; i < 20; i++) {
      expect(await checkRegistrantRate(ctx)).toEqual({ limited: false });
      await recordRegistrantAttempt(ctx);
      r.clock.advance({ seconds: 10 });
    }
    const rate = await checkRegistrantRate(ctx);
    expect(rate).toMatchObject({ limited: true, minutes: 12 });
    if (rate.limited) expect(rate.retryAt.getTime()).toBe(start.getTime() + 15 * 60_000);
    expect(await checkRegistrantRate(other)).toEqual({ limited: false });
    r.clock.advance({ minutes: 12 });
    expect(await checkRegistrantRate(ctx)).toEqual({ limited: false });
    await expect(checkRegistrantRate(r.ctx(r.user(["REGISTRAR"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });
});
