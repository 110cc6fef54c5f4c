import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MESSAGE_HISTORY_DAYS,
  ackMessages,
  describeNotification,
  listMessagePage,
} from "@/lib/registry/messages";
import { type Registry, openRegistry } from "../support";

// R-MSG-1 / issue 18: the Messages page's queries — the queue oldest first with its count, a type
// filter, "acknowledge all shown", and a History of acknowledged messages for 90 days.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const reader = () => r.ctx(r.user(["REGISTRAR"]));

async function queue(type: string, domainName: string | null, minutesAgo = 0) {
  return r.prisma.notification.create({
    data: {
      accountId: r.demoId,
      type,
      domainName,
      message: `${type} ${domainName ?? ""}`,
      createdAt: new Date(r.clock.now().getTime() - minutesAgo * 60_000),
    },
  });
}

describe("R-MSG-1 the Messages page", () => {
  it("R-MSG-1 the queue is oldest first with its count, the unread total and the types present", async () => {
    const page = await listMessagePage(reader(), { limit: 100 });
    const unread = await r.prisma.notification.count({
      where: { accountId: r.demoId, ackedAt: null },
    });
    expect(page.count).toBe(unread);
    expect(page.unread).toBe(unread);
    const ids = page.messages.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(page.types.reduce((n, t) => n + t.count, 0)).toBe(unread);
    expect(page.messages.every((m) => m.ackedAt === null)).toBe(true);
  });

  it("issue 12: every seeded message carries the data its text needs (rendered, not the stored English)", async () => {
    const seeded = await r.prisma.notification.findMany();
    expect(seeded.length).toBeGreaterThan(0);
    for (const m of seeded)
      expect(describeNotification(m).known, `${m.type} ${m.domainName}`).toBe(true);
  });

  it("R-MSG-1 the type filter narrows list and count; keyset pages continue oldest first", async () => {
    const a = await queue("TRANSFER_OUT", "demo-hosting.dk");
    const b = await queue("TRANSFER_OUT", "demo-hosting.dk");
    const page = await listMessagePage(reader(), { type: "TRANSFER_OUT", limit: 1 });
    const all = await r.prisma.notification.count({
      where: { accountId: r.demoId, ackedAt: null, type: "TRANSFER_OUT" },
    });
    expect(page.count).toBe(all);
    expect(page.messages).toHaveLength(1);
    expect(page.messages.every((m) => m.type === "TRANSFER_OUT")).toBe(true);
    const next = await listMessagePage(reader(), {
      type: "TRANSFER_OUT",
      after: page.nextCursor,
      limit: 100,
    });
    expect(next.messages.map((m) => m.id)).toEqual(expect.arrayContaining([b.id]));
    expect([page.messages[0]!.id, ...next.messages.map((m) => m.id)]).toContain(a.id);
  });

  it("R-MSG-1 keyset pages read forwards and back in both the queue and the History", async () => {
    for (let i = 0; i < 3; i++) await queue("WAITING_LIST_OFFERED", "demo-hosting.dk");
    for (const history of [false, true]) {
      if (history) {
        const all = await listMessagePage(reader(), { type: "WAITING_LIST_OFFERED", limit: 100 });
        await ackMessages(reader(), { ids: all.messages.map((m) => m.id) });
      }
      const pages: number[][] = [];
      let page = await listMessagePage(reader(), { history, type: "WAITING_LIST_OFFERED", limit: 1 });
      expect(page.prevCursor).toBeNull();
      pages.push(page.messages.map((m) => m.id));
      while (page.nextCursor !== null) {
        page = await listMessagePage(reader(), {
          history,
          type: "WAITING_LIST_OFFERED",
          after: page.nextCursor,
          limit: 1,
        });
        pages.push(page.messages.map((m) => m.id));
      }
      const ids = pages.flat();
      expect(ids).toHaveLength(page.count);
      expect(ids).toEqual([...ids].sort((a, b) => (history ? b - a : a - b)));
      const back = await listMessagePage(reader(), {
        history,
        type: "WAITING_LIST_OFFERED",
        before: ids.at(-1)!,
        limit: 1,
      });
      expect(back.messages.map((m) => m.id)).toEqual([ids.at(-2)]);
      expect(back.nextCursor).toBe(ids.at(-2));
    }
  });

  it("R-MSG-1 a message links its domain only while the domain is in the portfolio", async () => {
    const live = await queue("DOMAIN_CANCELLED", "demo-hosting.dk");
    const gone = await queue("TRANSFER_OUT", "not-ours-anymore.dk");
    const page = await listMessagePage(reader(), { limit: 100 });
    expect(page.messages.find((m) => m.id === live.id)?.domainInPortfolio).toBe(true);
    expect(page.messages.find((m) => m.id === gone.id)?.domainInPortfolio).toBe(false);
  });

  it("R-MSG-1 acknowledging all shown dequeues exactly the page; the History keeps them for 90 days, newest first", async () => {
    const x = await queue("WELCOME", null);
    const y = await queue("WELCOME", null);
    const shown = await listMessagePage(reader(), { type: "WELCOME", limit: 100 });
    const before = shown.unread;
    const result = await ackMessages(reader(), { ids: shown.messages.map((m) => m.id) });
    expect(result).toEqual({
      acknowledged: shown.messages.length,
      remaining: before - shown.messages.length,
    });
    expect((await listMessagePage(reader(), { type: "WELCOME" })).count).toBe(0);

    const history = await listMessagePage(reader(), { history: true, type: "WELCOME" });
    expect(history.messages.map((m) => m.id).slice(0, 2)).toEqual([y.id, x.id]);
    expect(history.messages[0]).toMatchObject({ ackedBy: "registrar@demo.test" });
    expect(history.messages[0]!.ackedAt).toEqual(r.clock.now());

    // 90 days later it is still there; a moment after, it is gone from the History
    const saved = r.clock.now();
    try {
      r.clock.set(new Date(saved.getTime() + MESSAGE_HISTORY_DAYS * 86_400_000));
      expect(
        (await listMessagePage(reader(), { history: true, type: "WELCOME" })).messages.map(
          (m) => m.id,
        ),
      ).toContain(x.id);
      r.clock.set(new Date(saved.getTime() + MESSAGE_HISTORY_DAYS * 86_400_000 + 1));
      expect(
        (await listMessagePage(reader(), { history: true, type: "WELCOME" })).messages.map(
          (m) => m.id,
        ),
      ).not.toContain(x.id);
    } finally {
      r.clock.set(saved);
    }
  });

  it("R-MSG-1 another registrar sees none of Demo's messages, in the queue or the History", async () => {
    const other = r.ctx(r.user(["REGISTRAR"], "other"));
    const demoIds = new Set(
      (await r.prisma.notification.findMany({ where: { accountId: r.demoId } })).map((m) => m.id),
    );
    for (const history of [false, true]) {
      const page = await listMessagePage(other, { history, limit: 100 });
      expect(page.messages.some((m) => demoIds.has(m.id))).toBe(false);
    }
  });
});
