import { expect } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor, MetaRole } from "@/lib/registry/actor";
import { type FakeClock, fakeClock } from "@/lib/registry/clock";
import type { CoreContext } from "@/lib/registry/context";
import { type RegistryErrorCode, isRegistryError } from "@/lib/registry/errors";
import { seedDemoRegistry } from "@/prisma/seed/demo";
import { type TestDatabase, createTestDatabase } from "@/tests/support/db";
import { REFUSAL_TABLES, snapshotTables } from "@/tests/support/snapshot";

/** Seed time: a Tuesday in winter time (CET), so DST tests can cross 29 March 2026. */
export const SEED_NOW = "2026-03-10T10:00:00Z";

/**
 * Tables a refused operation must leave untouched: every table of the schema except the audit,
 * rate-limit and login-attempt tables a refusal writes (tests/support/snapshot.ts).
 */
export const CORE_TABLES: string[] = [...REFUSAL_TABLES];

export type Registry = {
  db: TestDatabase;
  prisma: PrismaClient;
  clock: FakeClock;
  demoId: string;
  otherId: string;
  /** A portal user of Demo (or Other) with exactly these meta-roles. */
  user(roles: MetaRole[], account?: "demo" | "other"): Actor;
  operator: Actor;
  registrant: Actor;
  ctx(actor: Actor): CoreContext;
  close(): Promise<void>;
};

export async function openRegistry(): Promise<Registry> {
  const db = await createTestDatabase({
    key: `demo@${SEED_NOW}`,
    prepare: (prisma) => seedDemoRegistry(prisma, new Date(SEED_NOW)),
  });
  const prisma = db.prisma;
  const clock = fakeClock(SEED_NOW);
  const demo = await prisma.registrarAccount.findFirstOrThrow({
    where: { name: "Demo Registrar A/S" },
  });
  const other = await prisma.registrarAccount.findFirstOrThrow({
    where: { name: "Other Registrar ApS" },
  });
  const demoUser = await prisma.user.findUniqueOrThrow({ where: { email: "all@demo.test" } });
  const otherUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@other.test" } });
  const op = await prisma.operator.findFirstOrThrow();
  const registry: Registry = {
    db,
    prisma,
    clock,
    demoId: demo.id,
    otherId: other.id,
    user: (roles, account = "demo") => ({
      kind: "portal",
      userId: account === "demo" ? demoUser.id : otherUser.id,
      accountId: account === "demo" ? demo.id : other.id,
      metaRoles: roles,
      ip: "127.0.0.1",
      label: `${roles.join("+").toLowerCase()}@${account}.test`,
    }),
    operator: { kind: "operator", operatorId: op.id, ip: "127.0.0.1", label: op.email },
    registrant: { kind: "registrant", ip: "203.0.113.9", label: "registrant" },
    ctx: (actor) => ({ db: prisma, clock, actor }),
    close: () => db.close(),
  };
  return registry;
}

export const ALL: MetaRole[] = ["ADMINISTRATOR", "REGISTRAR", "PROXY", "PAYER", "NSA"];

/**
 * Runs an operation that must be refused with `code`, and asserts the core tables are unchanged
 * and that the refusal itself was audited with that code.
 */
export async function expectRefusal(
  r: Registry,
  run: () => Promise<unknown>,
  code: RegistryErrorCode,
  tables: string[] = CORE_TABLES,
): Promise<void> {
  const before = await snapshotTables(r.prisma, tables);
  const lastAudit = await r.prisma.auditEvent.findFirst({
    orderBy: { id: "desc" },
    select: { id: true },
  });
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(isRegistryError(caught) ? caught.code : caught).toBe(code);
  expect(await snapshotTables(r.prisma, tables)).toEqual(before);
  const audits = await r.prisma.auditEvent.findMany({ where: { id: { gt: lastAudit?.id ?? 0 } } });
  expect(audits.map((a) => [a.outcome, a.errorCode])).toEqual([["REFUSED", code]]);
}

export async function balanceOf(r: Registry, accountId: string): Promise<number> {
  return (await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: accountId } })).balance;
}

export async function ledgerSum(r: Registry, accountId: string): Promise<number> {
  const agg = await r.prisma.ledgerEntry.aggregate({
    where: { accountId },
    _sum: { amount: true },
  });
  return agg._sum.amount ?? 0;
}

export async function setBalance(r: Registry, accountId: string, target: number) {
  // Test set-up through the ledger, so balance = sum of entries keeps holding.
  const current = await balanceOf(r, accountId);
  const delta = target - current;
  if (delta === 0) return;
  await r.prisma.$transaction([
    r.prisma.registrarAccount.update({ where: { id: accountId }, data: { balance: target } }),
    r.prisma.ledgerEntry.create({
      data: {
        accountId,
        operation: "ADJUSTMENT",
        amount: delta,
        balanceAfter: target,
        actorKind: "SYSTEM",
        actorLabel: "test",
        description: "test adjustment",
        createdAt: r.clock.now(),
      },
    }),
  ]);
}

export const OUT_OF_ZONE = ["ns1.dns-provider.net", "ns2.dns-provider.net"];

let counter = 0;
/** A fresh, unused name for each call. */
export function freshName(prefix = "test"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}.dk`;
}
