import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactAction, updateContactAction } from "@/lib/actions/contacts";
import { executeAction } from "@/lib/actions/define";
import type { RegistrarActor } from "@/lib/registry/actor";
import { getContact } from "@/lib/registry/contacts";
import { openRegistry, type Registry } from "../registry/support";

// R-CON-1 through the server actions: the shared zod schema refuses at the field with the
// reader's language, and the core's refusal of a registrant's rename lands at the name field,
// naming the change of registrant.

let r: Registry;
let proxy: RegistrarActor;
beforeAll(async () => {
  r = await openRegistry();
  proxy = r.user(["PROXY"]) as RegistrarActor;
});
afterAll(() => r?.close());

const deps = () => ({ db: r.prisma, clock: r.clock });
const company = {
  type: "COMPANY",
  name: "Handelshuset Test ApS",
  street1: "Torvet 2",
  postalCode: "8000",
  city: "Aarhus C",
  countryCode: "DK",
  email: "info@handelshuset.test",
  phone: "+45 12 34 56 78",
  cvr: "25313763",
};

describe("contact actions", () => {
  it("R-CON-1 creates a contact: the phone as E.164, the issued handle id back", async () => {
    const result = await executeAction(createContactAction.definition, proxy, company, deps());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.handle).toMatch(/^HTA\d+-DK$/);
    expect((await getContact(r.ctx(proxy), result.data)).phone).toBe("+4512345678");
  });

  it.each([
    ["cvr", { cvr: "12345678" }, "Angiv et gyldigt CVR-nummer"],
    ["countryCode", { countryCode: "QQ" }, "Vælg et land på listen"],
    ["phone", { phone: "+45 12 34" }, "Angiv et gyldigt telefonnummer"],
  ])(
    "R-CON-1 an invalid %s is refused at its field, in the reader's language",
    async (field, patch, text) => {
      const result = await executeAction(
        createContactAction.definition,
        proxy,
        { ...company, ...patch },
        deps(),
        "da",
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
      expect(result.fieldErrors?.[field]?.[0]).toContain(text);
    },
  );

  it("R-CON-1 renaming a registrant's contact is refused at the name, naming the change of registrant", async () => {
    const c = await getContact(r.ctx(proxy), { handle: "BKA101-DK" });
    const input = {
      handle: c.handle,
      type: c.type,
      name: "Bageriet Kornet & Søn ApS",
      street1: c.street1,
      postalCode: c.postalCode,
      city: c.city,
      countryCode: c.countryCode,
      email: c.email,
      phone: c.phone,
      cvr: c.cvr,
    };
    const result = await executeAction(updateContactAction.definition, proxy, input, deps());
    expect(result).toMatchObject({ ok: false, code: "REGISTRANT_CHANGE_NOT_ALLOWED" });
    if (result.ok) return;
    expect(result.message).toContain("change of registrant");
    expect(result.fieldErrors?.name?.[0]).toContain("change of registrant");
    const da = await executeAction(updateContactAction.definition, proxy, input, deps(), "da");
    expect(!da.ok && da.fieldErrors?.name?.[0]).toContain("registrantskifte");
    const email = await executeAction(
      updateContactAction.definition,
      proxy,
      { ...input, name: c.name, email: "bager@kornet.test" },
      deps(),
    );
    expect(email.ok).toBe(true);
  });
});
