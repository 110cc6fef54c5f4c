import type { Db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import type { AuthSettings } from "./settings";
import { consumeRecoveryCode } from "@/lib/registry/totp-enrolment";
import { totpStepOf } from "./totp";

export type LoginFailureCode =
  | "INVALID_CREDENTIALS"
  | "LOCKED"
  | "IP_RATE_LIMITED"
  | "TOTP_REQUIRED"
  | "TOTP_INVALID"
  | "SERVICE_USER"
  | "USER_DISABLED";

export class LoginError extends Error {
  constructor(
    readonly code: LoginFailureCode,
    message: string,
    readonly retryAt?: Date,
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
 */
export async function logIn(
  db: Db,
  kind: "user" | "operator",
  input: LoginInput,
  now: Date,
  settings: AuthSettings,
): Promise<{ sessionId: string; principalId: string; accountId: string | null }> {
  const email = input.email.trim().toLowerCase();
  const record = (succeeded: boolean, reason: string | null, p?: Principal | null) =>
    recordAttempt(db, kind, email, input.ip, succeeded, reason, p ?? null, now);

  const ipLock = await lockedUntil(
    db,
    { ip: input.ip },
    settings.ipMaxFailures,
    settings.ipWindowMinutes,
    now,
  );
  if (ipLock) {
    await record(false, "ip-rate-limited");
    throw new LoginError(
      "IP_RATE_LIMITED",
      `Too many failed logins from your address. Try again after ${formatRetryAt(ipLock)}.`,
      ipLock,
    );
  }
  const accountLock = await lockedUntil(
    db,
    { email },
    settings.accountMaxFailures,
    settings.accountWindowMinutes,
    now,
  );
  if (accountLock) {
    await record(false, "locked");
    throw new LoginError(
      "LOCKED",
      `Too many failed logins for ${email}. The account is locked until ${formatRetryAt(accountLock)}.`,
      accountLock,
    );
  }

  const principal = await findPrincipal(db, kind, email);
  const passwordOk = principal
    ? await verifyPassword(principal.passwordHash, input.password)
    : false;
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
  let totpStep: number | null = null;
  if (principal.totpSecret) {
    if (!input.code?.trim()) {
      // the password was right: not a failure, the form just asks for the code
      throw new LoginError("TOTP_REQUIRED", "Enter the code from your authenticator app.");
    }
    if (kind === "user" && isRecoveryCode(input.code)) {
      // a recovery code stands in for the TOTP code, once (DESIGN.md §5)
      if (!(await consumeRecoveryCode(db, principal.id, input.code, now))) {
        await record(false, "recovery-code-invalid", principal);
        throw new LoginError("TOTP_INVALID", "The recovery code is not valid or was already used.");
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
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      },
    });
  });
  if (!session) {
    await record(false, "totp-reused", principal);
    throw new LoginError(
      "TOTP_INVALID",
      "This authentication code was already used. Wait for the next one.",
    );
  }
  await record(true, null, principal);
  return { sessionId: session.id, principalId: principal.id, accountId: principal.accountId };
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
    );
  }
  return step;
}

async function findPrincipal(
  db: Db,
  kind: "user" | "operator",
  email: string,
): Promise<Principal | null> {
  if (kind === "operator") {
    const o = await db.operator.findUnique({ where: { email } });
    return o && { ...o, kind, accountId: null, isService: false };
  }
  const u = await db.user.findUnique({ where: { email } });
  if (!u || u.deletedAt) return null;
  return { ...u, kind, isService: u.kind === "SERVICE" };
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
      NOT: { reason: { in: ["locked", "ip-rate-limited"] } },
    },
    orderBy: { at: "desc" },
    take: max,
    select: { at: true },
  });
  if (failures.length < max) return null;
  return new Date(failures[max - 1]!.at.getTime() + windowMs);
}

async function recordAttempt(
  db: Db,
  kind: "user" | "operator",
  email: string,
  ip: string,
  succeeded: boolean,
  reason: string | null,
  principal: Principal | null,
  now: Date,
) {
  const accountId = principal?.accountId ?? null;
  await db.loginAttempt.create({
    data: {
      email,
      ip,
      succeeded,
      reason,
      at: now,
      userId: kind === "user" ? (principal?.id ?? null) : null,
      operatorId: kind === "operator" ? (principal?.id ?? null) : null,
    },
  });
  await db.auditEvent.create({
    data: {
      at: now,
      actorKind: kind === "operator" ? "OPERATOR" : "PORTAL",
      actorId: principal?.id ?? null,
      actorLabel: email,
      accountId,
      ip,
      operation: kind === "operator" ? "auth.operatorLogin" : "auth.login",
      objectType: kind === "operator" ? "Operator" : "User",
      objectId: principal?.id ?? null,
      objectLabel: email,
      outcome: succeeded ? "SUCCESS" : "REFUSED",
      errorCode: reason,
    },
  });
}
