// npm run worker: the lifecycle worker against PostgreSQL (DATABASE_URL), every
// LIFECYCLE_INTERVAL_SECONDS (default 60). Several may run at once: rows are claimed with
// FOR UPDATE SKIP LOCKED. On the embedded database the portal process runs the lifecycle itself.
import { getPrisma } from "../lib/db/client";
import { databaseTargetFromEnv, describeTarget } from "../lib/db/config";
import { registryClock } from "../lib/registry/clock";
import { runRegistryLifecycle } from "../lib/registry/lifecycle";
import { deliverOutbox } from "../lib/registry/messages";
import { refreshClockOffset } from "../lib/registry/operator";
import { smtpSenderFromEnv } from "../lib/mail/smtp";

const target = databaseTargetFromEnv();
if (target.kind !== "postgres") {
  console.error(
    "npm run worker needs DATABASE_URL=postgresql://…; on the embedded database `npm start` runs the lifecycle itself.",
  );
  process.exit(1);
}
const intervalMs = Number(process.env.LIFECYCLE_INTERVAL_SECONDS ?? 60) * 1000;
const db = getPrisma(target);
let stopping = false;
console.log(`Lifecycle worker on ${describeTarget(target)}, every ${intervalMs / 1000} s`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    void db.$disconnect().then(() => process.exit(0));
  });
}

while (!stopping) {
  const started = new Date();
  try {
    // in the sandbox (REGISTRY_ENVIRONMENT=sandbox) the operator may run the clock ahead
    await refreshClockOffset(db, { force: true });
    const summary = await runRegistryLifecycle(db, registryClock.now());
    // issue 16: with SMTP_URL set, send the outbox; concurrent workers claim disjoint mails
    const mailSender = smtpSenderFromEnv();
    if (mailSender) {
      const mail = await deliverOutbox(db, mailSender, registryClock);
      if (mail.sent || mail.failed) console.log(`${started.toISOString()} mail sent=${mail.sent} failed=${mail.failed}`);
    }
    const work = Object.entries(summary).filter(([, n]) => n > 0);
    if (work.length)
      console.log(`${started.toISOString()} ${work.map(([k, n]) => `${k}=${n}`).join(" ")}`);
  } catch (error) {
    console.error(`${started.toISOString()} lifecycle run failed:`, error);
  }
  await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
