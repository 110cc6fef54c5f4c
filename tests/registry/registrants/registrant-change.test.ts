import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPolicy, dk2026Policy } from "@/lib/registry/policy";
import { addLocalDays } from "@/lib/registry/rules";
import { setPolicy } from "@/lib/registry/policy-admin";
import {
  acceptRegistrantChangeTerms,
  decideIdControl,
  expireRegistrantChangeRequests,
  requestRegistrantChange,
} from "@/lib/registry/registrants";
import { issueTransferToken } from "@/lib/registry/tokens";
import {
  type Registry,
  balanceOf,
  expectRefusal,
  ledgerSum,
  openRegistry,
  setBalance,
} from "../support";
import {
  CORE2_TABLES,
  createLinkedHandle,
  notificationMark,
  notificationsSince,
} from "../core2-support";

// R-CHG-1…3: every path of the change-of-registrant state machine, the notification at each step,
// and the fee billed only on success. Each test uses its own domain and its own new registrant,
// ends every request it opens, and so passes alone and in any order.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.demoId, 100_000);
});
afterAll(async () => r?.close());

// The Proxy changes registrants and issues transfer tokens (DESIGN.md §1).
const proxy = () => r.ctx(r.user(["PROXY"]));
let handles = 0;
/** A new registrar-managed handle linked to Demo, in the given terms and ID-control state. */
async function newRegistrant(options: {
  termsAccepted: boolean;
  idControl: "NONE" | "REQUIRED" | "REJECTED";
}): Promise<string> {
  handles += 1;
  const { handle, id } = await createLinkedHandle(r, `RC${handles}-DK`, {
    accountId: r.demoId,
    termsAccepted: options.termsAccepted,
    idControl: options.idControl === "REJECTED" ? "REQUIRED" : options.idControl,
  });
  if (options.idControl === "REJECTED") {
    await r.prisma.handle.update({ where: { id }, data: { idControl: "REJECTED" } });
  }
  return handle;
}
const confirmedHourAgo = () => String(Math.floor(r.clock.now().getTime() / 1000) - 3600);
const registrantOf = async (name: string) =>
  (
    await r.prisma.domain.findUniqueOrThrow({
      where: { liveName: name },
      include: { registrant: true },
    })
  ).registrant.handle;
const linkFrom = (link: string | undefined) => link!.split("/").at(-1)!;
const changeFees = () =>
  r.prisma.ledgerEntry.count({ where: { accountId: r.demoId, operation: "REGISTRANT_CHANGE" } });

/** Runs `fn` and returns the notification types it queued for Demo. */
async function typesQueuedBy(fn: () => Promise<unknown>): Promise<string[]> {
  const mark = await notificationMark(r);
  await fn();
  return (await notificationsSince(r, r.demoId, mark)).map((n) => n.type);
}

