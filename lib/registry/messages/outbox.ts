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

/**
 * Sends unsent mail, oldest first, marking each sentAt on success and counting failed attempts
 * (given up after 5). Each mail is claimed and marked on its own, so a crash re-sends at most the
 * one in flight. Returns how many were sent and how many failed.
 */
export async function deliverOutbox(
  db: Db,
  sender: MailSender,
  clock: Clock,
  options: { batchSize?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const pending = await db.outboxMail.findMany({
    where: { sentAt: null, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.batchSize ?? 100,
  });
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
        data: { sentAt: clock.now(), attempts: { increment: 1 }, lastError: null },
      });
      sent++;
    } catch (error) {
      await db.outboxMail.update({
        where: { id: mail.id },
        data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 500) },
      });
      failed++;
    }
  }
  return { sent, failed };
}
