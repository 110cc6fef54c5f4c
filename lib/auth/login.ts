import type { Db } from "@/lib/db/client";
import { verifyPassword } from "../crypto/password";
import { credentialFingerprint } from "./credential";
import type { AuthSettings } from "./settings";
import { consumeRecoveryCode } from "@/lib/registry/accounts";
import { totpStepOf } from "../crypto/totp";

export type LoginFailureCode =
  | "INVALID_CREDENTIALS"
  | "LOCKED"
  | "IP_RATE_LIMITED"
  | "TOTP_REQUIRED"
  | "TOTP_INVALID"
  | "SERVICE_USER"
  | "USER_DISABLED"
  | "OPERATOR_ACCOUNT"
  | "ACCOUNT_SUSPENDED";

export class LoginError extends Error {
  constructor(
    readonly code: LoginFailureCode,
    message: string,
    readonly retryAt?: Date,
    /** Which case of the code, for the form's text in the reader's language. */
    readonly reason?: "wrong" | "reused" | "recovery",
  ) {
    super(message);
  }
}

export type LoginInput = {
  email: string;
  password: string;
  code?: string;
  ip: string;
  userAgent?: string | null;
};

type Principal = {
  id: string;
  kind: "user" | "operator";
  email: string;
  accountId: string | null;
  passwordHash: string;
  disabledAt: Date | null;
  totpSecret: string | null;
  totpLastUsedStep: number | null;
  isService: boolean;
  /** The user's account requires TOTP ("Require two-factor authentication"). */
  totpRequired: boolean;
  /** The registrar account is suspended by the registry (issue 21). */
  accountSuspended: boolean;
};

const copenhagenTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  dateStyle: "medium",
  timeStyle: "short",
});

export function formatRetryAt(at: Date): string {
  return `${copenhagenTime.format(at)} (Copenhagen time)`;
}

/**
 * Email + password (+ TOTP) → a new Session row. Failures are rate-limited per account and per
 * address (DESIGN.md §5), recorded as LoginAttempt rows and audited; attempts refused because of a
 * lock are recorded but not counted, so a lock ends on time however often it is tried.
 *
 * The lock check and the record of the attempt are one atomic step (`reserveAttempt`): under
 * per-account and per-address locks, the attempt is written as a counted failure before the
 * password is verified, and turned into its real outcome after. So the (N+1)th of many concurrent
 * attempts already sees N and is refused (issue 11: 40 concurrent guesses got 8 checks, not 5).
 */
