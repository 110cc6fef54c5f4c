import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteRenewalAction } from "@/lib/actions/domain-ops";
import { renewDomainAction } from "@/lib/actions/domains";
import { type DefinedAction, executeAction } from "@/lib/actions/define";
import type { RegistrarActor } from "@/lib/registry/actor";
import { registerDomain } from "@/lib/registry/domains";
import { OUT_OF_ZONE, freshName, openRegistry, type Registry } from "../registry/support";

// Issue 15 item 7 through the server actions: the Renew dialog's quote and the renewal refuse a
// period past the cap at the Period field (periodValue), in the reader's language.

let r: Registry;
let payer: RegistrarActor;
let name: string;
beforeAll(async () => {
  r = await openRegistry();
  payer = r.user(["PAYER"]) as RegistrarActor;
  name = freshName("forny-felt");
  await registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
});
afterAll(() => r?.close());

const deps = () => ({ db: r.prisma, clock: r.clock });

describe("Renew dialog actions", () => {
  it("R-REN-1 quotes a year: price and new expiry, nothing charged", async () => {
    const input = { name, curExpDate: "2027-03-10", periodUnit: "y", periodValue: "1" };
    const result = await executeAction(quoteRenewalAction.definition, payer, input, deps());
    expect(result).toMatchObject({ ok: true, data: { price: 4_500, newExDate: "2028-03-10" } });
  });

  const actions = [
    ["quoteRenewalAction", quoteRenewalAction as DefinedAction],
    ["renewDomainAction", renewDomainAction as DefinedAction],
  ] as const;
  it.each(actions)(
    "R-REN-1 %s: 10 years past the cap is refused at periodValue, in English and Danish",
    async (_, action) => {
      const input = { name, curExpDate: "2027-03-10", periodUnit: "y", periodValue: "10" };
      const en = await executeAction(action.definition, payer, input, deps());
      expect(en.ok).toBe(false);
      if (en.ok) return;
      expect(en.code).toBe("RENEWAL_PERIOD_EXCEEDS_CAP");
      expect(en.fieldErrors?.periodValue?.[0]).toMatch(/lies after .*the furthest a domain name may be renewed to/);
      const da = await executeAction(action.definition, payer, input, deps(), "da");
      expect(da.ok).toBe(false);
      if (!da.ok) expect(da.fieldErrors?.periodValue?.[0]).toMatch(/ligger efter/);
    },
  );
});
