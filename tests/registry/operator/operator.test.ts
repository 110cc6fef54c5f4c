import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LoginError, logIn } from "@/lib/auth/login";
import { checkSession } from "@/lib/auth/sessions";
import { authSettings } from "@/lib/auth/settings";
import { createServiceUser, verifyServiceCredential } from "@/lib/registry/accounts";
import { bookBankPayment, cancelInvoice } from "@/lib/registry/billing";
import { clockOffset, registryClock, setClockOffset } from "@/lib/registry/clock";
import { registerDomain, renewDomain } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import {
  blockName,
  createRegistrar,
  exportOperatorAuditCsv,
  getRegistrarOverview,
  importBankStatement,
  listBlockedNames,
  listOperatorAudit,
  listOperatorInvoices,
  listPendingIdControls,
  listRegistrars,
  listWaitingLists,
  parseBankStatement,
  parseDkkAmount,
  parseStatementDate,
  reactivateRegistrar,
  refreshClockOffset,
  runLifecycleNow,
  setSandboxClockOffset,
  suspendRegistrar,
  unblockName,
} from "@/lib/registry/operator";
import { defaultPolicy, dk2026Policy } from "@/lib/registry/policy";
import { createPolicyVersion, diffPolicies, listPolicyVersions, setPolicy } from "@/lib/registry/policy-admin";
import { getPolicy } from "@/lib/registry/policy-store";
import { decideIdControl, joinWaitingList, requestRegistrantChange } from "@/lib/registry/registrants";
import { registryDateFromDb } from "@/lib/registry/rules";
import { CORE2_TABLES, createLinkedHandle, notificationMark, notificationsSince } from "../core2-support";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry, setBalance } from "../support";

// Issue 21: the operator console's core — registrars, payments, ID control, invoices, the
// versioned policy, blocked names and waiting lists, the sandbox, the operator audit.

let r: Registry;
const settings = authSettings({});
beforeAll(async () => {
  r = await openRegistry();
  await setBalance(r, r.demoId, 1_000_000);
});
afterAll(async () => r?.close());

const op = () => r.ctx(r.operator);
let n = 0;
const unique = () => `${Date.now().toString(36)}${(n += 1)}`;

function registrarInput(overrides: Partial<Parameters<typeof createRegistrar>[1]> = {}) {
  const id = unique();
  return {
    name: `Ny Registrar ${id} ApS`,
    cvr: "3" + String(10_000_000 + n).slice(1),
    street: "Nørregade 7",
    postalCode: "1165",
    city: "København K",
    email: `hostmaster-${id}@ny.test`,
    fikCode: String(70_000_000 + n * 17),
    admin: { name: "Nina Ny", email: `admin-${id}@ny.test` },
    allowlist: [{ cidr: "127.0.0.1", description: "Office" }, { cidr: "203.0.113.7/24", description: "" }],
    ...overrides,
  };
}