export async function logIn(
  db: Db,
  kind: "user" | "operator",
  input: LoginInput,
  now: Date,
  settings: AuthSettings,
): Promise<{ sessionId: string; principalId: string; accountId: string | null; credential: string }> {
  const { email, malformed } = loginEmail(input.email, input.password);
  const attemptId = await reserveAttempt(db, kind, email, input.ip, now, settings);
  const record = (succeeded: boolean, reason: string | null, p?: Principal | null) =>
    finishAttempt(db, attemptId, kind, email, input.ip, succeeded, reason, p ?? null, now);

  if (malformed) {
    // never looked up: it cannot name a user, and the database could not even compare it
    await record(false, "malformed");
    throw new LoginError("INVALID_CREDENTIALS", "The email or password is not correct.");
  }
  const principal = await findPrincipal(db, kind, email);
  const passwordOk = principal
    ? await verifyPassword(principal.passwordHash, input.password)
    : false;
  if (!principal && kind === "user" && (await isOperatorPassword(db, email, input.password))) {
    // registry staff on the registrars' login: told where theirs is, only with the right password
    await record(false, "operator-account");
    throw new LoginError(
      "OPERATOR_ACCOUNT",
      "This is a registry operator account. Operators log in to the operator console at /operator/login.",
    );
  }
  if (!principal || !passwordOk) {
    await record(false, "invalid-credentials", principal);
    throw new LoginError("INVALID_CREDENTIALS", "The email or password is not correct.");
  }
  if (principal.isService) {
    await record(false, "service-user", principal);
    throw new LoginError(
      "SERVICE_USER",
      "This is a service user: it connects through its service (EPP, DAS or DSU), not the portal.",
    );
  }
  if (principal.disabledAt) {
    await record(false, "disabled", principal);
    throw new LoginError("USER_DISABLED", "This user is disabled. Ask your administrator.");
  }
  if (principal.accountSuspended) {
    await record(false, "account-suspended", principal);
    throw new LoginError(
      "ACCOUNT_SUSPENDED",
      "Your registrar's access is suspended by the registry. Contact the registry.",
    );
  }
  let totpStep: number | null = null;
  if (principal.totpSecret) {
    if (!input.code?.trim()) {
      // the password was right: not a failure (not counted), the form just asks for the code
      await record(false, "totp-required", principal);
      throw new LoginError("TOTP_REQUIRED", "Enter the code from your authenticator app.");
    }
    if (kind === "user" && isRecoveryCode(input.code)) {
      // a recovery code stands in for the TOTP code, once (DESIGN.md §5)
      if (!(await consumeRecoveryCode(db, principal.id, input.code, now))) {
        await record(false, "recovery-code-invalid", principal);
        throw new LoginError(
          "TOTP_INVALID",
          "The recovery code is not valid or was already used.",
          undefined,
          "recovery",
        );
      }
    } else {
      totpStep = await checkTotp(principal, input.code, now, record);
    }
  }

  const session = await db.$transaction(async (tx) => {
    if (totpStep !== null) {
      // conditional, so two logins racing with one code cannot both pass
      const claimed =
        kind === "user"
          ? await tx.user.updateMany({
              where: {
                id: principal.id,
                OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: totpStep } }],
              },
              data: { totpLastUsedStep: totpStep },
            })
          : await tx.operator.updateMany({
              where: {
                id: principal.id,
                OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: totpStep } }],
              },
              data: { totpLastUsedStep: totpStep },
            });
      if (claimed.count === 0) return null;
    }
    if (kind === "user")
      await tx.user.update({ where: { id: principal.id }, data: { lastLoginAt: now } });
    return tx.session.create({
      data: {
        userId: kind === "user" ? principal.id : null,
        operatorId: kind === "operator" ? principal.id : null,
        createdAt: now,
        lastSeenAt: now,
        ip: input.ip,
        userAgent: input.userAgent ? storable(input.userAgent).slice(0, 300) : null,
        // without TOTP in an account that requires it: enrolment before anything else
        totpEnrolmentPending: principal.totpRequired && !principal.totpSecret,
      },
    });
  });
  if (!session) {
    await record(false, "totp-reused", principal);
    throw new LoginError(
      "TOTP_INVALID",
      "This authentication code was already used. Wait for the next one.",
      undefined,
      "reused",
    );
  }
  await record(true, null, principal);
  return {
    sessionId: session.id,
    principalId: principal.id,
    accountId: principal.accountId,
    credential: credentialFingerprint(principal),
  };
}

/** The longest email (RFC 5321 path) and password a login form may send. */
const EMAIL_MAX = 320;
const PASSWORD_INPUT_MAX = 1024;

/**
 * The email as attempts are recorded and users looked up: trimmed, lower-case, with characters
 * PostgreSQL cannot store (NUL, issue 11) or that no address has (controls) replaced, and cut to
 * 320. Such an input, or an oversized password, is `malformed`: recorded, counted, refused.
 */
export function loginEmail(raw: string, password: string): { email: string; malformed: boolean } {
  const trimmed = raw.trim().toLowerCase();
  const email = storable(trimmed).slice(0, EMAIL_MAX);
  return {
    email,
    malformed:
      email !== trimmed || email.length === 0 || password.length > PASSWORD_INPUT_MAX,
  };
}

function storable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, "\ufffd");
}

/** Reasons recorded for attempts that are not counted towards a lock. */
const UNCOUNTED = ["locked", "ip-rate-limited", "totp-required", "operator-account"];

/**
 * One transaction: lock the account's and the address's attempt buckets (transaction-scoped
 * advisory locks, always in this order), refuse when either is locked — recording that refusal —
 * else write the attempt as a pending, counted failure. Returns its id.
 */
async function reserveAttempt(
  db: Db,
  kind: "user" | "operator",
  email: string,
  ip: string,
  now: Date,
  settings: AuthSettings,
): Promise<string> {
  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-account:${kind}:${email}`}, 0))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`;
    const ipLock = await lockedUntil(
      tx,
      { ip },
      settings.ipMaxFailures,
      settings.ipWindowMinutes,
      now,
    );
    const accountLock = ipLock
      ? null
      : await lockedUntil(
          tx,
          { email },
          settings.accountMaxFailures,
          settings.accountWindowMinutes,
          now,
        );
    const reason = ipLock ? "ip-rate-limited" : accountLock ? "locked" : "pending";
    const row = await tx.loginAttempt.create({
      data: { email, ip, succeeded: false, reason, at: now },
      select: { id: true },
    });
    if (reason !== "pending") {
      await tx.auditEvent.create({ data: auditData(kind, email, ip, false, reason, null, now) });
    }
    return { id: row.id, ipLock, accountLock };
  });
  if (outcome.ipLock) {
    throw new LoginError(
      "IP_RATE_LIMITED",
      `Too many failed logins from your address. Try again after ${formatRetryAt(outcome.ipLock)}.`,
      outcome.ipLock,
    );
  }
  if (outcome.accountLock) {
    throw new LoginError(
      "LOCKED",
      `Too many failed logins for ${email}. The account is locked until ${formatRetryAt(outcome.accountLock)}.`,
      outcome.accountLock,
    );
  }
  return outcome.id;
}

