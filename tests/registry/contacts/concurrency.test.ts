import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact } from "@/lib/registry/contacts";
import { usesPostgres } from "@/tests/support/db";
import { type Registry, openRegistry } from "../support";

// R-CON-1: handle ids issued by the registry are unique under concurrency. PGlite runs every
// transaction through one connection, so this needs PostgreSQL (CI runs it).

if (!usesPostgres)
  console.warn(
    "tests/registry/contacts/concurrency.test.ts skipped: needs PostgreSQL (set TEST_DATABASE_URL)",
  );

let r: Registry;
beforeAll(async () => {
  if (usesPostgres) r = await openRegistry();
});
afterAll(() => r?.close());

describe.skipIf(!usesPostgres)(
  "contact concurrency (needs PostgreSQL: set TEST_DATABASE_URL)",
  () => {
    it("R-CON-1 50 concurrent creations give 50 distinct handle ids", async () => {
      const proxy = r.user(["PROXY"]);
      // the same name each time: the initials are the same, only the number can tell them apart
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          createContact(
            { db: r.db.newClient(), clock: r.clock, actor: proxy },
            {
              type: "COMPANY",
              name: "Samtidig Handel ApS",
              street1: "Torvegade 1",
              postalCode: "6700",
              city: "Esbjerg",
              countryCode: "DK",
              email: "samtidig@handel.test",
              phone: "+45 75 12 34 56",
              cvr: "25313763",
            },
          ),
        ),
      );
      const failures = results.filter((x) => x.status === "rejected");
      expect(failures.map((x) => String((x as PromiseRejectedResult).reason))).toEqual([]);
      const ids = results.map(
        (x) => (x as PromiseFulfilledResult<{ handle: string }>).value.handle,
      );
      expect(new Set(ids).size).toBe(50);
      expect(
        await r.prisma.handle.count({ where: { handle: { in: ids }, accountId: r.demoId } }),
      ).toBe(50);
    });
  },
);