describe("registrars (issue 21)", () => {
  it("the operator creates a registrar: handle, account, Administrator with a one-time password, allowlist; audited", async () => {
    const input = registrarInput();
    const created = await createRegistrar(op(), input);
    expect(created.handle).toMatch(/^REG-NYREGIST/);
    expect(created.initialPassword.length).toBeGreaterThanOrEqual(12);
    const account = await r.prisma.registrarAccount.findUniqueOrThrow({
      where: { id: created.id },
      include: { allowlist: true, users: true, handle: true },
    });
    expect(account).toMatchObject({ name: input.name, vatNumber: `DK${input.cvr}`, fikCode: input.fikCode, balance: 0 });
    expect(account.accountNumber).toMatch(/^4000\d{6}$/);
    expect(account.handle.accountId).toBe(account.id);
    expect(account.allowlist.map((e) => e.cidr).sort()).toEqual(["127.0.0.1/32", "203.0.113.0/24"]);
    expect(account.users).toMatchObject([{ email: input.admin.email, metaRoles: ["ADMINISTRATOR"], kind: "PORTAL" }]);
    // the password is not stored, only its hash; the Administrator logs in with it
    expect(JSON.stringify(account.users)).not.toContain(created.initialPassword);
    const login = await logIn(
      r.prisma,
      "user",
      { email: input.admin.email, password: created.initialPassword, ip: "127.0.0.1" },
      r.clock.now(),
      settings,
    );
    expect(login.accountId).toBe(created.id);
    const audit = await r.prisma.auditEvent.findFirstOrThrow({ where: { operation: "registrar.create" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorKind: "OPERATOR", actorLabel: r.operator.label, outcome: "SUCCESS", accountId: created.id });
    expect(JSON.stringify(audit.after)).not.toContain(created.initialPassword);

    const listed = (await listRegistrars(op())).find((a) => a.id === created.id);
    expect(listed).toMatchObject({ balance: 0, domainCount: 0, state: "ACTIVE" });
    const overview = await getRegistrarOverview(op(), { accountId: created.id });
    expect(overview.users).toHaveLength(1);
    expect(overview.allowlist).toHaveLength(2);
  });

  it("refuses a taken FIK code (CONFLICT), a taken Administrator email (EMAIL_IN_USE), an empty allowlist, a bad CVR and a registrar user", async () => {
    await expectRefusal(r, () => createRegistrar(op(), registrarInput({ fikCode: "12345678" })), "CONFLICT");
    await expectRefusal(
      r,
      () => createRegistrar(op(), registrarInput({ admin: { name: "X", email: "admin@demo.test" } })),
      "EMAIL_IN_USE",
    );
    await expectRefusal(r, () => createRegistrar(op(), registrarInput({ allowlist: [] })), "ALLOWLIST_CANNOT_BE_EMPTY");
    await expectRefusal(r, () => createRegistrar(op(), registrarInput({ cvr: "123" })), "VALIDATION_FAILED");
    await expectRefusal(
      r,
      () => createRegistrar(op(), registrarInput({ allowlist: [{ cidr: "not-an-ip", description: "" }] })),
      "VALIDATION_FAILED",
    );
    await expectRefusal(r, () => createRegistrar(r.ctx(r.user(["ADMINISTRATOR"])), registrarInput()), "NOT_AUTHORIZED");
  });

  it("suspending ends the registrar's sessions and refuses its logins and service users until reactivated", async () => {
    const input = registrarInput();
    const created = await createRegistrar(op(), input);
    const login = () =>
      logIn(r.prisma, "user", { email: input.admin.email, password: created.initialPassword, ip: "127.0.0.1" }, r.clock.now(), settings);
    const session = await login();
    const admin = { kind: "portal" as const, userId: created.admin.id, accountId: created.id, metaRoles: ["ADMINISTRATOR" as const], ip: "127.0.0.1", label: input.admin.email };
    const service = await createServiceUser(r.ctx(admin), {
      email: `epp-${unique()}@ny.test`,
      name: "EPP",
      service: "EPP",
      metaRoles: ["REGISTRAR"],
    });
    expect(await verifyServiceCredential(r.prisma, service.user.email, service.secret, r.clock.now())).not.toBeNull();

    const mark = await notificationMark(r);
    const suspended = await suspendRegistrar(op(), { accountId: created.id, reason: "Unpaid fees" });
    expect(suspended.sessionsEnded).toBe(1);
    expect((await notificationsSince(r, created.id, mark)).map((m) => m.type)).toEqual(["ACCOUNT_SUSPENDED"]);
    expect((await checkSession(r.prisma, session.sessionId, r.clock.now(), settings)).ok).toBe(false);
    const refused = await login().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LoginError);
    expect((refused as LoginError).code).toBe("ACCOUNT_SUSPENDED");
    expect(await verifyServiceCredential(r.prisma, service.user.email, service.secret, r.clock.now())).toBeNull();
    expect((await listRegistrars(op())).find((a) => a.id === created.id)?.state).toBe("SUSPENDED");
    await expectRefusal(r, () => suspendRegistrar(op(), { accountId: created.id, reason: "again" }), "CONFLICT");

    await reactivateRegistrar(op(), { accountId: created.id });
    await expect(login()).resolves.toHaveProperty("sessionId");
    expect(await verifyServiceCredential(r.prisma, service.user.email, service.secret, r.clock.now())).not.toBeNull();
    await expectRefusal(r, () => reactivateRegistrar(op(), { accountId: created.id }), "CONFLICT");
    await expectRefusal(r, () => suspendRegistrar(r.ctx(r.user(["ADMINISTRATOR"])), { accountId: r.demoId, reason: "x" }), "NOT_AUTHORIZED");
  });

  it("a session whose registrar is suspended meanwhile is ended by the session check (account-suspended)", async () => {
    const input = registrarInput();
    const created = await createRegistrar(op(), input);
    const session = await logIn(r.prisma, "user", { email: input.admin.email, password: created.initialPassword, ip: "127.0.0.1" }, r.clock.now(), settings);
    // suspended behind the core's back: the session check still refuses
    await r.prisma.registrarAccount.update({ where: { id: created.id }, data: { suspendedAt: r.clock.now() } });
    const check = await checkSession(r.prisma, session.sessionId, r.clock.now(), settings);
    expect(check).toEqual({ ok: false, reason: "account-suspended" });
  });
});

