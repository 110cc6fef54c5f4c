import { randomBytes, randomInt } from "node:crypto";
import { hashPassword } from "@/lib/crypto/password";
import type { Tx } from "@/lib/db/client";
import { invalidateAllowlists } from "@/lib/net/allowlist";
import { checkPassword, normaliseCidr, normaliseEmail, requireFreeEmail } from "@/lib/registry/accounts";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { queueNotification } from "@/lib/registry/messages";
import { runOperatorOperation } from "@/lib/registry/operation";
import { requireOperator } from "@/lib/registry/permissions";

// Registrar accounts as the registry runs them (issue 21): the operator creates an account with
// its registrar handle, first Administrator and initial IP allowlist (R-ACC-1, R-ACC-7), suspends
// and reactivates it, and looks at one: users, allowlist, balance, ledger. A suspended
// registrar's users and service users cannot log in (lib/auth/login.ts, lib/auth/sessions.ts,
// verifyServiceCredential); suspending ends their sessions at once.

export type CreateRegistrarInput = {
  name: string;
  /** CVR number: 8 digits (stored as DK + digits, like the registrar handle's VAT). */
  cvr: string;
  street: string;
  postalCode: string;
  city: string;
  countryCode?: string;
  email: string;
  phone?: string | null;
  fikCode: string;
  /** Optional; the registry issues one (4000 + 6 digits) when left out. */
  accountNumber?: string | null;
  admin: { name: string; email: string };
  /** At least one CIDR or address, with a description each. */
  allowlist: { cidr: string; description: string }[];
};

export type CreatedRegistrar = {
  id: string;
  handle: string;
  name: string;
  accountNumber: string;
  admin: { id: string; email: string };
  /** Shown once to the operator, who hands it over; only its Argon2id hash is stored. */
  initialPassword: string;
};

const CVR = /^\d{8}$/;
const FIK = /^\d{4,16}$/;
const ACCOUNT_NUMBER = /^\d{6,16}$/;

function required(value: string | undefined | null, field: string, label: string): string {
  const text = (value ?? "").trim();
  if (text === "" || text.length > 200) {
    throw new RegistryError("VALIDATION_FAILED", `${label} is required (at most 200 characters)`, { field });
  }
  return text;
}

/** The error, moved to the form's field (the account guards name their own fields). */
function onField(field: string, error: unknown): unknown {
  return error instanceof RegistryError
    ? new RegistryError(error.code, error.message, { ...error.details, field })
    : error;
}

function asField<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw onField(field, error);
  }
}

/** A registry-issued registrar handle: REG- and up to 8 letters of the name, unique. */
async function issueRegistrarHandle(tx: Tx, name: string): Promise<string> {
  const stem =
    name
      .normalize("NFD")
      .replace(/[^A-Za-z0-9]/g, "")
      .toUpperCase()
      .slice(0, 8) || "REGISTRAR";
  for (let n = 1; ; n += 1) {
    const handle = n === 1 ? `REG-${stem}` : `REG-${stem}${n}`;
    if (!(await tx.handle.findUnique({ where: { handle }, select: { id: true } }))) return handle;
  }
}

