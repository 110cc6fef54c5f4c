import nodemailer from "nodemailer";
import type { MailSender } from "@/lib/registry/messages";

/**
 * The outbox's real sender (issue 16): SMTP through nodemailer, configured by one URL —
 * `SMTP_URL=smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` — and the
 * sender address `MAIL_FROM` (default `Registry <no-reply@registry.invalid>`). Without SMTP_URL
 * nothing is sent: the sandbox shows the mail at `/sandbox/outbox` instead.
 */
export function smtpSenderFromEnv(env: NodeJS.ProcessEnv = process.env): MailSender | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  return createSmtpSender(url, env.MAIL_FROM?.trim() || "Registry <no-reply@registry.invalid>");
}

export function createSmtpSender(url: string, from: string): MailSender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        // the outbox row's id: a receiving system can drop a duplicate of a re-sent mail
        messageId: `<${mail.id}@outbox.registry.invalid>`,
      });
    },
  };
}