describe("R-PAY-2 FIK and bank payments (issue 21)", () => {
  it("books a FIK payment once per reference: a repeat returns the existing booking; another amount or account is refused", async () => {
    const reference = `FIK-${unique()}`;
    const first = await bookBankPayment(op(), { method: "FIK", fikCode: "12345678", reference, amount: 50_000, valueDate: "2026-03-09" });
    expect(first).toMatchObject({ booked: true, amount: 50_000, account: { id: r.demoId } });
    const again = await bookBankPayment(op(), { method: "FIK", fikCode: "12345678", reference, amount: 50_000 });
    expect(again).toMatchObject({ booked: false, paymentId: first.paymentId, balance: first.balance });
    expect(await r.prisma.payment.count({ where: { providerReference: reference } })).toBe(1);
    expect(registryDateFromDb((await r.prisma.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).valueDate!)).toBe("2026-03-09");
    await expectRefusal(r, () => bookBankPayment(op(), { method: "FIK", fikCode: "12345678", reference, amount: 50_001 }), "CONFLICT");
    await expectRefusal(r, () => bookBankPayment(op(), { method: "FIK", fikCode: "87654321", reference, amount: 50_000 }), "CONFLICT");
    // the same bank reference as a bank transfer is the same payment
    await expectRefusal(r, () => bookBankPayment(op(), { method: "BANK", accountNumber: "4000123456", reference, amount: 50_000 }), "CONFLICT");
    await expectRefusal(r, () => bookBankPayment(op(), { method: "FIK", fikCode: "12345678", reference: `F-${unique()}`, amount: 100, valueDate: "2026-03-11" }), "VALIDATION_FAILED");
    await expectRefusal(r, () => bookBankPayment(op(), { method: "FIK", fikCode: "00000000", reference: `F-${unique()}`, amount: 100 }), "NOT_FOUND");
  });

  it("parses statement amounts and dates", () => {
    expect(parseDkkAmount("1234.50")).toBe(123_450);
    expect(parseDkkAmount("1.234,50")).toBe(123_450);
    expect(parseDkkAmount("1,234.5")).toBe(123_450);
    expect(parseDkkAmount("450")).toBe(45_000);
    expect(parseDkkAmount("1.234")).toBe(123_400);
    expect(parseDkkAmount("12,3,4")).toBeNull();
    expect(parseDkkAmount("-5")).toBeNull();
    expect(parseStatementDate("09.03.2026")).toBe("2026-03-09");
    expect(parseStatementDate("2026-03-09")).toBe("2026-03-09");
    expect(parseStatementDate("31-02-2026")).toBeNull();
    const parsed = parseBankStatement('\uFEFFDate;Reference;Amount;FIK code;Account number\r\n09.03.2026;"A;1";1.234,50;12345678;\r\n\r\n2026-03-09;B;x;;4000123456\n');
    expect(parsed.lines).toEqual([{ line: 2, date: "2026-03-09", reference: "A;1", amount: 123_450, fikCode: "12345678", accountNumber: null }]);
    expect(parsed.invalid).toMatchObject([{ line: 4, reference: "B", outcome: "INVALID" }]);
    expect(() => parseBankStatement("when,what\n1,2\n")).toThrow(/columns/);
  });

  it("imports a bank statement: each line booked once, and each line's outcome", async () => {
    const booked = `ST-${unique()}`;
    const dup = `ST-${unique()}`;
    await bookBankPayment(op(), { method: "BANK", accountNumber: "4000123456", reference: dup, amount: 10_000 });
    const csv = [
      "date,reference,amount,fik_code,account_number",
      `2026-03-09,${booked},250.00,12345678,`,
      `2026-03-09,${dup},100.00,,4000123456`,
      `2026-03-09,ST-${unique()},75.00,99999999,`,
      `2026-03-09,${dup},999.00,,4000123456`,
      `not a date,ST-${unique()},75.00,12345678,`,
    ].join("\n");
    const before = (await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } })).balance;
    const result = await importBankStatement(op(), { fileName: "march.csv", content: csv });
    expect(result.lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, "BOOKED"],
      [3, "DUPLICATE"],
      [4, "UNKNOWN_ACCOUNT"],
      [5, "CONFLICT"],
      [6, "INVALID"],
    ]);
    expect(result).toMatchObject({ booked: 1, duplicates: 1, refused: 3 });
    expect((await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } })).balance).toBe(before + 25_000);
    // again: nothing new is booked
    const again = await importBankStatement(op(), { fileName: "march.csv", content: csv });
    expect(again.booked).toBe(0);
    expect((await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } })).balance).toBe(before + 25_000);
    const file = await r.prisma.auditEvent.findFirstOrThrow({ where: { operation: "billing.importStatement" }, orderBy: { id: "desc" } });
    expect(file).toMatchObject({ actorKind: "OPERATOR", objectLabel: "march.csv", outcome: "SUCCESS" });
    await expect(importBankStatement(r.ctx(r.user(["PAYER"])), { content: csv })).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });
});

