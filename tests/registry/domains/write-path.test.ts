import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import {
  domainViewSelect,
  readDomainView,
  registerDomain,
  renewDomain,
  toDomainView,
} from "@/lib/registry/domains";
import { usesPostgres } from "@/tests/support/db";
import {
  OUT_OF_ZONE,
  type Registry,
  balanceOf,
  freshName,
  ledgerSum,
  openRegistry,
  setBalance,
} from "../support";

// Issue 22: the write paths of registration and renewal are built for throughput — every read and
// check first, the debit last (the account row's lock, which serialises a registrar's debits, is
// held from the debit to the commit only), the domain view built from what was written or read in
// one statement. These tests hold what that must not change.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const payer = () => r.ctx(r.user(["PAYER"]));

const stored = async (id: string) =>
  toDomainView(
    await r.prisma.domain.findUniqueOrThrow({ where: { id }, select: domainViewSelect }),
  );

/** The statements one call sends, through a client that reports them. */
async function statementsOf(run: (ctx: ReturnType<typeof registrar>) => Promise<unknown>) {
  const client = new PrismaClient({
    adapter: r.db.newFactory(),
    log: [{ emit: "event", level: "query" }],
  });
  const seen: string[] = [];
  client.$on("query", (e) => seen.push(e.query.replace(/\s+/g, " ").trim()));
  try {
    await run({ db: client, clock: r.clock, actor: r.user(["REGISTRAR", "PAYER"]) });
  } finally {
    await client.$disconnect();
  }
  return seen;
}

/** Every statement from the first that touches the account's balance row up to the commit. */
function fromBalanceLock(statements: string[]) {
  const i = statements.findIndex(
    (q) => /"RegistrarAccount"/.test(q) && /UPDATE|FOR UPDATE/.test(q),
  );
  expect(i).toBeGreaterThanOrEqual(0);
  return statements.slice(i);
}

