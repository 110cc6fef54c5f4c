import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { fakeClock } from "@/lib/registry/clock";
import {
  type MailSender,
  type OutgoingMail,
  createRecordingSender,
  deliverOutbox,
  listOutbox,
  queueMail,
  retryDelayMs,
} from "@/lib/registry/messages";
import { type TestDatabase, createTestDatabase, usesPostgres } from "@/tests/support/db";

// Issue 16, outgoing mail: the outbox's sender claims each mail before sending it, marks it sent,
// backs off after a failure, and never hands one mail to two senders.

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});
afterAll(async () => db?.close());

const T0 = new Date("2026-11-29T10:00:00Z");

async function queue(count: number, at = T0, tag = "m") {
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await queueMail(tx, {
        kind: "TEST",
        to: `${tag}${i}@example.test`,
        subject: `${tag} ${i}`,
        body: `Body ${i}: /r/terms/0123456789abcdef0123456789abcdef`,
        now: new Date(at.getTime() + i),
      });
    }
  });
}

async function clear() {
  await prisma.outboxMail.deleteMany({});
}

describe("issue 16: deliverOutbox (claim, send, mark)", () => {
  it("sends due mail once, oldest first, and marks it sent", async () => {
    await clear();
    await queue(3);
    const sender = createRecordingSender();
    const clock = fakeClock(T0.toISOString());
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 3, failed: 0 });
    expect(sender.sent.map((m) => m.to)).toEqual(["m0@example.test", "m1@example.test", "m2@example.test"]);
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 0 });
    expect(sender.sent).toHaveLength(3);
    const rows = await prisma.outboxMail.findMany();
    expect(rows.every((m) => m.sentAt && m.attempts === 1 && m.claimedUntil === null)).toBe(true);
  });

  it("a failure is retried with backoff (1, 4, 16, 64 minutes) and given up after 5 attempts", async () => {
    await clear();
    await queue(1);
    let failing = true;
    const sent: OutgoingMail[] = [];
    const sender: MailSender = {
      send: (mail) => (failing ? Promise.reject(new Error("421 try later")) : (sent.push(mail), Promise.resolve())),
    };
    const clock = fakeClock(T0.toISOString());
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 1 });
    let row = await prisma.outboxMail.findFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("421");
    expect(row.nextAttemptAt?.getTime()).toBe(T0.getTime() + 60_000);
    // not before the backoff has passed
    clock.advance(59_000);
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 0 });
    clock.advance(1_000);
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 1 });
    row = await prisma.outboxMail.findFirstOrThrow();
    expect(row.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(4 * 60_000);
    failing = false;
    clock.advance(retryDelayMs(2));
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);

    await clear();
    await queue(1, clock.now(), "dead");
    failing = true;
    for (let i = 1; i <= 5; i++) {
      expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 1 });
      clock.advance(retryDelayMs(i));
    }
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 0 });
    expect((await prisma.outboxMail.findFirstOrThrow()).attempts).toBe(5);
  });

  it("a mail claimed by a live sender is skipped by another; a lapsed claim (a dead sender) is taken again", async () => {
    await clear();
    await queue(1);
    const clock = fakeClock(T0.toISOString());
    await prisma.outboxMail.updateMany({ data: { claimedUntil: new Date(T0.getTime() + 5 * 60_000) } });
    const sender = createRecordingSender();
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 0, failed: 0 });
    clock.advance(5 * 60_000);
    expect(await deliverOutbox(prisma, sender, clock)).toEqual({ sent: 1, failed: 0 });
  });

  it.runIf(usesPostgres)(
    "concurrent senders on PostgreSQL send each mail exactly once",
    async () => {
      await clear();
      await queue(60);
      const clock = fakeClock(T0.toISOString());
      const sent: string[] = [];
      // a slow sender, so the senders overlap
      const slow: MailSender = {
        send: async (mail) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          sent.push(mail.id);
        },
      };
      const clients = Array.from({ length: 4 }, () => db.newClient());
      const results = await Promise.all(
        clients.flatMap((c) => [
          deliverOutbox(c, slow, clock, { batchSize: 10 }),
          deliverOutbox(c, slow, clock, { batchSize: 10 }),
        ]),
      );
      // whatever each took, together they sent every mail once
      const more = await deliverOutbox(prisma, slow, clock);
      expect(results.reduce((n, r) => n + r.sent, 0) + more.sent).toBe(60);
      expect(new Set(sent).size).toBe(60);
      expect(sent).toHaveLength(60);
      expect(await prisma.outboxMail.count({ where: { sentAt: null } })).toBe(0);
    },
    60_000,
  );

  it("listOutbox gives the newest mail first", async () => {
    await clear();
    await queue(3, T0, "list");
    const list = await listOutbox(prisma);
    expect(list.map((m) => m.subject)).toEqual(["list 2", "list 1", "list 0"]);
  });
});
