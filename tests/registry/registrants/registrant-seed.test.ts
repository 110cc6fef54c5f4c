import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoRegistry } from "@/prisma/seed/demo";
import { type TestDatabase, createTestDatabase } from "@/tests/support/db";

// Issue 16: `npm start`'s demo has mail for the registrants' pages, made through the core.

const NOW = new Date("2026-11-29T10:00:00Z");
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({
    key: "demo-registrant-links",
    prepare: (prisma) => seedDemoRegistry(prisma, NOW, { registrantLinks: true }),
  });
});
afterAll(async () => db?.close());

describe("issue 16: the demo seed's registrant links", () => {
  it("queues the terms mails of two held registrations and a pending change of registrant, with /r/ links", async () => {
    const mails = await db.prisma.outboxMail.findMany({ orderBy: { createdAt: "asc" } });
    const subjects = mails.map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        "Accept the terms for vilkaar-accept.dk",
        "Accept the terms for vilkaar-afvis.dk",
        "Accept the terms to become registrant of antik-demo.dk",
      ]),
    );
    for (const m of mails) expect(m.body).toMatch(/\/r\/(terms|registrant-change)\/[0-9a-f]{32}/);
    const holds = await db.prisma.domain.findMany({ where: { liveName: { in: ["vilkaar-accept.dk", "vilkaar-afvis.dk"] } } });
    expect(holds.map((d) => d.state)).toEqual(["HELD", "HELD"]);
  });

  it("has a suspended name whose redemption ends at 00:00 Copenhagen two days on", async () => {
    const d = await db.prisma.domain.findFirstOrThrow({ where: { liveName: "slettes-snart.dk" } });
    expect(d.state).toBe("SUSPENDED");
    expect(d.deleteAt?.toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });
});
