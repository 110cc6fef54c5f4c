import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ContactFieldsInput,
  countContacts,
  createContact,
  getContact,
  listContacts,
  parseContactFields,
  updateContact,
} from "@/lib/registry/contacts";
import { registerDomain } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const proxy = () => r.ctx(r.user(["PROXY"]));
const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const otherProxy = () => r.ctx(r.user(["PROXY", "REGISTRAR"], "other"));

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n += 1)}`;

const company = (over: Partial<ContactFieldsInput> = {}): ContactFieldsInput => ({
  type: "COMPANY",
  name: `Testfirma ${unique()} ApS`,
  organisation: null,
  street1: "Nørregade 7",
  street2: "2. sal",
  postalCode: "1165",
  city: "København K",
  countryCode: "DK",
  email: "kontakt@testfirma.test",
  phone: "+45 12 34 56 78",
  cvr: "25313763",
  ...over,
});

const person = (over: Partial<ContactFieldsInput> = {}): ContactFieldsInput => ({
  type: "PERSON",
  name: `Karen ${unique()} Jensen`,
  street1: "Åboulevarden 3",
  postalCode: "8000",
  city: "Aarhus C",
  countryCode: "dk",
  email: "Karen@Jensen.test",
  phone: "86 12 34 56",
  ...over,
});

async function errorOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (isRegistryError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function registerTo(handle: string) {
  const name = freshName("kontakt");
  await registerDomain(r.ctx(r.user(["REGISTRAR"])), {
    name,
    registrant: handle,
    nameServers: OUT_OF_ZONE,
    termsAcceptedAt: r.clock.now(),
  });
  return name;
}

describe("R-CON-1 creating contacts", () => {
  it("R-CON-1 a Proxy creates a company contact: registry-issued id, registrar-managed, linked, phone in E.164, audited", async () => {
    const input = company();
    const contact = await createContact(proxy(), input);
    expect(contact.handle).toMatch(/^[A-Z]{1,3}\d+-DK$/);
    expect(contact).toMatchObject({
      type: "COMPANY",
      name: input.name,
      street1: "Nørregade 7",
      street2: "2. sal",
      street3: null,
      countryCode: "DK",
      phone: "+4512345678",
      cvr: "25313763",
      ean: null,
      managementModel: "REGISTRAR",
      readOnly: false,
    });
    const row = await r.prisma.handle.findUniqueOrThrow({ where: { handle: contact.handle } });
    expect(row).toMatchObject({
      accountId: r.demoId,
      managementModel: "REGISTRAR",
      vatNumber: "25313763",
    });
    const audit = await r.prisma.auditEvent.findFirstOrThrow({
      where: { objectId: row.id },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      operation: "contact.create",
      outcome: "SUCCESS",
      accountId: r.demoId,
      objectLabel: contact.handle,
    });
    expect(audit.after).toMatchObject({ name: input.name, phone: "+4512345678", cvr: "25313763" });
  });

  it("R-CON-1 every type with its numbers: person, association, public organisation with EAN, foreign company", async () => {
    const p = await createContact(proxy(), person());
    expect(p).toMatchObject({
      type: "PERSON",
      countryCode: "DK",
      email: "karen@jensen.test",
      phone: "+4586123456",
      cvr: null,
    });
    const a = await createContact(proxy(), {
      ...person(),
      type: "ASSOCIATION",
      name: "Roklubben Bølgen",
    });
    expect(a.type).toBe("ASSOCIATION");
    const o = await createContact(proxy(), {
      ...company(),
      type: "PUBLIC_ORGANIZATION",
      name: "Region Test",
      organisation: "IT-afdelingen",
      street3: "Bygning 4",
      cvr: null,
      ean: "5798 0000 0000 1",
    });
    expect(o).toMatchObject({
      organisation: "IT-afdelingen",
      street3: "Bygning 4",
      ean: "5798000000001",
    });
    const f = await createContact(proxy(), {
      ...company(),
      countryCode: "SE",
      city: "Malmö",
      phone: "040-12 34 56",
      cvr: null,
    });
    expect(f).toMatchObject({ countryCode: "SE", phone: "+4640123456", cvr: null });
  });

  it.each([
    ["cvr", { cvr: "12345678" }],
    ["cvr", { cvr: null }], // a Danish company needs its CVR
    ["cvr", { type: "PERSON" as const }], // a person has none
    ["ean", { type: "PUBLIC_ORGANIZATION" as const, cvr: null }], // a public organisation needs its EAN
    ["ean", { ean: "5798000000001" }], // only public organisations have one
    ["ean", { type: "PUBLIC_ORGANIZATION" as const, ean: "5798000000002" }],
    ["countryCode", { countryCode: "XX" }],
    ["countryCode", { countryCode: "DNK" }],
    ["phone", { phone: "12" }],
    ["phone", { phone: "ring mig" }],
    ["email", { email: "kontakt@" }],
    ["name", { name: "   " }],
    ["street1", { street1: "" }],
    ["postalCode", { postalCode: "1".repeat(17) }],
  ])("R-CON-1 refuses an invalid %s at its field, changing nothing", async (field, patch) => {
    await expectRefusal(r, () => createContact(proxy(), company(patch)), "VALIDATION_FAILED");
    expect((await errorOf(() => createContact(proxy(), company(patch)))).details).toMatchObject({
      field,
    });
  });

  it("R-CON-1 only the Proxy creates and edits contacts; the Registrar may look them up (NOT_AUTHORIZED)", async () => {
    for (const roles of [["REGISTRAR"], ["PAYER"], ["NSA"], ["ADMINISTRATOR"]] as const) {
      await expectRefusal(
        r,
        () => createContact(r.ctx(r.user([...roles])), company()),
        "NOT_AUTHORIZED",
      );
      await expectRefusal(
        r,
        () => updateContact(r.ctx(r.user([...roles])), { handle: "MN2-DK", ...person() }),
        "NOT_AUTHORIZED",
      );
    }
    expect((await listContacts(registrar())).contacts.length).toBeGreaterThan(0);
    expect((await getContact(registrar(), { handle: "JCA1-DK" })).name).toBe(
      "Jensen Consulting ApS",
    );
    for (const roles of [["PAYER"], ["NSA"], ["ADMINISTRATOR"]] as const) {
      await expect(listContacts(r.ctx(r.user([...roles])))).rejects.toMatchObject({
        code: "NOT_AUTHORIZED",
      });
    }
  });
});

describe("R-CON-1 the demo's customer contacts", () => {
  it("R-CON-1 a dozen of each type for Demo, with valid fields; some are registrants of demo domains", async () => {
    const all = (await listContacts(proxy(), { limit: 200 })).contacts.filter((c) =>
      /^[A-Z]+1\d\d-DK$/.test(c.handle),
    );
    for (const type of ["COMPANY", "PERSON", "PUBLIC_ORGANIZATION", "ASSOCIATION"] as const) {
      expect(
        all.filter((c) => c.type === type),
        type,
      ).toHaveLength(12);
    }
    for (const c of all) {
      // each passes the checks a Proxy's "Create contact" makes
      expect(parseContactFields({ ...c, phone: c.phone ?? "" })).toMatchObject({
        phone: c.phone,
        vatNumber: c.cvr,
        ean: c.ean,
      });
      expect(c).toMatchObject({ managementModel: "REGISTRAR", readOnly: false });
    }
    const kornet = await getContact(proxy(), { handle: "BKA101-DK" });
    expect(kornet.domains.registrant.map((d) => d.name)).toEqual(["bageriet-kornet.dk"]);
    expect(
      (await getContact(proxy(), { handle: "RB137-DK" })).domains.registrant.map((d) => d.name),
    ).toEqual(["roklubben-bølgen.dk"]);
  });
});

describe("R-CON-1 handle ids", () => {
  it("R-CON-1 the same name twice gets two ids; an id that exists already is skipped", async () => {
    const [a, b] = [
      await createContact(proxy(), company({ name: "Zebra Zoo ApS" })),
      await createContact(proxy(), company({ name: "Zebra Zoo ApS" })),
    ];
    expect(a.handle).not.toBe(b.handle);
    const [row] = await r.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT last_value + 1 AS n FROM handle_number_seq`;
    const next = row!.n;
    await r.prisma
      .$executeRaw`UPDATE "Handle" SET handle = ${`ZZA${String(next)}-DK`} WHERE handle = ${b.handle}`;
    const c = await createContact(proxy(), company({ name: "Zulu Zeta Alpha A/S" }));
    expect(c.handle).toBe(`ZZA${String(next + 1n)}-DK`);
  });
});

