import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptRegistrantChangeTerms,
  cancelRegistrantChange,
  getRegistrantChange,
  registrantChangeFee,
  requestRegistrantChange,
} from "@/lib/registry/registrants";
import { type Registry, expectRefusal, ledgerSum, openRegistry, setBalance } from "../support";
import { createLinkedHandle } from "../core2-support";

// Issue 16: a change of registrant as its page shows it (R-CHG-2/3: the steps with their
// deadlines) and the registrar's "Cancel request".

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.demoId, 100_000);
});
afterAll(async () => r?.close());

const proxy = () => r.ctx(r.user(["PROXY"]));
let n = 0;
async function newHandle(idControl: "NONE" | "REQUIRED" = "NONE") {
  n += 1;
  return (await createLinkedHandle(r, `RQ${n}-DK`, { accountId: r.demoId, termsAccepted: false, idControl })).handle;
}
const secondsAgo = (s: number) => String(Math.floor(r.clock.now().getTime() / 1000) - s);

describe("R-CHG-3 the request's steps", () => {
  it("R-CHG-3 a pending request: terms requested, acceptance awaited until its deadline, ID control and the change to come", async () => {
    const to = await newHandle();
    const asked = await requestRegistrantChange(proxy(), { name: "boghandel-demo.dk", newRegistrant: to });
    expect(asked.state).toBe("TERMS_REQUESTED");
    const view = await getRegistrantChange(proxy(), { name: "boghandel-demo.dk" });
    expect(view.domain).toEqual({ name: "boghandel-demo.dk", uLabel: "boghandel-demo.dk" });
    expect(view.request).toMatchObject({ id: asked.requestId, state: "TERMS_REQUESTED", pending: true, to: { handle: to } });
    const row = await r.prisma.registrantChangeRequest.findUniqueOrThrow({ where: { id: asked.requestId } });
    expect(view.request!.steps).toEqual([
      { step: "termsRequested", status: "done", at: row.termsRequestedAt, deadline: null },
      { step: "termsAccepted", status: "current", at: null, deadline: row.termsExpiresAt },
      { step: "idControl", status: "upcoming", at: null, deadline: null },
      { step: "outcome", status: "upcoming", at: null, deadline: null },
    ]);
    await cancelRegistrantChange(proxy(), { name: "boghandel-demo.dk" });
  });

  it("R-CHG-2 an immediate change (order confirmation): the terms and ID control were not needed, the change is done", async () => {
    const to = await newHandle();
    await requestRegistrantChange(proxy(), { name: "cykelsmed-demo.dk", newRegistrant: to, orderConfirmation: secondsAgo(60) });
    const { request } = await getRegistrantChange(proxy(), { name: "cykelsmed-demo.dk" });
    expect(request!.state).toBe("COMPLETED");
    expect(request!.steps.map((s) => [s.step, s.status])).toEqual([
      ["termsRequested", "skipped"],
      ["termsAccepted", "skipped"],
      ["idControl", "skipped"],
      ["outcome", "done"],
    ]);
  });

  it("R-CHG-3 terms accepted, then ID control awaited until its deadline", async () => {
    const to = await newHandle("REQUIRED");
    const asked = await requestRegistrantChange(proxy(), { name: "blomster-demo.dk", newRegistrant: to });
    r.clock.advance({ hours: 2 });
    await acceptRegistrantChangeTerms(r.ctx(r.registrant), { token: asked.termsLink!.split("/").at(-1)! });
    const { request } = await getRegistrantChange(proxy(), { name: "blomster-demo.dk" });
    const row = await r.prisma.registrantChangeRequest.findUniqueOrThrow({ where: { id: asked.requestId } });
    expect(request!.state).toBe("ID_CONTROL_REQUESTED");
    expect(request!.steps.map((s) => [s.step, s.status])).toEqual([
      ["termsRequested", "done"],
      ["termsAccepted", "done"],
      ["idControl", "current"],
      ["outcome", "upcoming"],
    ]);
    expect(request!.steps[1]!.at).toEqual(row.idControlRequestedAt);
    expect(request!.steps[2]!.deadline).toEqual(row.idControlExpiresAt);
    await cancelRegistrantChange(proxy(), { name: "blomster-demo.dk" });
  });

  it("R-CHG-3 a domain without any request has none; another registrar's domain is NOT_FOUND; only the Proxy reads it", async () => {
    expect((await getRegistrantChange(proxy(), { name: "advokat-demo.dk" })).request).toBeNull();
    await expect(getRegistrantChange(r.ctx(r.user(["PROXY"], "other")), { name: "advokat-demo.dk" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRegistrantChange(r.ctx(r.user(["REGISTRAR", "PAYER", "NSA"])), { name: "advokat-demo.dk" })).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    expect(await registrantChangeFee(proxy())).toBe(5_000);
  });
});

describe("R-CHG-3 Cancel request", () => {
  it("R-CHG-3 cancels a pending request: nothing billed, the terms link stops working, a second cancel is refused", async () => {
    const to = await newHandle();
    const asked = await requestRegistrantChange(proxy(), { name: "revision-demo.dk", newRegistrant: to });
    const ledger = await ledgerSum(r, r.demoId);
    await expect(cancelRegistrantChange(proxy(), { name: "revision-demo.dk" })).resolves.toEqual({
      requestId: asked.requestId,
      state: "CANCELLED",
    });
    expect(await ledgerSum(r, r.demoId)).toBe(ledger);
    const { request } = await getRegistrantChange(proxy(), { name: "revision-demo.dk" });
    expect(request).toMatchObject({ state: "CANCELLED", pending: false });
    expect(request!.steps.map((s) => [s.step, s.status])).toEqual([
      ["termsRequested", "done"],
      ["termsAccepted", "notReached"],
      ["idControl", "notReached"],
      ["outcome", "failed"],
    ]);
    await expect(
      acceptRegistrantChangeTerms(r.ctx(r.registrant), { token: asked.termsLink!.split("/").at(-1)! }),
    ).rejects.toMatchObject({ code: "TOKEN_ALREADY_USED" });
    await expectRefusal(r, () => cancelRegistrantChange(proxy(), { name: "revision-demo.dk" }), "REGISTRANT_CHANGE_NOT_PENDING");
    // and a new change may be asked for again
    await expect(requestRegistrantChange(proxy(), { name: "revision-demo.dk", newRegistrant: to })).resolves.toMatchObject({ state: "TERMS_REQUESTED" });
    await cancelRegistrantChange(proxy(), { name: "revision-demo.dk" });
  });

  it("R-CHG-3 Other Registrar cannot cancel Demo's request (NOT_FOUND), nor a Demo user without the Proxy role", async () => {
    const to = await newHandle();
    await requestRegistrantChange(proxy(), { name: "tomrer-demo.dk", newRegistrant: to });
    await expectRefusal(r, () => cancelRegistrantChange(r.ctx(r.user(["PROXY"], "other")), { name: "tomrer-demo.dk" }), "NOT_FOUND");
    await expectRefusal(r, () => cancelRegistrantChange(r.ctx(r.user(["REGISTRAR"])), { name: "tomrer-demo.dk" }), "NOT_AUTHORIZED");
    await cancelRegistrantChange(proxy(), { name: "tomrer-demo.dk" });
  });
});
