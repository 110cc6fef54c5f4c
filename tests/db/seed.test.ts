import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { defaultPolicy } from "@/lib/registry/policy";
import { addDays, expiryInstant, localDateOf, registryDateFromDb } from "@/lib/registry/rules";
import { seedDemoRegistry } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { snapshotTables } from "../support/snapshot";

let db: TestDatabase;
let prisma: PrismaClient;
const now = new Date("2026-11-23T10:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  expect(await seedDemoRegistry(prisma, now)).toEqual({ seeded: true });
});
afterAll(() => db?.close());

describe("demo registry seed", () => {
  it("seeding a second time leaves exactly the same rows", async () => {
    const before = await snapshotTables(prisma);
    expect(await seedDemoRegistry(prisma, new Date(now.getTime() + 3_600_000))).toEqual({ seeded: false });
    expect(await snapshotTables(prisma)).toEqual(before);
  });

  it("every account's balance equals the sum of its ledger, entry by entry", async () => {
    const accounts = await prisma.registrarAccount.findMany({ include: { ledger: { orderBy: { id: "asc" } } } });
    expect(accounts).toHaveLength(2);
    for (const account of accounts) {
      expect(account.balance).toBeGreaterThan(0);
      expect(account.ledger.reduce((s, e) => s + e.amount, 0)).toBe(account.balance);
      let running = 0;
      for (const entry of account.ledger) {
        running += entry.amount;
        expect(entry.balanceAfter).toBe(running);
      }
    }
  });

  it("every domain satisfies the invariants of its state", async () => {
    const domains = await prisma.domain.findMany({
      include: { delegations: { include: { nameServer: true } }, registrant: true, hold: true },
    });
    const demo = await prisma.registrarAccount.findFirstOrThrow({ where: { name: "Demo Registrar A/S" } });
    expect(domains.filter((d) => d.registrarId === demo.id).length).toBeGreaterThanOrEqual(55);
    const states = new Set(domains.map((d) => d.state));
    expect([...states].sort()).toEqual(["ACTIVE", "HELD", "SUSPENDED"]);
    for (const d of domains) {
      const where = `${d.aLabel} (${d.state})`;
      const hosts = d.delegations.map((x) => x.nameServer.host);
      expect(new Set(hosts).size, where).toBe(hosts.length);
      expect(hosts.length, where).toBeGreaterThanOrEqual(2);
      expect(hosts.length, where).toBeLessThanOrEqual(7);
      expect(d.liveName, where).toBe(d.aLabel);
      expect(d.registrant.managementModel, where).toBe(d.managementModel); // R-REG-3
      if (d.managementModel === "REGISTRAR") expect(d.payerId, where).toBeNull();
      switch (d.state) {
        case "ACTIVE":
          expect(d.crDate!.getTime(), where).toBeLessThan(now.getTime());
          expect(expiryInstant(registryDateFromDb(d.exDate!)).getTime(), where).toBeGreaterThan(now.getTime());
          expect(d.suspendedAt ?? d.deleteAt, where).toBeNull();
          break;
        case "SUSPENDED": {
          expect(d.suspendedAt!.getTime(), where).toBeLessThanOrEqual(now.getTime());
          const end = addDays(localDateOf(d.suspendedAt!), defaultPolicy.redemptionDays);
          expect(d.deleteAt, where).toEqual(expiryInstant(end));
          expect(d.deleteAt!.getTime(), where).toBeGreaterThan(now.getTime());
          expect(d.suspensionReason, where).not.toBeNull();
          break;
        }
        case "HELD":
          expect(d.crDate ?? d.exDate, where).toBeNull();
          expect(d.hold?.state, where).toBe("PENDING");
          expect(d.hold!.expiresAt.getTime(), where).toBeGreaterThan(now.getTime());
          break;
      }
    }
    const expiringSoon = domains.filter(
      (d) => d.state === "ACTIVE" && registryDateFromDb(d.exDate!) <= addDays(localDateOf(now), 30),
    );
    expect(expiringSoon.length).toBeGreaterThanOrEqual(5);
  });

  it("has the demo logins, the operator and the other registrar's separate portfolio", async () => {
    const users = await prisma.user.findMany({ orderBy: { email: "asc" } });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get("admin@demo.test")?.metaRoles).toEqual(["ADMINISTRATOR"]);
    for (const [email, role] of [
      ["registrar@demo.test", "REGISTRAR"],
      ["payer@demo.test", "PAYER"],
      ["nsa@demo.test", "NSA"],
      ["proxy@demo.test", "PROXY"],
    ] as const) {
      expect(byEmail.get(email)?.metaRoles).toEqual([role]);
    }
    expect(byEmail.get("all@demo.test")?.metaRoles).toHaveLength(5);
    expect(byEmail.get("totp@demo.test")?.totpSecret).toBeTruthy();
    expect(byEmail.get("epp@demo.test")).toMatchObject({ kind: "SERVICE", service: "EPP" });
    expect(byEmail.get("admin@other.test")?.metaRoles).toHaveLength(5);
    expect(await prisma.operator.count({ where: { email: "operator@registry.test" } })).toBe(1);

    const other = await prisma.registrarAccount.findFirstOrThrow({ where: { name: "Other Registrar ApS" } });
    const otherDomains = await prisma.domain.findMany({ where: { registrarId: other.id } });
    expect(otherDomains.length).toBeGreaterThan(0);
    for (const d of otherDomains) expect(d.aLabel).toMatch(/^other-.*\.dk$/);
    for (const account of await prisma.registrarAccount.findMany({ include: { allowlist: true } })) {
      expect(account.allowlist.map((e) => e.cidr).sort()).toEqual(["127.0.0.1/32", "::1/128"]);
    }
  });

  it("has handles for linking and for each registrant-change path", async () => {
    const demo = await prisma.registrarAccount.findFirstOrThrow({ where: { name: "Demo Registrar A/S" } });
    const candidates = await prisma.handle.findMany({
      where: {
        accountId: null,
        name: demo.name,
        street: demo.street,
        postalCode: demo.postalCode,
        city: demo.city,
        email: demo.email,
        vatNumber: demo.vatNumber,
      },
    });
    expect(candidates).toHaveLength(2);
    const linked = await prisma.handle.findMany({ where: { accountId: demo.id } });
    expect(linked.some((h) => h.termsAcceptedAt && ["NONE", "PASSED"].includes(h.idControl))).toBe(true);
    expect(linked.some((h) => h.idControl === "REQUIRED")).toBe(true);
    expect(new Set(linked.map((h) => h.managementModel))).toEqual(new Set(["REGISTRAR", "REGISTRANT"]));
    const glued = await prisma.nameServer.findMany({ where: { superordinateDomainId: { not: null } } });
    expect(glued.every((n) => n.glueV4.length + n.glueV6.length > 0)).toBe(true);
    expect(await prisma.nameServer.count({ where: { superordinateDomainId: null } })).toBeGreaterThan(0);
    expect(await prisma.dsRecord.count()).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { accountId: demo.id, ackedAt: null } })).toBeGreaterThan(0);
    expect(await prisma.policy.count()).toBe(1);
  });
});