function isRecoveryCode(code: string): boolean {
  return /^[0-9a-f]{20}$/i.test(code.replace(/[\s-]/g, ""));
}

async function checkTotp(
  principal: Principal,
  code: string,
  now: Date,
  record: (ok: boolean, reason: string, p: Principal) => Promise<void>,
): Promise<number> {
  const step = totpStepOf(principal.totpSecret!, code, now);
  if (step === null || (principal.totpLastUsedStep ?? -1) >= step) {
    await record(false, step === null ? "totp-invalid" : "totp-reused", principal);
    throw new LoginError(
      "TOTP_INVALID",
      step === null
        ? "The authentication code is not correct."
        : "This authentication code was already used. Wait for the next one.",
      undefined,
      step === null ? "wrong" : "reused",
    );
  }
  return step;
}

async function isOperatorPassword(db: Db, email: string, password: string): Promise<boolean> {
  const operator = await db.operator.findUnique({ where: { email }, select: { passwordHash: true } });
  return operator ? verifyPassword(operator.passwordHash, password) : false;
}

async function findPrincipal(
  db: Db,
  kind: "user" | "operator",
  email: string,
): Promise<Principal | null> {
  if (kind === "operator") {
    const o = await db.operator.findUnique({ where: { email } });
    return o && { ...o, kind, accountId: null, isService: false, totpRequired: false, accountSuspended: false };
  }
  const u = await db.user.findUnique({
    where: { email },
    include: { account: { select: { totpRequired: true, suspendedAt: true } } },
  });
  if (!u || u.deletedAt) return null;
  const { account, ...user } = u;
  return {
    ...user,
    kind,
    isService: u.kind === "SERVICE",
    totpRequired: account.totpRequired,
    accountSuspended: account.suspendedAt !== null,
  };
}

/** When the newest `max` counted failures all lie in the window: until the oldest leaves it. */
async function lockedUntil(
  db: Db,
  by: { email: string } | { ip: string },
  max: number,
  windowMinutes: number,
  now: Date,
): Promise<Date | null> {
  const windowMs = windowMinutes * 60_000;
  const failures = await db.loginAttempt.findMany({
    where: {
      ...by,
      succeeded: false,
      at: { gt: new Date(now.getTime() - windowMs) },
      NOT: { reason: { in: UNCOUNTED } },
    },
    orderBy: { at: "desc" },
    take: max,
    select: { at: true },
  });
  if (failures.length < max) return null;
  return new Date(failures[max - 1]!.at.getTime() + windowMs);
}

/** The attempt's real outcome, written over its pending row, and its audit event. */
async function finishAttempt(
  db: Db,
  attemptId: string,
  kind: "user" | "operator",
  email: string,
  ip: string,
  succeeded: boolean,
  reason: string | null,
  principal: Principal | null,
  now: Date,
) {
  await db.loginAttempt.update({
    where: { id: attemptId },
    data: {
      succeeded,
      reason,
      userId: kind === "user" ? (principal?.id ?? null) : null,
      operatorId: kind === "operator" ? (principal?.id ?? null) : null,
    },
  });
  await db.auditEvent.create({ data: auditData(kind, email, ip, succeeded, reason, principal, now) });
}

function auditData(
  kind: "user" | "operator",
  email: string,
  ip: string,
  succeeded: boolean,
  reason: string | null,
  principal: Principal | null,
  now: Date,
) {
  return {
    at: now,
    actorKind: kind === "operator" ? ("OPERATOR" as const) : ("PORTAL" as const),
    actorId: principal?.id ?? null,
    actorLabel: email,
    accountId: principal?.accountId ?? null,
    ip,
    operation: kind === "operator" ? "auth.operatorLogin" : "auth.login",
    objectType: kind === "operator" ? "Operator" : "User",
    objectId: principal?.id ?? null,
    objectLabel: email,
    outcome: succeeded ? ("SUCCESS" as const) : ("REFUSED" as const),
    errorCode: reason,
  };
}
