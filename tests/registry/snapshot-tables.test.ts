import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renewDomain } from "@/lib/registry/domains";
import {
  REFUSAL_MAY_WRITE,
  REFUSAL_TABLES,
  SCHEMA_TABLES,
  databaseTables,
} from "@/tests/support/snapshot";
import { CORE_TABLES, type Registry, expectRefusal, openRegistry } from "./support";

// Issue 10: "a refusal changes nothing" (expectRefusal) compares every registry table, not a
// hand-kept list that new tables silently fall out of.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

/** A real refusal, audited as one: the curExpDate does not match (R-REN-1). */
const refusedRenewal = () =>
  renewDomain(r.ctx(r.user(["PAYER"])), { name: "bageriet-demo.dk", curExpDate: "2000-01-01" });

describe("the default refusal snapshot", () => {
  it("R-ACC-2 R-DS-1 R-REG-6 covers every table of the migrated database but audit, rate limit and login attempts", async () => {
    expect([...SCHEMA_TABLES].sort()).toEqual(await databaseTables(r.prisma));
    expect([...REFUSAL_MAY_WRITE].sort()).toEqual(["AuditEvent", "LoginAttempt", "RateLimitEvent"]);
    expect([...CORE_TABLES].sort()).toEqual(
      SCHEMA_TABLES.filter(
        (t) => !["AuditEvent", "LoginAttempt", "RateLimitEvent"].includes(t),
      ).sort(),
    );
    expect(REFUSAL_TABLES).toEqual(
      expect.arrayContaining([
        "DsRecord",
        "RegistrantChangeRequest",
        "WaitingListEntry",
        "WaitingListOffer",
        "BlockedName",
        "RegistrationHold",
        "Invoice",
        "User",
        "Session",
      ]),
    );
  });

  it("R-REN-1 passes for a refusal that wrote nothing but its audit event", async () => {
    await expectRefusal(r, refusedRenewal, "EXPIRY_DATE_MISMATCH");
  });

  // Each write slips in before a genuine, audited refusal: only the snapshot can notice it.
  const sneakyWrites: [string, () => Promise<unknown>][] = [
    [
      "R-REG-4 BlockedName",
      () =>
        r.prisma.blockedName.create({
          data: { name: "sneaky-blocked.dk", reason: "test", createdAt: r.clock.now() },
        }),
    ],
    [
      "R-DS-1 DsRecord",
      async () => {
        const d = await r.prisma.domain.findUniqueOrThrow({
          where: { liveName: "bageriet-demo.dk" },
        });
        return r.prisma.dsRecord.create({
          data: {
            domainId: d.id,
            keyTag: 4711,
            algorithm: 13,
            digestType: 2,
            digest: "A".repeat(64),
            createdAt: r.clock.now(),
          },
        });
      },
    ],
    [
      "R-REG-6 WaitingListEntry",
      () =>
        r.prisma.waitingListEntry.create({
          data: {
            name: "bageriet-demo.dk",
            holderName: "Sneaky",
            holderEmail: "sneaky@example.test",
            createdAt: r.clock.now(),
          },
        }),
    ],
    [
      "R-ACC-2 User",
      () =>
        r.prisma.user.update({
          where: { email: "all@demo.test" },
          data: { name: "Renamed by a refusal" },
        }),
    ],
    [
      "R-ACC-2 Session",
      async () => {
        const u = await r.prisma.user.findUniqueOrThrow({ where: { email: "all@demo.test" } });
        return r.prisma.session.create({
          data: {
            userId: u.id,
            createdAt: r.clock.now(),
            lastSeenAt: r.clock.now(),
            ip: "127.0.0.1",
          },
        });
      },
    ],
  ];
  it.each(sneakyWrites)(
    "%s: a refusal that also wrote this table fails expectRefusal",
    async (_t, write) => {
      const run = async () => {
        await write();
        return refusedRenewal();
      };
      await expect(expectRefusal(r, run, "EXPIRY_DATE_MISMATCH")).rejects.toThrow();
    },
  );
});