async function issueAccountNumber(tx: Tx): Promise<string> {
  for (;;) {
    const candidate = `4000${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
    if (!(await tx.registrarAccount.findUnique({ where: { accountNumber: candidate }, select: { id: true } })))
      return candidate;
  }
}

/** 18 random bytes as base64url: 24 characters, well within the 12–128 password rule. */
function newInitialPassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Operator: a new registrar account with its registrar handle (linked, terms accepted), the first
 * Administrator with a generated initial password (returned once), and the initial allowlist.
 */
export async function createRegistrar(ctx: CoreContext, input: CreateRegistrarInput): Promise<CreatedRegistrar> {
  const initialPassword = newInitialPassword();
  checkPassword(initialPassword);
  // hashed before the transaction: Argon2id takes a while and needs no lock
  const passwordHash = await hashPassword(initialPassword);
  const result = await runOperatorOperation(
    ctx,
    { name: "registrar.create", objectType: "RegistrarAccount", objectLabel: input.name },
    async ({ tx, actor, now, policy, audit }) => {
      const name = required(input.name, "name", "The registrar's name");
      const cvr = (input.cvr ?? "").replace(/\s/g, "").replace(/^DK/i, "");
      if (!CVR.test(cvr)) {
        throw new RegistryError("VALIDATION_FAILED", "A CVR number has 8 digits", { field: "cvr" });
      }
      const street = required(input.street, "street", "The street");
      const postalCode = required(input.postalCode, "postalCode", "The postal code");
      const city = required(input.city, "city", "The city");
      const countryCode = (input.countryCode ?? "DK").trim().toUpperCase();
      if (!/^[A-Z]{2}$/.test(countryCode)) {
        throw new RegistryError("VALIDATION_FAILED", "A country is a two-letter code", { field: "countryCode" });
      }
      const email = normaliseEmail(input.email);
      const fikCode = (input.fikCode ?? "").replace(/\s/g, "");
      if (!FIK.test(fikCode)) {
        throw new RegistryError("VALIDATION_FAILED", "A FIK code has 4 to 16 digits", { field: "fikCode" });
      }
      if (await tx.registrarAccount.findUnique({ where: { fikCode }, select: { id: true } })) {
        throw new RegistryError("CONFLICT", `Another registrar already has FIK code ${fikCode}`, { field: "fikCode" });
      }
      let accountNumber = (input.accountNumber ?? "").replace(/\s/g, "");
      if (accountNumber) {
        if (!ACCOUNT_NUMBER.test(accountNumber)) {
          throw new RegistryError("VALIDATION_FAILED", "An account number has 6 to 16 digits", {
            field: "accountNumber",
          });
        }
        if (await tx.registrarAccount.findUnique({ where: { accountNumber }, select: { id: true } })) {
          throw new RegistryError("CONFLICT", `Another registrar already has account number ${accountNumber}`, {
            field: "accountNumber",
          });
        }
      } else {
        accountNumber = await issueAccountNumber(tx);
      }
      const adminEmail = asField("adminEmail", () => normaliseEmail(input.admin.email));
      await requireFreeEmail(tx, adminEmail).catch((error: unknown) => {
        throw onField("adminEmail", error);
      });
      const adminName = required(input.admin.name, "adminName", "The Administrator's name");
      if (input.allowlist.length === 0) {
        throw new RegistryError("ALLOWLIST_CANNOT_BE_EMPTY", "Give at least one IP allowlist entry", {
          field: "allowlist",
        });
      }
      const cidrs = input.allowlist.map((e) => ({
        cidr: asField("allowlist", () => normaliseCidr(e.cidr)),
        description: e.description.trim().slice(0, 200) || "Initial allowlist",
      }));
      const unique = [...new Map(cidrs.map((e) => [e.cidr, e])).values()];

      const handle = await tx.handle.create({
        data: {
          handle: await issueRegistrarHandle(tx, name),
          type: "COMPANY",
          name,
          street,
          postalCode,
          city,
          countryCode,
          email,
          phone: input.phone?.trim() || null,
          vatNumber: `DK${cvr}`,
          managementModel: "REGISTRAR",
          termsAcceptedAt: now,
          createdAt: now,
        },
      });
      const account = await tx.registrarAccount.create({
        data: {
          handleId: handle.id,
          name,
          street,
          postalCode,
          city,
          countryCode,
          email,
          phone: input.phone?.trim() || null,
          vatNumber: `DK${cvr}`,
          fikCode,
          accountNumber,
          lowBalanceThreshold: policy.billing.defaultLowBalanceThresholdOre,
          createdAt: now,
          updatedAt: now,
        },
      });
      await tx.handle.update({ where: { id: handle.id }, data: { accountId: account.id } });
      await tx.ipAllowlistEntry.createMany({
        data: unique.map((e) => ({ accountId: account.id, ...e, createdAt: now, createdBy: actor.label })),
      });
      const admin = await tx.user.create({
        data: {
          accountId: account.id,
          kind: "PORTAL",
          email: adminEmail,
          name: adminName,
          metaRoles: ["ADMINISTRATOR"],
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true, email: true },
      });
      Object.assign(audit, {
        accountId: account.id,
        objectId: account.id,
        objectLabel: handle.handle,
        after: {
          name,
          vatNumber: `DK${cvr}`,
          fikCode,
          accountNumber,
          admin: adminEmail,
          allowlist: unique.map((e) => e.cidr),
        },
      });
      return {
        id: account.id,
        handle: handle.handle,
        name,
        accountNumber,
        admin,
        initialPassword,
      };
    },
  );
  invalidateAllowlists();
  return result;
}

async function lockAccount(tx: Tx, accountId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "RegistrarAccount" WHERE id::text = ${accountId} FOR UPDATE`;
  if (!rows[0]) throw new RegistryError("NOT_FOUND", `Registrar account ${accountId} not found`);
  return tx.registrarAccount.findUniqueOrThrow({
    where: { id: rows[0].id },
    select: { id: true, name: true, suspendedAt: true, suspendedReason: true, handle: { select: { handle: true } } },
  });
}

/**
 * Operator: suspend a registrar (with a reason). Its portal users and service users cannot log in
 * until it is reactivated, and every open session of its users ends now. The registrar is told.
 */
export async function suspendRegistrar(ctx: CoreContext, input: { accountId: string; reason: string }) {
  return runOperatorOperation(
    ctx,
    { name: "registrar.suspend", objectType: "RegistrarAccount", objectLabel: input.accountId },
    async ({ tx, now, audit }) => {
      const reason = required(input.reason, "reason", "A reason");
      const account = await lockAccount(tx, input.accountId);
      Object.assign(audit, { accountId: account.id, objectId: account.id, objectLabel: account.handle.handle });
      if (account.suspendedAt) {
        throw new RegistryError("CONFLICT", `${account.name} is already suspended`);
      }
      await tx.registrarAccount.update({
        where: { id: account.id },
        data: { suspendedAt: now, suspendedReason: reason },
      });
      const { count: sessionsEnded } = await tx.session.updateMany({
        where: { revokedAt: null, user: { accountId: account.id } },
        data: { revokedAt: now, revokeReason: "account-suspended" },
      });
      await queueNotification(tx, {
        accountId: account.id,
        type: "ACCOUNT_SUSPENDED",
        message: `The registry suspended ${account.name}: ${reason}`,
        data: { reason },
        now,
      });
      Object.assign(audit, { before: { suspendedAt: null }, after: { suspendedAt: now, reason, sessionsEnded } });
      return { id: account.id, suspendedAt: now, sessionsEnded };
    },
  );
}

/** Operator: lift a suspension; the registrar's users may log in again. */
export async function reactivateRegistrar(ctx: CoreContext, input: { accountId: string }) {
  return runOperatorOperation(
    ctx,
    { name: "registrar.reactivate", objectType: "RegistrarAccount", objectLabel: input.accountId },
    async ({ tx, now, audit }) => {
      const account = await lockAccount(tx, input.accountId);
      Object.assign(audit, { accountId: account.id, objectId: account.id, objectLabel: account.handle.handle });
      if (!account.suspendedAt) {
        throw new RegistryError("CONFLICT", `${account.name} is not suspended`);
      }
      await tx.registrarAccount.update({
        where: { id: account.id },
        data: { suspendedAt: null, suspendedReason: null },
      });
      await queueNotification(tx, {
        accountId: account.id,
        type: "ACCOUNT_REACTIVATED",
        message: `The registry reactivated ${account.name}`,
        now,
      });
      Object.assign(audit, {
        before: { suspendedAt: account.suspendedAt, reason: account.suspendedReason },
        after: { suspendedAt: null },
      });
      return { id: account.id };
    },
  );
}

export type RegistrarListRow = {
  id: string;
  handle: string;
  name: string;
  email: string;
  fikCode: string;
  accountNumber: string;
  balance: number;
  domainCount: number;
  state: "ACTIVE" | "SUSPENDED";
  suspendedAt: Date | null;
};

/** Operator: every registrar with balance, live domain count and state, by name. */
export async function listRegistrars(ctx: CoreContext): Promise<RegistrarListRow[]> {
  requireOperator(ctx.actor);
  const [accounts, counts] = await Promise.all([
    ctx.db.registrarAccount.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        fikCode: true,
        accountNumber: true,
        balance: true,
        suspendedAt: true,
        handle: { select: { handle: true } },
      },
    }),
    ctx.db.domain.groupBy({
      by: ["registrarId"],
      where: { state: { in: ["ACTIVE", "SUSPENDED", "HELD"] } },
      _count: { _all: true },
    }),
  ]);
  const byAccount = new Map(counts.map((c) => [c.registrarId, c._count._all]));
  return accounts.map(({ handle, ...a }) => ({
    ...a,
    handle: handle.handle,
    domainCount: byAccount.get(a.id) ?? 0,
    state: a.suspendedAt ? "SUSPENDED" : "ACTIVE",
  }));
}