describe("issue 22: registration and renewal write paths", () => {
  it("R-REG-1 the registration's returned view is the stored one (method 1, with every field)", async () => {
    const result = await registerDomain(registrar(), {
      name: freshName("visning-æø"),
      registrant: "SS4-DK",
      managementModel: "registrant",
      proxy: "JCA1-DK",
      payer: "REG-DEMO",
      nameServers: ["NS2.dns-provider.net.", "ns1.dns-provider.net", "ns.view-check.example"],
      termsAcceptedAt: r.clock.now(),
      reference: "R-1",
      poNumber: "PO-2",
      accountCode: "AC-3",
      renewalPolicy: "AUTO_EXPIRE",
    });
    expect(result.status).toBe("ACTIVE");
    expect(result.domain).toEqual(await stored(result.domain.id));
    expect(result.domain).toEqual(
      await r.prisma.$transaction((tx) => readDomainView(tx, result.domain.id)),
    );
  });

  it("R-REG-2 the held registration's returned view is the stored one (method 2)", async () => {
    const result = await registerDomain(registrar(), {
      name: freshName("holdt"),
      registrant: "HH3-DK",
      nameServers: OUT_OF_ZONE,
    });
    expect(result.status).toBe("HELD");
    expect(result.domain).toEqual(await stored(result.domain.id));
  });

  it("readDomainView (one statement) equals the view through the client's relations for every domain", async () => {
    const ids = await r.prisma.domain.findMany({ select: { id: true } });
    expect(ids.length).toBeGreaterThan(3);
    for (const { id } of ids) {
      expect(await r.prisma.$transaction((tx) => readDomainView(tx, id))).toEqual(await stored(id));
    }
  });

  it("R-PAY-1 a registration takes the account's balance lock last: the debit, then COMMIT", async () => {
    await setBalance(r, r.demoId, 100_000);
    const name = freshName("laas");
    const statements = await statementsOf((ctx) =>
      registerDomain(ctx, {
        name,
        registrant: "JCA1-DK",
        nameServers: OUT_OF_ZONE,
        termsAcceptedAt: r.clock.now(),
      }),
    );
    const locked = fromBalanceLock(statements);
    expect(locked).toHaveLength(2);
    expect(locked[0]).toMatch(
      /^WITH moved AS \( UPDATE "RegistrarAccount" SET balance = balance -/,
    );
    expect(locked[0]).toMatch(/INSERT INTO "LedgerEntry"/);
    expect(locked[1]).toMatch(/\bCOMMIT\b/);
    // one audit event, written before the lock
    expect(statements.filter((q) => /INSERT INTO ("public".)?"AuditEvent"/.test(q))).toHaveLength(1);
  });

  it("R-PAY-1 a renewal takes the account's balance lock last too", async () => {
    const name = freshName("fornyes");
    const made = await registerDomain(registrar(), {
      name,
      registrant: "JCA1-DK",
      nameServers: OUT_OF_ZONE,
      termsAcceptedAt: r.clock.now(),
    });
    const statements = await statementsOf((ctx) =>
      renewDomain(ctx, { name, curExpDate: made.domain.exDate! }),
    );
    const locked = fromBalanceLock(statements);
    expect(locked).toHaveLength(2);
    expect(locked[1]).toMatch(/\bCOMMIT\b/);
    expect(statements.filter((q) => /INSERT INTO ("public".)?"AuditEvent"/.test(q))).toHaveLength(1);
  });

  it("R-REN-1 the renewal's returned view is the stored one, after the new expiry", async () => {
    const name = freshName("fornyet");
    const made = await registerDomain(registrar(), {
      name,
      registrant: "JCA1-DK",
      nameServers: OUT_OF_ZONE,
      termsAcceptedAt: r.clock.now(),
    });
    const renewed = await renewDomain(payer(), { name, curExpDate: made.domain.exDate! });
    expect(renewed.domain.exDate).toBe("2028-03-10");
    expect(renewed.domain).toEqual(await stored(made.domain.id));
  });

  it.skipIf(!usesPostgres)(
    "R-PAY-1 8 callers registering and renewing on one account: ledger = balance, each entry's balanceAfter follows the one before, one audit event per operation",
    async () => {
      await setBalance(r, r.demoId, 81 * 4500);
      const lastEntry = await r.prisma.ledgerEntry.findFirst({ orderBy: { id: "desc" } });
      const names = Array.from({ length: 40 }, () => freshName("otte"));
      let next = 0;
      const failures: unknown[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          const ctx = {
            db: r.db.newClient(),
            clock: r.clock,
            actor: r.user(["REGISTRAR", "PAYER"]),
          };
          for (let i = next++; i < names.length; i = next++) {
            try {
              const made = await registerDomain(ctx, {
                name: names[i]!,
                registrant: "JCA1-DK",
                nameServers: OUT_OF_ZONE,
                termsAcceptedAt: r.clock.now(),
              });
              await renewDomain(ctx, { name: names[i]!, curExpDate: made.domain.exDate! });
            } catch (error) {
              failures.push(error);
            }
          }
        }),
      );
      expect(failures).toEqual([]);
      expect(await balanceOf(r, r.demoId)).toBe(4500);
      expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
      const entries = await r.prisma.ledgerEntry.findMany({
        where: { accountId: r.demoId, id: { gt: lastEntry?.id ?? 0 } },
        orderBy: { id: "asc" },
      });
      expect(entries).toHaveLength(80);
      let balance = 81 * 4500;
      for (const e of entries) {
        balance += e.amount;
        expect(e.balanceAfter).toBe(balance);
      }
      const audits = await r.prisma.auditEvent.groupBy({
        by: ["operation", "outcome"],
        where: { objectLabel: { in: names } },
        _count: true,
      });
      expect(audits.map((a) => [a.operation, a.outcome, a._count]).sort()).toEqual([
        ["domain.register", "SUCCESS", 40],
        ["domain.renew", "SUCCESS", 40],
      ]);
    },
  );
});
