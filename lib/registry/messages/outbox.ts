import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/registry/clock";

// Outgoing mail is queued in OutboxMail inside the operation's transaction (no mail is sent from
// inside a transaction, STYLE.md); `deliverOutbox` hands queued mail to a sender afterwards.

export type MailInput = {
  accountId?: string | null;
  kind: string;
  to: string;
  subject: string;
  body: string;
  now: Date;
};

export async function queueMail(tx: Tx, input: MailInput): Promise<void> {
  await tx.outboxMail.create({
    data: {
      accountId: input.accountId ?? null,
      kind: input.kind,
      to: input.to,
      subject: input.subject,
      body: input.body,
      createdAt: input.now,
    },
  });
}

export type OutgoingMail = { id: string; to: string; subject: string; body: string; kind: string };

/** SMTP in production; a recorder in tests; nothing in the sandbox (`/sandbox/outbox` shows it). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** A sender that keeps what it was given, for tests and the sandbox. */
export function createRecordingSender(): MailSender & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    send(mail) {
      sent.push(mail);
      return Promise.resolve();
    },
  };
}

const MAX_ATTEMPTS = 5;
/** How long a claim holds a mail for its sender; a sender that died releases it after this. */
const CLAIM_MS = 5 * 60_000;
/** Backoff after the n-th failed attempt: 1, 4, 16, 64 minutes (then it is given up). */
export const retryDelayMs = (attempts: number) => 60_000 * 4 ** Math.max(0, attempts - 1);

type Claimed = {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  attempts: number;
  createdAt: Date;
};

/**
 * Claims up to `limit` due mails for one sender in one statement: unsent, not given up, not in
 * backoff, not held by another sender's live claim. `FOR UPDATE SKIP LOCKED` lets concurrent
 * senders (several worker processes on PostgreSQL) take disjoint sets; the claim is written
 * before anything is sent, so a mail is handed to a sender once.
 */
async function claimMail(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const until = new Date(now.getTime() + CLAIM_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMail" SET "claimedUntil" = ${until}
    WHERE id IN (
      SELECT id FROM "OutboxMail"
      WHERE "sentAt" IS NULL AND attempts < ${MAX_ATTEMPTS}
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
        AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
      ORDER BY "createdAt", id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, body, kind, attempts, "createdAt"`;
}

/**
 * Sends due mail, oldest first (issue 16): each mail is claimed, then sent, then marked sentAt;
 * a failure counts the attempt and backs off (1, 4, 16, 64 minutes; given up after 5). A sender
 * that dies between sending and marking leaves a claim that lapses after 5 minutes, so at worst
 * that one mail is sent again; no mail is ever handed to two live senders. Returns how many were
 * sent and how many failed.
 */
export async function deliverOutbox(
  db: Db,
  sender: MailSender,
  clock: Clock,
  options: { batchSize?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const pending = await claimMail(db, clock.now(), options.batchSize ?? 100);
  // UPDATE … RETURNING keeps no order: oldest first again
  pending.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await sender.send({
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        kind: mail.kind,
      });
      await db.outboxMail.update({
        where: { id: mail.id },
        data: {
          sentAt: clock.now(),
          attempts: { increment: 1 },
          lastError: null,
          claimedUntil: null,
        },
      });
      sent++;
    } catch (error) {
      const now = clock.now();
      await db.outboxMail.update({
        where: { id: mail.id },
        data: {
          attempts: { increment: 1 },
          lastError: String(error).slice(0, 500),
          claimedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts + 1)),
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}

export type OutboxEntry = {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
};

/**
 * The sandbox's outbox page (`/sandbox/outbox`, issue 16): the newest mails first. The page
 * itself answers only in the sandbox and from loopback; this read is not scoped to an account
 * because the sandbox's mail is nobody's secret.
 */
export async function listOutbox(db: Db, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  return db.outboxMail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 100, 1), 500),
    select: { id: true, to: true, subject: true, body: true, createdAt: true, sentAt: true },
  });
}