/** Operator: one registrar — account data, state, users, allowlist, balance, the latest ledger. */
export async function getRegistrarOverview(
  ctx: CoreContext,
  input: { accountId: string; ledgerLimit?: number },
) {
  requireOperator(ctx.actor);
  if (!/^[0-9a-f-]{36}$/i.test(input.accountId)) {
    throw new RegistryError("NOT_FOUND", `Registrar account ${input.accountId} not found`);
  }
  const account = await ctx.db.registrarAccount.findUnique({
    where: { id: input.accountId },
    select: {
      id: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      countryCode: true,
      email: true,
      phone: true,
      vatNumber: true,
      fikCode: true,
      accountNumber: true,
      balance: true,
      lowBalanceThreshold: true,
      totpRequired: true,
      suspendedAt: true,
      suspendedReason: true,
      createdAt: true,
      handle: { select: { handle: true } },
    },
  });
  if (!account) throw new RegistryError("NOT_FOUND", `Registrar account ${input.accountId} not found`);
  const [users, allowlist, ledger, domainCount] = await Promise.all([
    ctx.db.user.findMany({
      where: { accountId: account.id, deletedAt: null },
      orderBy: { email: "asc" },
      select: {
        id: true,
        email: true,
        name: true,
        kind: true,
        service: true,
        metaRoles: true,
        disabledAt: true,
        lastLoginAt: true,
        totpEnabledAt: true,
      },
    }),
    ctx.db.ipAllowlistEntry.findMany({
      where: { accountId: account.id },
      orderBy: { cidr: "asc" },
      select: { id: true, cidr: true, description: true, createdAt: true, createdBy: true },
    }),
    ctx.db.ledgerEntry.findMany({
      where: { accountId: account.id },
      orderBy: { id: "desc" },
      take: Math.min(Math.max(input.ledgerLimit ?? 50, 1), 500),
      select: {
        id: true,
        createdAt: true,
        operation: true,
        amount: true,
        balanceAfter: true,
        domainName: true,
        actorLabel: true,
        description: true,
      },
    }),
    ctx.db.domain.count({ where: { registrarId: account.id, state: { in: ["ACTIVE", "SUSPENDED", "HELD"] } } }),
  ]);
  const { handle, ...rest } = account;
  return {
    ...rest,
    handle: handle.handle,
    state: account.suspendedAt ? ("SUSPENDED" as const) : ("ACTIVE" as const),
    domainCount,
    users,
    allowlist,
    ledger,
  };
}
