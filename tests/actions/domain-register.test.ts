import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { checkDomainNameAction, registerDomainAction } from "@/lib/actions/domain-register";
import type { RegistrarActor } from "@/lib/registry/actor";
import { OUT_OF_ZONE, type Registry, freshName, openRegistry, setBalance } from "../registry/support";

// Issue 15 "Register" through its server action: every refusal in the reader's language at the
// field it concerns (item 7), the fields typed as the form has them.

let r: Registry;
let registrar: RegistrarActor;
beforeAll(async () => {
  r = await openRegistry();
  registrar = r.user(["REGISTRAR"]) as RegistrarActor;
});
afterAll(() => r?.close());

const deps = () => ({ db: r.prisma, clock: r.clock });
const form = (name: string, patch: Record<string, unknown> = {}) => ({
  reference: "",
  name,
  authorizationCode: "",
  periodYears: "1",
  managementModel: "registrar",
  renewalPolicy: "AUTO_RENEW",
  poNumber: "",
  accountCode: "",
  registrant: "JCA1-DK",
  proxy: "",
  payer: "",
  nameServers: OUT_OF_ZONE.map((host) => ({ host })),
  termsMethod: "stated",
  termsAcceptedAt: "2026-03-10T09:30",
  ...patch,
});

describe("registerDomainAction", () => {
  it("R-REG-1 registers by method 1 with the wall time read as Copenhagen time", async () => {
    const name = freshName("handling");
    const result = await executeAction(registerDomainAction.definition, registrar, form(name), deps());
    expect(result).toMatchObject({ ok: true, data: { status: "ACTIVE", name, charged: 4_500 } });
  });

  it("R-REG-2 method 2 answers HELD with the hold's end", async () => {
    await r.prisma.handle.update({ where: { handle: "HH3-DK" }, data: { termsAcceptedAt: null } });
    const result = await executeAction(
      registerDomainAction.definition,
      registrar,
      form(freshName("spoerg"), { registrant: "HH3-DK", termsMethod: "email" }),
      deps(),
    );
    expect(result).toMatchObject({ ok: true, data: { status: "HELD", holdExpiresAt: "2026-03-13T23:00:00.000Z" } });
  });

  it.each([
    ["an invalid name", form("ab--cd"), "name", /positions 3–4/, "en"],
    ["a taken name", form("søbakke.dk"), "name", /^søbakke\.dk er registreret\.$/, "da"],
    ["a future terms time", form(freshName("fremtid"), { termsAcceptedAt: "2026-03-11T09:30" }), "termsAcceptedAt", /.+/, "en"],
    ["a missing terms time", form(freshName("mangler"), { termsAcceptedAt: "" }), "termsAcceptedAt", /^Enter when the registrant accepted the terms\.$/, "en"],
    ["a proxy under registrant management that is another registrar's", form(freshName("proxy"), { managementModel: "registrant", registrant: "SS4-DK", proxy: "REG-OTHER" }), "proxy", /.+/, "en"],
    ["one name server", form(freshName("ns"), { nameServers: [{ host: "ns1.dns-provider.net" }] }), "nameServers", /at least 2/, "en"],
  ] as const)("item 7: %s is refused at its field", async (_what, input, field, text, locale) => {
    const result = await executeAction(registerDomainAction.definition, registrar, input, deps(), locale);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0]).toMatch(text);
  });

  it("R-REG-5 beyond the balance: refused naming the balance and the price", async () => {
    await setBalance(r, r.demoId, 1_000);
    try {
      const result = await executeAction(registerDomainAction.definition, registrar, form(freshName("dyr")), deps());
      expect(result).toMatchObject({
        ok: false,
        code: "INSUFFICIENT_FUNDS",
        // Intl puts a no-break space after the currency code
        message: expect.stringMatching(/^Your balance \(DKK\s10\.00\) does not cover the price \(DKK\s45\.00\)\.$/),
      });
    } finally {
      await setBalance(r, r.demoId, 1_000_000);
    }
  });

  it("R-REG-1 is the Registrar's: the Proxy and the Payer are NOT_AUTHORIZED", async () => {
    for (const role of ["PROXY", "PAYER"] as const) {
      const result = await executeAction(registerDomainAction.definition, r.user([role]), form(freshName("nej")), deps());
      expect(result).toMatchObject({ ok: false, code: "NOT_AUTHORIZED" });
    }
  });
});

describe("checkDomainNameAction", () => {
  it("R-REG-4 answers available, or why not", async () => {
    const taken = await executeAction(checkDomainNameAction.definition, registrar, { name: "xn--sbakke-bya.dk" }, deps());
    expect(taken).toMatchObject({ ok: true, data: { available: false, reason: "REGISTERED", uLabel: "søbakke.dk" } });
    const invalid = await executeAction(checkDomainNameAction.definition, registrar, { name: "-x" }, deps());
    expect(invalid).toMatchObject({ ok: true, data: { reason: "INVALID", invalidReason: "LEADING_HYPHEN" } });
  });
});
