import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkAvailability } from "@/lib/registry/domains";
import { runLifecycle, runRegistryLifecycle } from "@/lib/registry/lifecycle";
import { joinWaitingList } from "@/lib/registry/registrants";
import { expiryInstant, registryDateFromDb } from "@/lib/registry/rules";
import { snapshotTables } from "@/tests/support/snapshot";
import { ALL, balanceOf, ledgerSum, openRegistry, setBalance, type Registry } from "../support";

// each test walks time its own way: a fresh registry for each
let r: Registry;
beforeEach(async () => {
  r = await openRegistry();
});
afterEach(() => r?.close());

const domain = (name: string) =>
  r.prisma.domain.findFirstOrThrow({ where: { aLabel: name }, orderBy: { createdAt: "desc" } });
const exDateOf = async (name: string) => registryDateFromDb((await domain(name)).exDate!);

describe("R-REN-4 at expiry", () => {
  it("R-REN-4 auto-renew: renewed one year at 00:00 local, billed even without funds", async () => {
    const name = "udloeber-1.dk"; // auto-renew, registrar-paid, seeded to expire in 2 days
    const exDate = await exDateOf(name);
    expect(exDate).toBe("2026-03-12");
    await setBalance(r, r.demoId, 1000);
    // one millisecond before 00:00 Copenhagen on the exDate: nothing happens
    await runLifecycle(r.prisma, new Date(expiryInstant(exDate).getTime() - 1));
    expect(await exDateOf(name)).toBe(exDate);
    await runLifecycle(r.prisma, expiryInstant(exDate));
    const after = await domain(name);
    expect(registryDateFromDb(after.exDate!)).toBe("2027-03-12");
    expect(after.state).toBe("ACTIVE");
    const entry = await r.prisma.ledgerEntry.findFirstOrThrow({
      where: { domainName: name, operation: "AUTO_RENEWAL" },
    });
    expect(entry.amount).toBe(-4500);
    expect(await balanceOf(r, r.demoId)).toBe(1000 - 4500); // may go negative (R-PAY-1)
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
    expect(
      await r.prisma.notification.count({
        where: { domainName: name, type: "DOMAIN_AUTO_RENEWED" },
      }),
    ).toBe(1);
    expect(
      await r.prisma.notification.count({ where: { accountId: r.demoId, type: "LOW_BALANCE" } }),
    ).toBe(1);
  });

  it("R-REN-4 registrant-paid: renewed and invoiced to the payer, not billed to the registrar", async () => {
    const name = "bk-fremad.dk"; // registrant-managed, paid by its registrant BF5-DK
    const exDate = await exDateOf(name);
    expect(exDate).toBe("2026-07-03");
    const before = await balanceOf(r, r.demoId);
    const at = expiryInstant(exDate);
    await runLifecycle(r.prisma, at);
    const invoice = await r.prisma.invoice.findFirstOrThrow({
      where: { domain: { aLabel: name } },
      include: { payer: { select: { handle: true } } },
    });
    expect(invoice).toMatchObject({
      state: "OPEN",
      amount: 4500,
      periodYears: 1,
      payer: { handle: "BF5-DK" },
      dueAt: expiryInstant("2026-08-02"), // R-REN-2: 30 calendar days
    });
    expect(
      await r.prisma.ledgerEntry.count({ where: { domainName: name, operation: "AUTO_RENEWAL" } }),
    ).toBe(0);
    // other domains renew in the same run; the balance moves by their entries alone
    const renewedOthers = await r.prisma.ledgerEntry.aggregate({
      where: { accountId: r.demoId, operation: "AUTO_RENEWAL", createdAt: at },
      _sum: { amount: true },
    });
    expect(await balanceOf(r, r.demoId)).toBe(before + (renewedOthers._sum.amount ?? 0));
    expect(await exDateOf(name)).toBe("2027-07-03");
  });

  it("R-REN-4 auto-expire: suspended with 30 days of redemption ending at 00:00 local", async () => {
    const name = "udloeber-2.dk"; // auto-expire
    const exDate = await exDateOf(name);
    expect(exDate).toBe("2026-03-15");
    await runLifecycle(r.prisma, new Date(expiryInstant(exDate).getTime() + 3_600_000));
    const d = await domain(name);
    expect(d.state).toBe("SUSPENDED");
    expect(d.suspensionReason).toBe("EXPIRED");
    expect(d.deleteAt).toEqual(expiryInstant("2026-04-14"));
    expect(registryDateFromDb(d.exDate!)).toBe("2026-03-15"); // unchanged
    expect(
      await r.prisma.notification.count({
        where: { domainName: name, type: "DOMAIN_EXPIRED_SUSPENDED" },
      }),
    ).toBe(1);
  });

  it("a second run at the same instant changes nothing", async () => {
    const at = new Date("2026-04-20T08:00:00Z");
    await runLifecycle(r.prisma, at);
    const before = await snapshotTables(r.prisma);
    const summary = await runLifecycle(r.prisma, at);
    expect(summary).toEqual({
      expired: 0,
      unpaidSuspended: 0,
      deleted: 0,
      holdsExpired: 0,
      hostsRemoved: 0,
      other: 0,
    });
    expect(await snapshotTables(r.prisma)).toEqual(before);
  });
});

