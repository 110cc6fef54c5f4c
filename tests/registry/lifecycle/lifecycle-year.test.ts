import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLifecycle } from "@/lib/registry/lifecycle";
import {
  addDays,
  expiryInstant,
  localDateOf,
  registryDateFromDb,
} from "@/lib/registry/rules";
import { snapshotTables } from "@/tests/support/snapshot";
import { ledgerSum, openRegistry, SEED_NOW, type Registry } from "../support";

/**
 * R-REN-4 / R-REN-2 / R-DEL-3 / R-REG-2 over a year: the seeded portfolio walked day by day, and after each
 * day's run the registry must match a model of the rules computed here, independently of the
 * worker: plain date strings, no registry code beyond "00:00 Copenhagen" instants.
 */
type Model = {
  id: string;
  name: string;
  account: string;
  state: "ACTIVE" | "SUSPENDED" | "DELETED" | "HELD";
  policy: "AUTO_RENEW" | "AUTO_EXPIRE";
  exDate: string | null;
  deleteAt: number | null; // ms
  holdEndsAt: number | null;
  billed: boolean; // registrar pays; otherwise invoiced to the payer
  invoiceDueAt: number | null; // ms: the open invoice's due instant (R-REN-2)
};

function plusOneYear(date: string): string {
  const [y, m, d] = date.split("-");
  const next = `${Number(y) + 1}-${m}-${d}`;
  return m === "02" && d === "29" ? `${Number(y) + 1}-02-28` : next;
}

let r: Registry;
let models: Model[];
const expected = {
  renewals: new Map<string, number>(),
  invoices: 0,
  notes: new Map<string, number>(),
};
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

beforeAll(async () => {
  r = await openRegistry();
  const rows = await r.prisma.domain.findMany({ include: { registrar: true, hold: true } });
  models = rows.map((d) => ({
    id: d.id,
    name: d.aLabel,
    account: d.registrarId,
    state: d.state as Model["state"],
    policy: d.renewalPolicy,
    exDate: d.exDate ? registryDateFromDb(d.exDate) : null,
    deleteAt: d.deleteAt?.getTime() ?? null,
    holdEndsAt: d.hold?.expiresAt.getTime() ?? null,
    // R-REN-2: registrant-managed without a payer means the registrant pays
    billed:
      d.managementModel === "REGISTRAR" || (d.payerId ?? d.registrantId) === d.registrar.handleId,
    invoiceDueAt: null,
  }));
});
afterAll(() => r?.close());

function advanceModel(now: Date) {
  const today = localDateOf(now);
  for (const m of models) {
    if (m.state === "ACTIVE" && m.exDate! <= today) {
      if (m.policy === "AUTO_RENEW") {
        while (m.exDate! <= today) {
          m.exDate = plusOneYear(m.exDate!);
          if (m.billed) bump(expected.renewals, m.account);
          else {
            expected.invoices += 1;
            // due at 00:00 local on the issue date + 30 calendar days, unpaid throughout
            m.invoiceDueAt ??= expiryInstant(addDays(today, 30)).getTime();
          }
          bump(expected.notes, "DOMAIN_AUTO_RENEWED");
        }
      } else {
        m.state = "SUSPENDED";
        m.deleteAt = expiryInstant(addDays(m.exDate!, 30)).getTime();
        bump(expected.notes, "DOMAIN_EXPIRED_SUSPENDED");
      }
    }
    if (m.state === "ACTIVE" && m.invoiceDueAt !== null && m.invoiceDueAt <= now.getTime()) {
      m.state = "SUSPENDED";
      m.deleteAt = expiryInstant(addDays(today, 30)).getTime();
      bump(expected.notes, "DOMAIN_SUSPENDED_NON_PAYMENT");
    }
    if (m.state === "HELD" && m.holdEndsAt! <= now.getTime()) {
      m.state = "DELETED";
      bump(expected.notes, "REGISTRATION_TERMS_EXPIRED");
    }
    if (m.state === "SUSPENDED" && m.deleteAt! <= now.getTime()) {
      m.state = "DELETED";
      bump(expected.notes, "DOMAIN_DELETED");
    }
  }
}

describe("the lifecycle over a year of fake time", () => {
  it("R-REN-4 R-REN-2 R-DEL-3 matches the model day by day, and a second run changes nothing", async () => {
    const startDay = localDateOf(new Date(SEED_NOW));
    const types = [
      "DOMAIN_AUTO_RENEWED",
      "DOMAIN_EXPIRED_SUSPENDED",
      "DOMAIN_DELETED",
      "REGISTRATION_TERMS_EXPIRED",
      "DOMAIN_SUSPENDED_NON_PAYMENT",
    ];
    const baseNotes = new Map<string, number>();
    for (const t of types)
      baseNotes.set(t, await r.prisma.notification.count({ where: { type: t } }));
    let sawDeletion = false;
    let sawRenewal = false;
    for (let i = 1; i <= 366; i++) {
      // 00:30 local each day: the 29 March and 25 October changes of offset included
      const now = new Date(expiryInstant(addDays(startDay, i)).getTime() + 30 * 60_000);
      await runLifecycle(r.prisma, now, { batchSize: 7 });
      advanceModel(now);

      const rows = await r.prisma.domain.findMany({
        select: { id: true, state: true, exDate: true, deleteAt: true },
      });
      const actual = new Map(rows.map((d) => [d.id, d]));
      for (const m of models) {
        const a = actual.get(m.id)!;
        expect(a.state, `${m.name} on day ${i}`).toBe(m.state);
        if (m.state === "ACTIVE")
          expect(registryDateFromDb(a.exDate!), `${m.name} on day ${i}`).toBe(m.exDate);
        if (m.state === "SUSPENDED")
          expect(a.deleteAt?.getTime(), `${m.name} on day ${i}`).toBe(m.deleteAt);
      }
      for (const account of [r.demoId, r.otherId]) {
        expect(
          await r.prisma.ledgerEntry.count({
            where: { accountId: account, operation: "AUTO_RENEWAL" },
          }),
        ).toBe(expected.renewals.get(account) ?? 0);
      }
      expect(await r.prisma.invoice.count()).toBe(expected.invoices);
      sawDeletion ||= models.some((m) => m.state === "DELETED");
      sawRenewal ||= (expected.renewals.get(r.demoId) ?? 0) > 0;
    }
    for (const t of types) {
      expect(
        (await r.prisma.notification.count({ where: { type: t } })) - baseNotes.get(t)!,
        t,
      ).toBe(expected.notes.get(t) ?? 0);
    }
    expect(sawDeletion && sawRenewal && expected.invoices > 0).toBe(true);
    expect(expected.notes.get("DOMAIN_SUSPENDED_NON_PAYMENT")).toBeGreaterThan(0);
    for (const account of [r.demoId, r.otherId]) {
      const { balance } = await r.prisma.registrarAccount.findUniqueOrThrow({
        where: { id: account },
      });
      expect(await ledgerSum(r, account)).toBe(balance);
    }
    const last = new Date(expiryInstant(addDays(startDay, 366)).getTime() + 30 * 60_000);
    const before = await snapshotTables(r.prisma);
    await runLifecycle(r.prisma, last);
    expect(await snapshotTables(r.prisma)).toEqual(before);
  }, 300_000);
});
