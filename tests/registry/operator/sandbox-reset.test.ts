import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContact } from "@/lib/registry/contacts";
import { clockOffset, setClockOffset } from "@/lib/registry/clock";
import { refreshClockOffset, resetSandboxDemoData, setSandboxClockOffset } from "@/lib/registry/operator";
import { defaultPolicy } from "@/lib/registry/policy";
import { setPolicy } from "@/lib/registry/policy-admin";
import { getPolicy } from "@/lib/registry/policy-store";
import { type Registry, expectRefusal, openRegistry } from "../support";

// Issue 21: the sandbox's "reset the demo data" — everything back to what a first start seeds, in
// one transaction, audited; refused outside the sandbox and to anyone but the operator.

let r: Registry;
const env = process.env.REGISTRY_ENVIRONMENT;
beforeAll(async () => {
  r = await openRegistry(); // a database of its own: the reset empties every table
});
afterAll(async () => r?.close());
afterEach(() => {
  if (env === undefined) delete process.env.REGISTRY_ENVIRONMENT;
  else process.env.REGISTRY_ENVIRONMENT = env;
  setClockOffset(0, 0);
});

const operatorNow = async () => {
  const op = await r.prisma.operator.findFirstOrThrow();
  return r.ctx({ kind: "operator", operatorId: op.id, ip: "127.0.0.1", label: op.email });
};

describe("issue 21 sandbox: reset the demo data", () => {
  it("is refused outside the sandbox (SANDBOX_ONLY) and to a portal Administrator, changing nothing", async () => {
    delete process.env.REGISTRY_ENVIRONMENT;
    const domains = await r.prisma.domain.count();
    await expectRefusal(r, async () => resetSandboxDemoData(await operatorNow()), "SANDBOX_ONLY");
    process.env.REGISTRY_ENVIRONMENT = "sandbox";
    await expectRefusal(r, () => resetSandboxDemoData(r.ctx(r.user(["ADMINISTRATOR"]))), "NOT_AUTHORIZED");
    expect(await r.prisma.domain.count()).toBe(domains);
  });

  it("puts back the seeded registry: made contacts, changed fees, the clock offset and old logins are gone; the reset is audited", async () => {
    process.env.REGISTRY_ENVIRONMENT = "sandbox";
    const before = {
      domains: await r.prisma.domain.count(),
      balance: (await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } })).balance,
      user: await r.prisma.user.findUniqueOrThrow({ where: { email: "all@demo.test" } }),
    };
    const made = await createContact(r.ctx(r.user(["PROXY"])), {
      type: "PERSON",
      name: "Reset Testesen",
      street1: "Nørregade 1",
      postalCode: "1165",
      city: "København K",
      countryCode: "dk",
      email: "reset@example.test",
      phone: "86 12 34 56",
    });
    const op = await operatorNow();
    await setPolicy(op, { ...defaultPolicy, prices: { ...defaultPolicy.prices, perYearOre: defaultPolicy.prices.perYearOre + 1_000 } });
    await setSandboxClockOffset(op, { seconds: 7 * 86_400 });

    const summary = await resetSandboxDemoData(op);

    expect(summary.domains).toBeGreaterThanOrEqual(before.domains); // npm start's seed adds its ID-control cases
    expect(await r.prisma.handle.findUnique({ where: { handle: made.handle } })).toBeNull();
    expect((await getPolicy(r.prisma, new Date())).prices.perYearOre).toBe(defaultPolicy.prices.perYearOre);
    expect(clockOffset().ms).toBe(0);
    expect(await refreshClockOffset(r.prisma, { force: true })).toBe(0);
    const after = await r.prisma.user.findUniqueOrThrow({ where: { email: "all@demo.test" } });
    expect(after.id).not.toBe(before.user.id); // every session of before is void
    const demo = await r.prisma.registrarAccount.findFirstOrThrow({ where: { name: "Demo Registrar A/S" } });
    expect(demo.balance).toBe(before.balance);
    // the reset is the new registry's first event; then the demo's requests with /r/ links
    const audits = await r.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(audits[0]).toMatchObject({ operation: "sandbox.resetDemoData", actorKind: "OPERATOR", outcome: "SUCCESS" });
    expect(audits.slice(1).every((a) => a.actorLabel === "seed")).toBe(true);
    const mail = await r.prisma.outboxMail.findMany();
    expect(mail.some((m) => /\/r\/terms\//.test(m.body))).toBe(true);
  });
});
