import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SandboxCardProvider,
  confirmCheckout,
  getCheckout,
  payCheckout,
  startCheckout,
} from "@/lib/registry/billing";
import { usesPostgres } from "@/tests/support/db";
import { type Registry, balanceOf, expectRefusal, ledgerSum, openRegistry } from "../support";

// R-PAY-2 / issue 18: the card top-up as a checkout — an idempotency key per checkout, sent to the
// provider, plus Payment's unique (provider, reference): never booked twice on a double click, a
// reload of the confirmation, two tabs, or concurrent confirmations.

let r: Registry;
const provider = new SandboxCardProvider();
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const payer = () => r.ctx(r.user(["PAYER"]));
const good = { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123", holder: "Pia Payer" };
const declined = { ...good, number: "4000 0000 0000 0002" };

const topUps = (checkoutId: string) =>
  r.prisma.ledgerEntry.count({
    where: { operation: "TOP_UP_CARD", payment: { checkout: { id: checkoutId } } },
  });

describe("R-PAY-2 card checkout", () => {
  it("R-PAY-2 start → pay with 4242…: credited once; paying again (double click, reload) books nothing more", async () => {
    const before = await balanceOf(r, r.demoId);
    const checkout = await startCheckout(payer(), provider, { amount: 50_000 });
    expect(checkout).toMatchObject({ state: "OPEN", amount: 50_000, reference: null });
    expect(await balanceOf(r, r.demoId)).toBe(before);

    const paid = await payCheckout(payer(), provider, { checkoutId: checkout.id, card: good });
    expect(paid).toMatchObject({ state: "SUCCEEDED", booked: true, balance: before + 50_000 });
    expect(paid.reference).toMatch(/^sb_/);

    const again = await payCheckout(payer(), provider, { checkoutId: checkout.id, card: good });
    expect(again).toMatchObject({ state: "SUCCEEDED", booked: false, reference: paid.reference });
    const confirmed = await confirmCheckout(payer(), provider, { checkoutId: checkout.id });
    expect(confirmed).toMatchObject({ booked: false, balance: before + 50_000 });
    expect(await getCheckout(payer(), { checkoutId: checkout.id })).toMatchObject({
      state: "SUCCEEDED",
      balance: before + 50_000,
    });
    expect(await balanceOf(r, r.demoId)).toBe(before + 50_000);
    expect(await topUps(checkout.id)).toBe(1);
    expect(await ledgerSum(r, r.demoId)).toBe(before + 50_000);
  });

  it("R-PAY-2 a second tab paying with another card gets the first payment, not a second charge", async () => {
    const before = await balanceOf(r, r.demoId);
    const checkout = await startCheckout(payer(), provider, { amount: 12_345 });
    const first = await payCheckout(payer(), provider, { checkoutId: checkout.id, card: good });
    const second = await payCheckout(payer(), provider, {
      checkoutId: checkout.id,
      card: { ...good, number: "5555 5555 5555 4444" },
    });
    expect(second).toMatchObject({ booked: false, reference: first.reference });
    expect(await balanceOf(r, r.demoId)).toBe(before + 12_345);
  });

  it("R-PAY-2 4000…0002 is declined with its reason (PAYMENT_DECLINED); nothing is credited, the checkout stays failed", async () => {
    const before = await balanceOf(r, r.demoId);
    const checkout = await startCheckout(payer(), provider, { amount: 10_000 });
    const error = await payCheckout(payer(), provider, {
      checkoutId: checkout.id,
      card: declined,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "PAYMENT_DECLINED",
      details: { reason: "card_declined" },
    });
    expect(await getCheckout(payer(), { checkoutId: checkout.id })).toMatchObject({
      state: "FAILED",
      failureCode: "card_declined",
      failureReason: "card declined",
      balance: before,
    });
    // a good card afterwards on the same checkout charges nothing: the checkout is settled
    await expect(
      payCheckout(payer(), provider, { checkoutId: checkout.id, card: good }),
    ).rejects.toMatchObject({ code: "PAYMENT_DECLINED" });
    expect(await balanceOf(r, r.demoId)).toBe(before);
    expect(await topUps(checkout.id)).toBe(0);
  });

  it("R-PAY-2 each test card's decline reason is kept (insufficient funds, expired, unknown)", async () => {
    const cases = [
      ["4000000000009995", "insufficient_funds"],
      ["4000000000000069", "expired_card"],
      ["4111111111111111", "unknown_card"],
    ] as const;
    for (const [number, code] of cases) {
      const checkout = await startCheckout(payer(), provider, { amount: 100 });
      await expect(
        payCheckout(payer(), provider, { checkoutId: checkout.id, card: { ...good, number } }),
      ).rejects.toMatchObject({ code: "PAYMENT_DECLINED", details: { reason: code } });
    }
  });

  it("R-PAY-2 amounts are 1.00–100,000.00 DKK in whole øre (VALIDATION_FAILED at the amount)", async () => {
    for (const amount of [99, 10_000_001, 150.5, -100]) {
      await expectRefusal(
        r,
        () => startCheckout(payer(), provider, { amount }),
        "VALIDATION_FAILED",
      );
    }
    await expect(startCheckout(payer(), provider, { amount: 99 })).rejects.toMatchObject({
      details: { field: "amount" },
    });
    for (const amount of [100, 10_000_000]) {
      expect((await startCheckout(payer(), provider, { amount })).amount).toBe(amount);
    }
  });

  it("R-PAY-2 a hosted-page return before the provider knows a payment leaves the checkout open", async () => {
    const checkout = await startCheckout(payer(), provider, { amount: 2_000 });
    const result = await confirmCheckout(payer(), provider, { checkoutId: checkout.id });
    expect(result).toMatchObject({ state: "OPEN", booked: false });
  });

  it("R-PAY-2 another registrar's checkout is NOT_FOUND, as is a made-up one; a Registrar may not top up", async () => {
    const checkout = await startCheckout(payer(), provider, { amount: 3_000 });
    const other = r.ctx(r.user(["PAYER"], "other"));
    await expectRefusal(
      r,
      () => payCheckout(other, provider, { checkoutId: checkout.id, card: good }),
      "NOT_FOUND",
    );
    await expect(getCheckout(other, { checkoutId: checkout.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expectRefusal(
      r,
      () => payCheckout(payer(), provider, { checkoutId: "not-a-uuid", card: good }),
      "NOT_FOUND",
    );
    await expectRefusal(
      r,
      () => startCheckout(r.ctx(r.user(["REGISTRAR"])), provider, { amount: 3_000 }),
      "NOT_AUTHORIZED",
    );
    await expectRefusal(
      r,
      () =>
        payCheckout(r.ctx(r.user(["REGISTRAR"])), provider, {
          checkoutId: checkout.id,
          card: good,
        }),
      "NOT_AUTHORIZED",
    );
  });

  it("R-PAY-2 the card number is neither stored nor audited", async () => {
    const checkout = await startCheckout(payer(), provider, { amount: 4_000 });
    await payCheckout(payer(), provider, { checkoutId: checkout.id, card: good });
    const audits = await r.prisma.auditEvent.findMany({ where: { objectId: checkout.id } });
    expect(audits.length).toBeGreaterThan(0);
    // The card's digits in any grouping, its CVC beside its expiry, or its holder. (A bare "4242"
    // is not a leak: random UUIDs contain it one time in a few thousand.)
    const leak = /4242[ -]?4242[ -]?4242[ -]?4242|12\/30|Pia Payer/;
    expect(JSON.stringify(audits)).not.toMatch(leak);
    const row = await r.prisma.cardCheckout.findUniqueOrThrow({ where: { id: checkout.id } });
    expect(JSON.stringify(row)).not.toMatch(leak);
  });

  it("R-PAY-2 concurrent confirmations of one checkout book once (PGlite: interleaved; PostgreSQL: separate connections)", async () => {
    const before = await balanceOf(r, r.demoId);
    const checkout = await startCheckout(payer(), provider, { amount: 77_700 });
    const ctx = () => ({
      db: usesPostgres ? r.db.newClient() : r.prisma,
      clock: r.clock,
      actor: r.user(["PAYER"]),
    });
    const results = await Promise.all([
      payCheckout(ctx(), provider, { checkoutId: checkout.id, card: good }),
      payCheckout(ctx(), provider, { checkoutId: checkout.id, card: good }),
      confirmCheckout(ctx(), provider, { checkoutId: checkout.id }),
      payCheckout(ctx(), provider, { checkoutId: checkout.id, card: good }),
    ]);
    expect(results.filter((x) => x.booked)).toHaveLength(1);
    // the confirmation may run before any charge exists: then it finds the checkout still open
    expect(new Set([0, 1, 3].map((i) => results[i]!.state))).toEqual(new Set(["SUCCEEDED"]));
    expect(await balanceOf(r, r.demoId)).toBe(before + 77_700);
    expect(await ledgerSum(r, r.demoId)).toBe(before + 77_700);
    expect(await topUps(checkout.id)).toBe(1);
  });
});