describe("R-CHG-1 both registrants in the portfolio", () => {
  it("R-CHG-1 refuses a new registrant of another registrar (NOT_FOUND) and a registrant-managed domain", async () => {
    await expectRefusal(
      r,
      () => requestRegistrantChange(proxy(), { name: "bageriet-demo.dk", newRegistrant: "OC1-DK" }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () =>
        requestRegistrantChange(proxy(), {
          name: "sorensen-familie.dk",
          newRegistrant: "BF5-DK",
        }),
      "REGISTRANT_CHANGE_NOT_ALLOWED",
      CORE2_TABLES,
    );
  });

  it("R-CHG-1 refuses when the current registrant is no longer linked to the account", async () => {
    const jca = await r.prisma.handle.findUniqueOrThrow({ where: { handle: "JCA1-DK" } });
    await r.prisma.handle.update({ where: { id: jca.id }, data: { accountId: null } });
    try {
      await expectRefusal(
        r,
        () =>
          requestRegistrantChange(proxy(), {
            name: "elektriker-demo.dk",
            newRegistrant: "MN2-DK",
          }),
        "REGISTRANT_CHANGE_NOT_ALLOWED",
        CORE2_TABLES,
      );
    } finally {
      await r.prisma.handle.update({ where: { id: jca.id }, data: { accountId: r.demoId } });
    }
  });
});

describe("R-CHG-2 immediate change", () => {
  it("R-CHG-2 immediate when the new registrant accepted terms and needs no ID control: billed, tokens voided", async () => {
    const token = await issueTransferToken(proxy(), { name: "bageriet-demo.dk" });
    const balance = await balanceOf(r, r.demoId);
    let result: Awaited<ReturnType<typeof requestRegistrantChange>> | undefined;
    const types = await typesQueuedBy(async () => {
      result = await requestRegistrantChange(proxy(), {
        name: "bageriet-demo.dk",
        newRegistrant: "MN2-DK",
      });
    });
    expect(result).toMatchObject({ state: "COMPLETED", charged: 5_000 });
    expect(types).toEqual(["REGISTRANT_CHANGE_COMPLETED"]);
    expect(await registrantOf("bageriet-demo.dk")).toBe("MN2-DK");
    expect(await balanceOf(r, r.demoId)).toBe(balance - 5_000);
    expect(
      (await r.prisma.authToken.findUniqueOrThrow({ where: { id: token.id } })).retractedAt,
    ).not.toBeNull();
  });

  it("R-CHG-2 immediate with a valid order-confirmation token in place of terms, even into overdraft", async () => {
    const next = await newRegistrant({ termsAccepted: false, idControl: "NONE" });
    await setBalance(r, r.demoId, 0);
    try {
      const result = await requestRegistrantChange(proxy(), {
        name: "malerfirma-demo.dk",
        newRegistrant: next,
        orderConfirmation: confirmedHourAgo(),
      });
      expect(result).toMatchObject({ state: "COMPLETED", charged: 5_000 });
      expect(await registrantOf("malerfirma-demo.dk")).toBe(next);
      expect(await balanceOf(r, r.demoId)).toBe(-5_000);
      expect(await ledgerSum(r, r.demoId)).toBe(-5_000);
    } finally {
      await setBalance(r, r.demoId, 100_000);
    }
  });

  it("R-CHG-2 a valid token replaces the terms step only: ID control required → pending at ID control, no terms mail", async () => {
    const next = await newRegistrant({ termsAccepted: false, idControl: "REQUIRED" });
    const fees = await changeFees();
    const mails = await r.prisma.outboxMail.count();
    let result: Awaited<ReturnType<typeof requestRegistrantChange>> | undefined;
    const requested = await typesQueuedBy(async () => {
      result = await requestRegistrantChange(proxy(), {
        name: "vvs-service-demo.dk",
        newRegistrant: next,
        orderConfirmation: confirmedHourAgo(),
      });
    });
    expect(result).toEqual({
      requestId: result!.requestId,
      state: "ID_CONTROL_REQUESTED",
      charged: 0,
    });
    expect(requested).toEqual(["REGISTRANT_CHANGE_ID_CONTROL_REQUESTED"]);
    expect(await r.prisma.outboxMail.count()).toBe(mails);
    const request = await r.prisma.registrantChangeRequest.findUniqueOrThrow({
      where: { id: result!.requestId },
    });
    expect(request).toMatchObject({ state: "ID_CONTROL_REQUESTED", termsLinkHash: null });
    expect(await registrantOf("vvs-service-demo.dk")).toBe("KK6-DK");
    expect(await changeFees()).toBe(fees);

    const done = await typesQueuedBy(() =>
      decideIdControl(r.ctx(r.operator), result!.requestId, "passed"),
    );
    expect(done).toEqual(["REGISTRANT_CHANGE_COMPLETED"]);
    expect(await registrantOf("vvs-service-demo.dk")).toBe(next);
    expect(await changeFees()).toBe(fees + 1);
  });

  it("R-CHG-2 refuses a registrant whose ID control was rejected, with or without a valid token (REGISTRANT_CHANGE_NOT_ALLOWED)", async () => {
    const rejected = await newRegistrant({ termsAccepted: true, idControl: "REJECTED" });
    for (const orderConfirmation of [confirmedHourAgo(), null]) {
      await expectRefusal(
        r,
        () =>
          requestRegistrantChange(proxy(), {
            name: "cafe-hygge-demo.dk",
            newRegistrant: rejected,
            orderConfirmation,
          }),
        "REGISTRANT_CHANGE_NOT_ALLOWED",
        CORE2_TABLES,
      );
    }
    const error: unknown = await requestRegistrantChange(proxy(), {
      name: "cafe-hygge-demo.dk",
      newRegistrant: rejected,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "REGISTRANT_CHANGE_NOT_ALLOWED",
      message: expect.stringContaining(rejected),
      details: { reason: "ID_CONTROL_REJECTED" },
    });
  });

  it("R-CHG-2 refuses a stale order-confirmation token and, under the 2026 policy, none at all", async () => {
    const old = String(Math.floor(r.clock.now().getTime() / 1000) - 31 * 86_400);
    await expectRefusal(
      r,
      () =>
        requestRegistrantChange(proxy(), {
          name: "revision-demo.dk",
          newRegistrant: "JCA1-DK",
          orderConfirmation: old,
        }),
      "ORDER_CONFIRMATION_INVALID",
      CORE2_TABLES,
    );
    await setPolicy(r.ctx(r.operator), dk2026Policy);
    try {
      await expectRefusal(
        r,
        () =>
          requestRegistrantChange(proxy(), {
            name: "revision-demo.dk",
            newRegistrant: "JCA1-DK",
          }),
        "ORDER_CONFIRMATION_REQUIRED",
        CORE2_TABLES,
      );
    } finally {
      await setPolicy(r.ctx(r.operator), defaultPolicy);
    }
  });
});

describe("R-CHG-3 pending requests", () => {
  it("R-CHG-3 terms requested by mail, then accepted: success, billed once", async () => {
    const fees = await changeFees();
    let result: Awaited<ReturnType<typeof requestRegistrantChange>> | undefined;
    const requested = await typesQueuedBy(async () => {
      result = await requestRegistrantChange(proxy(), {
        name: "boghandel-demo.dk",
        newRegistrant: "KK6-DK",
      });
    });
    expect(result).toMatchObject({ state: "TERMS_REQUESTED", charged: 0 });
    expect(requested).toEqual(["REGISTRANT_CHANGE_TERMS_REQUESTED"]);
    const mail = await r.prisma.outboxMail.findFirstOrThrow({
      where: { kind: "REGISTRANT_CHANGE_TERMS_REQUEST", body: { contains: result!.termsLink } },
    });
    expect(mail.to).toBe("it@kulturhus.test");
    expect(await changeFees()).toBe(fees);
    await expectRefusal(
      r,
      () =>
        requestRegistrantChange(proxy(), {
          name: "boghandel-demo.dk",
          newRegistrant: "MN2-DK",
        }),
      "REGISTRANT_CHANGE_NOT_ALLOWED",
      CORE2_TABLES,
    );
    const done = await typesQueuedBy(() =>
      acceptRegistrantChangeTerms(r.ctx(r.registrant), { token: linkFrom(result!.termsLink) }),
    );
    expect(done).toEqual(["REGISTRANT_CHANGE_COMPLETED"]);
    expect(await registrantOf("boghandel-demo.dk")).toBe("KK6-DK");
    expect(await changeFees()).toBe(fees + 1);
    await expectRefusal(
      r,
      () =>
        acceptRegistrantChangeTerms(r.ctx(r.registrant), { token: linkFrom(result!.termsLink) }),
      "TOKEN_ALREADY_USED",
      CORE2_TABLES,
    );
  });

  it("R-CHG-3 terms expired after 14 days: refused at the link, expired by the lifecycle, not billed", async () => {
    const next = await newRegistrant({ termsAccepted: false, idControl: "NONE" });
    const fees = await changeFees();
    const result = await requestRegistrantChange(proxy(), {
      name: "tandlaegen-demo.dk",
      newRegistrant: next,
    });
    // 14 calendar days in Copenhagen: read the instant back (a DST change makes it 14 d ± 1 h).
    const at = (
      await r.prisma.registrantChangeRequest.findUniqueOrThrow({ where: { id: result.requestId } })
    ).termsExpiresAt!;
    expect(at).toEqual(addLocalDays(r.clock.now(), 14));
    expect(await expireRegistrantChangeRequests(r.prisma, new Date(at.getTime() - 1))).toBe(0);
    r.clock.set(at);
    await expectRefusal(
      r,
      () => acceptRegistrantChangeTerms(r.ctx(r.registrant), { token: linkFrom(result.termsLink) }),
      "TOKEN_EXPIRED",
      CORE2_TABLES,
    );
    const types = await typesQueuedBy(async () =>
      expect(await expireRegistrantChangeRequests(r.prisma, at)).toBe(1),
    );
    expect(types).toEqual(["REGISTRANT_CHANGE_TERMS_EXPIRED"]);
    expect(await expireRegistrantChangeRequests(r.prisma, at)).toBe(0);
    expect(await registrantOf("tandlaegen-demo.dk")).toBe("MN2-DK");
    expect(await changeFees()).toBe(fees);
  });

  it("R-CHG-3 terms accepted, then ID control rejected by the operator: not changed, not billed", async () => {
    const next = await newRegistrant({ termsAccepted: false, idControl: "REQUIRED" });
    const fees = await changeFees();
    const result = await requestRegistrantChange(proxy(), {
      name: "frisoer-demo.dk",
      newRegistrant: next,
    });
    expect(result.state).toBe("TERMS_REQUESTED");
    const idc = await typesQueuedBy(() =>
      acceptRegistrantChangeTerms(r.ctx(r.registrant), { token: linkFrom(result.termsLink) }),
    );
    expect(idc).toEqual(["REGISTRANT_CHANGE_ID_CONTROL_REQUESTED"]);
    await expectRefusal(
      r,
      () => decideIdControl(r.ctx(r.user(["REGISTRAR"])), result.requestId, "passed"),
      "NOT_AUTHORIZED",
      CORE2_TABLES,
    );
    const rejected = await typesQueuedBy(() =>
      decideIdControl(r.ctx(r.operator), result.requestId, "rejected"),
    );
    expect(rejected).toEqual(["REGISTRANT_CHANGE_ID_CONTROL_REJECTED"]);
    expect(await registrantOf("frisoer-demo.dk")).toBe("MN2-DK");
    expect(await changeFees()).toBe(fees);
    await expectRefusal(
      r,
      () => decideIdControl(r.ctx(r.operator), result.requestId, "passed"),
      "REGISTRANT_CHANGE_NOT_PENDING",
      CORE2_TABLES,
    );
  });

  it("R-CHG-3 terms accepted before but ID control required: straight to ID control (no terms mail); passed completes and bills it", async () => {
    const next = await newRegistrant({ termsAccepted: true, idControl: "REQUIRED" });
    const fees = await changeFees();
    const mails = await r.prisma.outboxMail.count();
    const result = await requestRegistrantChange(proxy(), {
      name: "cykelsmed-demo.dk",
      newRegistrant: next,
    });
    expect(result).toMatchObject({ state: "ID_CONTROL_REQUESTED", charged: 0 });
    expect(result.termsLink).toBeUndefined();
    expect(await r.prisma.outboxMail.count()).toBe(mails);
    const done = await typesQueuedBy(() =>
      decideIdControl(r.ctx(r.operator), result.requestId, "passed"),
    );
    expect(done).toEqual(["REGISTRANT_CHANGE_COMPLETED"]);
    expect(await registrantOf("cykelsmed-demo.dk")).toBe(next);
    expect(await changeFees()).toBe(fees + 1);
  });

  it("R-CHG-2 a registrant rejected in ID control while its terms are pending: accepting the terms ends the request, unchanged and unbilled", async () => {
    const next = await newRegistrant({ termsAccepted: false, idControl: "REQUIRED" });
    const fees = await changeFees();
    const pending = await requestRegistrantChange(proxy(), {
      name: "blomster-demo.dk",
      newRegistrant: next,
    });
    expect(pending.state).toBe("TERMS_REQUESTED");
    // Another change to the same handle, with a token, reaches ID control first and is rejected.
    const other = await requestRegistrantChange(proxy(), {
      name: "tomrer-demo.dk",
      newRegistrant: next,
      orderConfirmation: confirmedHourAgo(),
    });
    expect(other.state).toBe("ID_CONTROL_REQUESTED");
    await decideIdControl(r.ctx(r.operator), other.requestId, "rejected");

    let answer: Awaited<ReturnType<typeof acceptRegistrantChangeTerms>> | undefined;
    const types = await typesQueuedBy(async () => {
      answer = await acceptRegistrantChangeTerms(r.ctx(r.registrant), {
        token: linkFrom(pending.termsLink),
      });
    });
    expect(answer).toEqual({ state: "ID_CONTROL_REJECTED", domain: "blomster-demo.dk" });
    expect(types).toEqual(["REGISTRANT_CHANGE_ID_CONTROL_REJECTED"]);
    const request = await r.prisma.registrantChangeRequest.findUniqueOrThrow({
      where: { id: pending.requestId },
      include: { toHandle: true },
    });
    expect(request.state).toBe("ID_CONTROL_REJECTED");
    expect(request.toHandle.idControl).toBe("REJECTED");
    expect(await registrantOf("blomster-demo.dk")).toBe("KK6-DK");
    expect(await changeFees()).toBe(fees);
  });

  it("R-CHG-3 ID control expired after 14 days: not changed, not billed, no longer decidable", async () => {
    const next = await newRegistrant({ termsAccepted: true, idControl: "REQUIRED" });
    const fees = await changeFees();
    let result: Awaited<ReturnType<typeof requestRegistrantChange>> | undefined;
    const requested = await typesQueuedBy(async () => {
      result = await requestRegistrantChange(proxy(), {
        name: "advokat-demo.dk",
        newRegistrant: next,
      });
    });
    expect(requested).toEqual(["REGISTRANT_CHANGE_ID_CONTROL_REQUESTED"]);
    const { idControlExpiresAt } = await r.prisma.registrantChangeRequest.findUniqueOrThrow({
      where: { id: result!.requestId },
    });
    expect(idControlExpiresAt).toEqual(addLocalDays(r.clock.now(), 14));
    r.clock.set(idControlExpiresAt!);
    const types = await typesQueuedBy(async () =>
      expect(await expireRegistrantChangeRequests(r.prisma, r.clock.now())).toBe(1),
    );
    expect(types).toEqual(["REGISTRANT_CHANGE_ID_CONTROL_EXPIRED"]);
    expect(await registrantOf("advokat-demo.dk")).toBe("JCA1-DK");
    expect(await changeFees()).toBe(fees);
    await expectRefusal(
      r,
      () => decideIdControl(r.ctx(r.operator), result!.requestId, "passed"),
      "REGISTRANT_CHANGE_NOT_PENDING",
      CORE2_TABLES,
    );
  });
});