describe("R-CHG-3 ID control by the operator (issue 21)", () => {
  async function pendingIdControl(domain: string) {
    const { handle } = await createLinkedHandle(r, `IDC${unique().toUpperCase()}-DK`, {
      accountId: r.demoId,
      termsAccepted: true,
      idControl: "REQUIRED",
    });
    const result = await requestRegistrantChange(r.ctx(r.user(["PROXY"])), { name: domain, newRegistrant: handle });
    expect(result.state).toBe("ID_CONTROL_REQUESTED");
    return result.requestId;
  }

  it("lists pending ID controls with deadlines; approve completes (message), reject with a reason ends it (message with the reason)", async () => {
    const approve = await pendingIdControl("vvs-service-demo.dk");
    const reject = await pendingIdControl("frisoer-demo.dk");
    const pending = await listPendingIdControls(op());
    expect(pending.map((p) => p.id)).toEqual(expect.arrayContaining([approve, reject]));
    expect(pending.find((p) => p.id === approve)?.deadline).toBeInstanceOf(Date);

    const mark = await notificationMark(r);
    await decideIdControl(op(), approve, "passed", { reason: "Passport checked" });
    await decideIdControl(op(), reject, "rejected", { reason: "Documents do not match" });
    const messages = await notificationsSince(r, r.demoId, mark);
    expect(messages.map((m) => m.type)).toEqual(["REGISTRANT_CHANGE_COMPLETED", "REGISTRANT_CHANGE_ID_CONTROL_REJECTED"]);
    expect(messages[1]!.message).toContain("Documents do not match");
    expect(await r.prisma.registrantChangeRequest.findUniqueOrThrow({ where: { id: reject } })).toMatchObject({
      state: "ID_CONTROL_REJECTED",
      decisionReason: "Documents do not match",
    });
    expect((await listPendingIdControls(op())).map((p) => p.id)).not.toContain(approve);
    await expect(listPendingIdControls(r.ctx(r.user(["PROXY"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });
});

describe("R-REN-2 invoices by the operator (issue 21)", () => {
  it("lists invoices and cancels an open one with a reason; the registrar is told; a cancelled one cannot be paid or cancelled again", async () => {
    const domain = await r.prisma.domain.findFirstOrThrow({ where: { liveName: "sorensen-familie.dk" } });
    const invoice = await r.prisma.invoice.create({
      data: { domainId: domain.id, accountId: r.demoId, payerId: domain.registrantId, amount: 4_500, periodYears: 1, issuedAt: r.clock.now(), dueAt: new Date(r.clock.now().getTime() + 86_400_000) },
    });
    expect((await listOperatorInvoices(op(), { state: "OPEN" })).map((i) => i.number)).toContain(invoice.number);
    const mark = await notificationMark(r);
    await cancelInvoice(op(), { number: invoice.number, reason: "Issued in error" });
    expect((await notificationsSince(r, r.demoId, mark)).map((m) => m.type)).toEqual(["INVOICE_CANCELLED"]);
    await expectRefusal(r, () => cancelInvoice(op(), { number: invoice.number, reason: "again" }), "INVOICE_NOT_OPEN");
    await expectRefusal(r, () => cancelInvoice(op(), { number: invoice.number + 10_000, reason: "x" }), "NOT_FOUND");
    await expectRefusal(r, () => cancelInvoice(r.ctx(r.user(["PAYER"])), { number: invoice.number, reason: "x" }), "NOT_AUTHORIZED");
  });
});

describe("versioned policy (issue 21)", () => {
  afterEach(async () => {
    await setPolicy(op(), defaultPolicy);
  });

  it("diffs two policies leaf by leaf", () => {
    const diff = diffPolicies(defaultPolicy, dk2026Policy);
    expect(diff).toContainEqual({ path: "renewal.windowMonths", before: null, after: 2 });
    expect(diff).toContainEqual({ path: "registration.periodYears", before: defaultPolicy.registration.periodYears, after: [1] });
    expect(diffPolicies(defaultPolicy, defaultPolicy)).toEqual([]);
  });

  it("each change is a new version with who, when, effective-from and its diff; an operation uses the version in force at its time", async () => {
    const registrar = r.ctx(r.user(["REGISTRAR"]));
    const payer = r.ctx(r.user(["PAYER"]));
    const name = freshName("fee");
    await registerDomain(registrar, { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    const exDate = async () => registryDateFromDb((await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } })).exDate!);
    const lastRenewalFee = async () =>
      -(await r.prisma.ledgerEntry.findFirstOrThrow({ where: { domainName: name, operation: "RENEWAL" }, orderBy: { id: "desc" } })).amount;

    await renewDomain(payer, { name, curExpDate: await exDate() });
    expect(await lastRenewalFee()).toBe(4_500);

    const versionsBefore = await r.prisma.policy.count();
    const from = new Date(r.clock.now().getTime() + 3_600_000); // in an hour
    const v = await createPolicyVersion(op(), {
      settings: { ...defaultPolicy, prices: { ...defaultPolicy.prices, perYearOre: 5_000 } },
      effectiveFrom: from,
    });
    expect(v.diff).toEqual([{ path: "prices.perYearOre", before: 4_500, after: 5_000 }]);
    expect(await r.prisma.policy.count()).toBe(versionsBefore + 1);
    const listed = await listPolicyVersions(op());
    expect(listed[0]).toMatchObject({ version: v.version, status: "SCHEDULED", createdBy: r.operator.label });

    // before the effective instant: the old fee
    await renewDomain(payer, { name, curExpDate: await exDate() });
    expect(await lastRenewalFee()).toBe(4_500);
    r.clock.advance({ hours: 1 });
    await renewDomain(payer, { name, curExpDate: await exDate() });
    expect(await lastRenewalFee()).toBe(5_000);
    expect((await listPolicyVersions(op()))[0]).toMatchObject({ version: v.version, status: "IN_FORCE" });
    expect((await getPolicy(r.prisma, new Date(from.getTime() - 1))).prices.perYearOre).toBe(4_500);
  });

  it("refuses an effective-from in the past, an invalid policy and a registrar user", async () => {
    await expectRefusal(
      r,
      () => createPolicyVersion(op(), { settings: dk2026Policy, effectiveFrom: new Date(r.clock.now().getTime() - 3_600_000) }),
      "VALIDATION_FAILED",
    );
    await expectRefusal(r, () => createPolicyVersion(op(), { settings: { ...defaultPolicy, redemptionDays: 0 } }), "VALIDATION_FAILED");
    await expectRefusal(r, () => createPolicyVersion(r.ctx(r.user(["ADMINISTRATOR"])), { settings: dk2026Policy }), "NOT_AUTHORIZED");
  });
});

describe("R-REG-4 blocked names and R-REG-6 waiting lists (issue 21)", () => {
  it("blocks and unblocks a name with a reason; a blocked name cannot be registered", async () => {
    const name = freshName("blokeret");
    await blockName(op(), { name, reason: "Trademark dispute" });
    expect((await listBlockedNames(op())).map((b) => b.name)).toContain(name);
    await expect(registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE })).rejects.toMatchObject({
      code: "DOMAIN_NOT_AVAILABLE",
    });
    await expectRefusal(r, () => blockName(op(), { name, reason: "again" }), "CONFLICT");
    await expectRefusal(r, () => blockName(op(), { name: freshName("x"), reason: " " }), "VALIDATION_FAILED");
    await unblockName(op(), { name, reason: "Dispute settled" });
    expect((await listBlockedNames(op())).map((b) => b.name)).not.toContain(name);
    await expectRefusal(r, () => unblockName(op(), { name, reason: "again" }), "NOT_FOUND");
    await expectRefusal(r, () => blockName(r.ctx(r.user(["REGISTRAR"])), { name, reason: "x" }), "NOT_AUTHORIZED");
    const audit = await r.prisma.auditEvent.findFirstOrThrow({ where: { operation: "blockedName.remove", outcome: "SUCCESS" }, orderBy: { id: "desc" } });
    expect(audit.after).toEqual({ removedBecause: "Dispute settled" });
  });

  it("lists a name's waiting list in join order, with the operator's added entry", async () => {
    await joinWaitingList(op(), { name: "demo-hosting.dk", holderName: "Første", holderEmail: `a-${unique()}@x.test` });
    r.clock.advance({ seconds: 1 });
    await joinWaitingList(op(), { name: "demo-hosting.dk", holderName: "Anden", holderEmail: `b-${unique()}@x.test` });
    const [list] = await listWaitingLists(op(), { name: "demo-hosting.dk" });
    expect(list!.entries.slice(-2).map((e) => e.holderName)).toEqual(["Første", "Anden"]);
    const positions = list!.entries.map((e) => e.position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
  });
});

describe("sandbox controls (issue 21)", () => {
  const env = process.env.REGISTRY_ENVIRONMENT;
  afterEach(() => {
    if (env === undefined) delete process.env.REGISTRY_ENVIRONMENT;
    else process.env.REGISTRY_ENVIRONMENT = env;
    setClockOffset(0, 0);
  });

  it("outside the sandbox the controls are refused (SANDBOX_ONLY) and no offset applies", async () => {
    delete process.env.REGISTRY_ENVIRONMENT;
    await expectRefusal(r, () => setSandboxClockOffset(op(), { seconds: 86_400 }), "SANDBOX_ONLY", CORE2_TABLES);
    await expect(runLifecycleNow(op())).rejects.toMatchObject({ code: "SANDBOX_ONLY" });
    expect(await refreshClockOffset(r.prisma, { force: true })).toBe(0);
  });

  it("in the sandbox: the stored offset runs the registry clock ahead; the lifecycle runs now, audited", async () => {
    process.env.REGISTRY_ENVIRONMENT = "sandbox";
    await setSandboxClockOffset(op(), { seconds: 3 * 86_400 });
    expect(clockOffset().ms).toBe(3 * 86_400_000);
    setClockOffset(0, 0); // as another process would see it
    expect(await refreshClockOffset(r.prisma)).toBe(3 * 86_400_000);
    expect(registryClock.now().getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 5_000);
    await expectRefusal(r, () => setSandboxClockOffset(op(), { seconds: -1 }), "VALIDATION_FAILED");
    await expectRefusal(r, () => setSandboxClockOffset(r.ctx(r.user(["ADMINISTRATOR"])), { seconds: 0 }), "NOT_AUTHORIZED");
    const summary = await runLifecycleNow(op());
    expect(summary.at).toEqual(r.clock.now());
    const audit = await r.prisma.auditEvent.findFirstOrThrow({ where: { operation: "sandbox.runLifecycle" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorKind: "OPERATOR", outcome: "SUCCESS" });
    await setSandboxClockOffset(op(), { seconds: 0 });
    expect(clockOffset().ms).toBe(0);
  });
});

describe("operator audit (issue 21)", () => {
  it("lists the operators' events with filters, keyset pages, and exports CSV", async () => {
    const name = freshName("audit");
    await blockName(op(), { name, reason: "=HYPERLINK(\"x\")" });
    await expect(blockName(op(), { name, reason: "again" })).rejects.toSatisfy((e) => isRegistryError(e, "CONFLICT"));
    const all = await listOperatorAudit(op(), { object: name });
    expect(all.events.map((e) => [e.operation, e.outcome])).toEqual([
      ["blockedName.add", "REFUSED"],
      ["blockedName.add", "SUCCESS"],
    ]);
    expect((await listOperatorAudit(op(), { object: name, outcome: "SUCCESS" })).events).toHaveLength(1);
    const page = await listOperatorAudit(op(), { operation: "blockedName.", limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    const next = await listOperatorAudit(op(), { operation: "blockedName.", limit: 1, cursor: page.nextCursor });
    expect(next.events[0]!.id).toBeLessThan(page.events[0]!.id);
    const csv = await exportOperatorAuditCsv(op(), { object: name });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,operator,ip,operation,object_type,object,registrar,outcome,error_code,before,after");
    expect(lines).toHaveLength(3);
    expect(csv).toContain('""reason"":""=HYPERLINK');
    await expect(listOperatorAudit(r.ctx(r.user(["ADMINISTRATOR"])))).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
  });
});