describe("R-DEL-3 end of redemption", () => {
  it("R-DEL-3 deletes the domain at deleteAt, frees the name and retracts its tokens", async () => {
    const name = "opsagt-demo.dk";
    const d = await domain(name);
    await r.prisma.authToken.create({
      data: {
        kind: "TRANSFER",
        issuerRole: "REG",
        domainId: d.id,
        secretHash: "x".repeat(64),
        createdAt: r.clock.now(),
        expiresAt: new Date(d.deleteAt!.getTime() + 86_400_000 * 10),
      },
    });
    await runLifecycle(r.prisma, new Date(d.deleteAt!.getTime() - 1));
    expect((await domain(name)).state).toBe("SUSPENDED");
    await runLifecycle(r.prisma, d.deleteAt!);
    const gone = await domain(name);
    expect(gone).toMatchObject({ state: "DELETED", liveName: null });
    expect(await r.prisma.delegation.count({ where: { domainId: d.id } })).toBe(0);
    const token = await r.prisma.authToken.findFirstOrThrow({ where: { domainId: d.id } });
    expect(token.retractedAt).toEqual(d.deleteAt);
    r.clock.set(d.deleteAt!);
    const [availability] = await checkAvailability(r.ctx(r.user(ALL)), { names: [name] });
    expect(availability).toMatchObject({ available: true });
    expect(
      await r.prisma.notification.count({ where: { domainName: name, type: "DOMAIN_DELETED" } }),
    ).toBe(1);
  });

  it("R-DEL-3 subordinate name servers in use are marked, then removed once unused", async () => {
    // demo-hosting.dk carries ns1/ns2.demo-hosting.dk, which many other Demo domains use
    const host = await r.prisma.domain.findFirstOrThrow({ where: { liveName: "demo-hosting.dk" } });
    const at = new Date("2026-06-01T10:00:00Z");
    await r.prisma.domain.update({
      where: { id: host.id },
      data: { state: "SUSPENDED", suspensionReason: "CANCELLED", suspendedAt: at, deleteAt: at },
    });
    await runLifecycle(r.prisma, at);
    const marked = await r.prisma.nameServer.findMany({
      where: { host: { endsWith: ".demo-hosting.dk" } },
    });
    expect(marked.map((n) => [n.host, n.markedForDeletionAt])).toEqual(
      [
        ["ns1.demo-hosting.dk", at],
        ["ns2.demo-hosting.dk", at],
      ].sort(),
    );
    expect(
      await r.prisma.delegation.count({ where: { nameServerId: { in: marked.map((n) => n.id) } } }),
    ).toBeGreaterThan(0);
    // once the other domains stop using them, the next run removes them
    await r.prisma.delegation.deleteMany({
      where: { nameServerId: { in: marked.map((n) => n.id) } },
    });
    await runLifecycle(r.prisma, new Date(at.getTime() + 60_000));
    expect(
      await r.prisma.nameServer.count({ where: { host: { endsWith: ".demo-hosting.dk" } } }),
    ).toBe(0);
  });

  it("R-REG-2 a hold nobody answered ends at its deadline and the name is free", async () => {
    const hold = await r.prisma.registrationHold.findFirstOrThrow({
      where: { state: "PENDING" },
      include: { domain: true },
    });
    await runLifecycle(r.prisma, hold.expiresAt);
    const after = await r.prisma.registrationHold.findUniqueOrThrow({
      where: { id: hold.id },
      include: { domain: true },
    });
    expect(after.state).toBe("EXPIRED");
    expect(after.domain).toMatchObject({ state: "DELETED", liveName: null });
    expect(
      await r.prisma.notification.count({
        where: { domainName: hold.domain.aLabel, type: "REGISTRATION_TERMS_EXPIRED" },
      }),
    ).toBe(1);
  });
});

describe("R-DEL-3 with the waiting list (R-REG-6)", () => {
  it("R-DEL-3 deletion offers the name to the first on its waiting list; the offer passes on when it lapses", async () => {
    const name = "opsagt-demo.dk";
    const d = await domain(name);
    for (const holder of ["Første Venter", "Anden Venter"]) {
      await joinWaitingList(r.ctx(r.registrant), {
        name,
        holderName: holder,
        holderEmail: `${holder.split(" ")[0]!.toLowerCase()}@venter.test`,
      });
      r.clock.advance({ minutes: 1 });
    }
    await runRegistryLifecycle(r.prisma, d.deleteAt!);
    const first = await r.prisma.waitingListOffer.findFirstOrThrow({
      where: { name },
      include: { entry: true },
    });
    expect(first).toMatchObject({ state: "OPEN", entry: { holderName: "Første Venter" } });
    const [taken] = await checkAvailability(r.ctx(r.user(ALL)), { names: [name] });
    expect(taken).toMatchObject({ available: false });

    await runRegistryLifecycle(r.prisma, first.expiresAt);
    const offers = await r.prisma.waitingListOffer.findMany({
      where: { name },
      include: { entry: true },
      orderBy: { createdAt: "asc" },
    });
    expect(offers.map((o) => [o.entry.holderName, o.state])).toEqual([
      ["Første Venter", "EXPIRED"],
      ["Anden Venter", "OPEN"],
    ]);
  });
});