describe("R-CON-1 listing and reading contacts", () => {
  it("R-CON-1 searches by name, email, handle id and CVR; filters by type; only the account's own", async () => {
    const tag = unique();
    const c = await createContact(
      proxy(),
      company({ name: `Søgefirma ${tag} A/S`, email: `find-${tag}@sog.test`, cvr: "30071700" }),
    );
    const handles = async (input: Parameters<typeof listContacts>[1]) =>
      (await listContacts(proxy(), input)).contacts.map((x) => x.handle);
    expect(await handles({ search: `søgefirma ${tag}` })).toEqual([c.handle]);
    expect(await handles({ search: `FIND-${tag}@` })).toEqual([c.handle]);
    expect(await handles({ search: c.handle.toLowerCase() })).toContain(c.handle);
    expect(await handles({ search: "3007 1700" })).toContain(c.handle);
    expect(await handles({ search: tag, type: "COMPANY" })).toEqual([c.handle]);
    expect(await handles({ search: tag, type: "PERSON" })).toEqual([]);
    expect(await countContacts(proxy(), { search: tag })).toBe(1);
    // Other Registrar's contacts are not Demo's, and Demo's are not Other's
    expect(await handles({ search: "Odder Cykler" })).toEqual([]);
    const otherHandles = (await listContacts(otherProxy(), { limit: 200 })).contacts.map(
      (x) => x.handle,
    );
    expect(otherHandles).toContain("OC1-DK");
    expect(otherHandles).not.toContain("JCA1-DK");
    expect((await listContacts(otherProxy(), { search: tag })).contacts).toEqual([]);
    expect((await listContacts(otherProxy(), { search: "JCA1-DK" })).contacts).toEqual([]);
  });

  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["handle", "asc"],
    ["handle", "desc"],
  ] as const)(
    "R-CON-1 keyset pagination by %s %s walks every contact once, forwards and back",
    async (sort, dir) => {
      const all = (await listContacts(proxy(), { sort, dir, limit: 200 })).contacts.map(
        (c) => c.handle,
      );
      expect(all.length).toBeGreaterThan(50);
      const pages: string[][] = [];
      let page = await listContacts(proxy(), { sort, dir, limit: 7 });
      expect(page.prevCursor).toBeNull();
      pages.push(page.contacts.map((c) => c.handle));
      while (page.nextCursor) {
        page = await listContacts(proxy(), { sort, dir, limit: 7, cursor: page.nextCursor });
        expect(page.contacts.length).toBeLessThanOrEqual(7);
        pages.push(page.contacts.map((c) => c.handle));
      }
      expect(pages.flat()).toEqual(all);
      // and back from the last page to the first, page by page
      for (let i = pages.length - 2; i >= 0; i -= 1) {
        page = await listContacts(proxy(), {
          sort,
          dir,
          limit: 7,
          cursor: page.prevCursor,
          backward: true,
        });
        expect(page.contacts.map((c) => c.handle)).toEqual(pages[i]);
      }
      expect(page.prevCursor).toBeNull();
      expect(page.nextCursor).not.toBeNull();
    },
  );

  it("R-CON-1 an invalid page cursor is refused", async () => {
    await expect(listContacts(proxy(), { cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("R-CON-1 a contact's page: its domains by role and its history; another registrar's is NOT_FOUND", async () => {
    const c = await createContact(proxy(), person());
    const domain = await registerTo(c.handle);
    await updateContact(proxy(), {
      handle: c.handle,
      ...person({ name: c.name, email: "ny@adresse.test" }),
    });
    const details = await getContact(registrar(), { handle: c.handle.toLowerCase() });
    expect(details.domains.registrant.map((d) => d.name)).toEqual([domain]);
    expect(details.domainCounts).toEqual({ registrant: 1, proxy: 0, payer: 0 });
    expect(details.history.map((e) => e.operation)).toEqual(["contact.update", "contact.create"]);
    expect(details.history[0]).toMatchObject({
      before: { email: "karen@jensen.test" },
      after: { email: "ny@adresse.test" },
    });
    const bf = await getContact(proxy(), { handle: "BF5-DK" });
    expect(bf).toMatchObject({ managementModel: "REGISTRANT", readOnly: true });
    expect(bf.domains.proxy.map((d) => d.name)).toContain("bk-fremad.dk");
    await expect(getContact(otherProxy(), { handle: c.handle })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getContact(proxy(), { handle: "OC1-DK" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("R-CON-1 editing contacts", () => {
  it("R-CON-1 address, email and phone of a registrant's handle may change", async () => {
    const c = await createContact(proxy(), company());
    await registerTo(c.handle);
    const updated = await updateContact(proxy(), {
      handle: c.handle,
      ...company({
        name: c.name,
        street1: "Vesterbrogade 1",
        street2: null,
        email: "ny@testfirma.test",
        phone: "+45 70 10 20 30",
      }),
    });
    expect(updated).toMatchObject({
      street1: "Vesterbrogade 1",
      street2: null,
      email: "ny@testfirma.test",
      phone: "+4570102030",
    });
  });

  it.each([
    ["name", (c: { name: string }) => ({ name: `${c.name} Holding` })],
    ["organisation", () => ({ organisation: "Salgsafdelingen" })],
    ["type", () => ({ type: "ASSOCIATION" as const })],
    ["cvr", () => ({ cvr: "10150817" })],
  ])(
    "R-CON-1 the %s of a registrant's handle may not change: REGISTRANT_CHANGE_NOT_ALLOWED points to the change of registrant",
    async (field, patch) => {
      const c = await createContact(proxy(), company());
      const domain = await registerTo(c.handle);
      const input = { handle: c.handle, ...company({ name: c.name, ...patch(c) }) };
      await expectRefusal(r, () => updateContact(proxy(), input), "REGISTRANT_CHANGE_NOT_ALLOWED");
      const error = await errorOf(() => updateContact(proxy(), input));
      expect(error.details).toMatchObject({
        field,
        reason: "CONTACT_IS_REGISTRANT",
        domains: [domain],
      });
      expect(error.message).toContain("change of registrant");
      expect(error.message).toContain(domain);
    },
  );

  it("R-CON-1 a contact that is no registrant (or only its proxy) may be renamed", async () => {
    const c = await createContact(proxy(), person());
    const renamed = await updateContact(proxy(), {
      handle: c.handle,
      ...person({ name: "Karen Vester", type: "PERSON" }),
    });
    expect(renamed.name).toBe("Karen Vester");
  });

  it("R-CON-1 the new registrant of a pending change of registrant is a registrant too", async () => {
    const c = await createContact(proxy(), person());
    const domain = await r.prisma.domain.findFirstOrThrow({
      where: { registrarId: r.demoId, state: "ACTIVE", managementModel: "REGISTRAR" },
    });
    const from = await r.prisma.handle.findUniqueOrThrow({ where: { id: domain.registrantId } });
    const to = await r.prisma.handle.findUniqueOrThrow({ where: { handle: c.handle } });
    await r.prisma.registrantChangeRequest.create({
      data: {
        domainId: domain.id,
        accountId: r.demoId,
        fromHandleId: from.id,
        toHandleId: to.id,
        state: "TERMS_REQUESTED",
        termsRequestedAt: r.clock.now(),
        createdAt: r.clock.now(),
      },
    });
    await expectRefusal(
      r,
      () => updateContact(proxy(), { handle: c.handle, ...person({ name: "Ny Person" }) }),
      "REGISTRANT_CHANGE_NOT_ALLOWED",
    );
  });

  it("R-CON-1 registrant-managed handles and the registrar handle are read-only (CONTACT_READ_ONLY)", async () => {
    const bf = {
      type: "ASSOCIATION" as const,
      name: "Boldklubben Fremad",
      street1: "Vestergade 1",
      postalCode: "5000",
      city: "Odense C",
      countryCode: "DK",
      email: "ny@bk-fremad.test",
      phone: "+45 70 00 00 00",
    };
    await expectRefusal(
      r,
      () => updateContact(proxy(), { handle: "BF5-DK", ...bf }),
      "CONTACT_READ_ONLY",
    );
    expect(
      (await errorOf(() => updateContact(proxy(), { handle: "BF5-DK", ...bf }))).details,
    ).toMatchObject({ reason: "REGISTRANT_MANAGED" });
    await expectRefusal(
      r,
      () =>
        updateContact(proxy(), { handle: "REG-DEMO", ...company({ name: "Demo Registrar A/S" }) }),
      "CONTACT_READ_ONLY",
    );
  });

  it("R-CON-1 another registrar's contact is NOT_FOUND, as if it did not exist", async () => {
    await expectRefusal(
      r,
      () => updateContact(otherProxy(), { handle: "MN2-DK", ...person({ name: "Mette Nielsen" }) }),
      "NOT_FOUND",
    );
    await expectRefusal(
      r,
      () => updateContact(proxy(), { handle: "OC1-DK", ...company({ name: "Odder Cykler A/S" }) }),
      "NOT_FOUND",
    );
  });

  it("R-CON-1 an older handle's unchanged CVR is not checked again; its email may change", async () => {
    // JCA1-DK holds the VAT number DK11223344 from before the CVR check, and is a registrant
    const jca = await getContact(proxy(), { handle: "JCA1-DK" });
    const updated = await updateContact(proxy(), {
      handle: "JCA1-DK",
      type: jca.type,
      name: jca.name,
      street1: jca.street1,
      postalCode: jca.postalCode,
      city: jca.city,
      countryCode: jca.countryCode,
      email: "ny@jensen-consulting.test",
      phone: jca.phone!,
      cvr: jca.cvr,
    });
    expect(updated).toMatchObject({
      email: "ny@jensen-consulting.test",
      cvr: "DK11223344",
      phone: "+4570000000",
    });
  });
});

describe("R-REG-3 registrant-managed registrants named by id", () => {
  it("R-REG-3 registers under registrant management to an unlinked registrant-managed handle; another registrar's is NOT_FOUND", async () => {
    // the default policy allows both management models
    const own = await r.prisma.handle.create({
      data: {
        handle: `SELV${unique().toUpperCase()}-DK`,
        type: "PERSON",
        name: "Selv Forvalter",
        street: "Torvet 1",
        postalCode: "4000",
        city: "Roskilde",
        countryCode: "DK",
        email: "selv@forvalter.test",
        managementModel: "REGISTRANT",
        accountId: null,
        termsAcceptedAt: r.clock.now(),
        createdAt: r.clock.now(),
      },
    });
    const input = {
      name: freshName("selv"),
      nameServers: OUT_OF_ZONE,
      managementModel: "registrant" as const,
      termsAcceptedAt: r.clock.now(),
    };
    const result = await registerDomain(registrar(), { ...input, registrant: own.handle });
    expect(result.domain).toMatchObject({ managementModel: "REGISTRANT", registrant: own.handle });
    // under registrar management the registrant must be one of the account's own contacts
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), {
          ...input,
          name: freshName("selv"),
          managementModel: "registrar",
          registrant: own.handle,
        }),
      "NOT_FOUND",
    );
    await r.prisma.handle.update({ where: { id: own.id }, data: { accountId: r.otherId } });
    await expectRefusal(
      r,
      () =>
        registerDomain(registrar(), { ...input, name: freshName("selv"), registrant: own.handle }),
      "NOT_FOUND",
    );
  });
});
