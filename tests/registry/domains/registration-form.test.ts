import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkAvailability,
  getRegistrationOptions,
  registerDomain,
  searchRegistrationHandles,
} from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { OUT_OF_ZONE, type Registry, freshName, openRegistry } from "../support";

// Issue 15 "Register": the form's figures and handle pickers, and refusals that name their field.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (isRegistryError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("getRegistrationOptions", () => {
  it("R-REG-1 R-REG-5 R-ACC-6 gives the periods, prices, balance and the account's defaults", async () => {
    const options = await getRegistrationOptions(registrar());
    const account = await r.prisma.registrarAccount.findUniqueOrThrow({ where: { id: r.demoId } });
    expect(options.periodYears).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(options.prices[1]).toBe(4_500);
    expect(options.prices[10]).toBe(45_000);
    expect(options.balance).toBe(account.balance);
    expect(options.defaultRenewalPolicy).toBe(account.defaultRenewalPolicy);
    expect(options.managementModels).toEqual(["registrar", "registrant"]);
  });

  it("R-REG-1 is the Registrar's: a Proxy or Payer is NOT_AUTHORIZED", async () => {
    for (const role of ["PROXY", "PAYER"] as const) {
      const error = await refusal(() => getRegistrationOptions(r.ctx(r.user([role]))));
      expect(error.code).toBe("NOT_AUTHORIZED");
    }
  });
});

describe("searchRegistrationHandles", () => {
  it("R-REG-3 searches the account's contacts of the chosen management model", async () => {
    const registrarManaged = await searchRegistrationHandles(registrar(), {
      query: "Bageriet",
      managementModel: "registrar",
    });
    expect(registrarManaged.map((h) => h.handle)).toContain("BKA101-DK");
    expect(registrarManaged.every((h) => h.managementModel === "registrar" && h.linked)).toBe(true);
    // Søren Sørensen's handle is registrant-managed: not offered under registrar management
    expect(
      await searchRegistrationHandles(registrar(), { query: "SS4-DK", managementModel: "registrar" }),
    ).toEqual([]);
    const registrantManaged = await searchRegistrationHandles(registrar(), {
      query: "Sørensen",
      managementModel: "registrant",
    });
    expect(registrantManaged.map((h) => h.handle)).toEqual(["SS4-DK"]);
    expect(registrantManaged[0]!.termsAcceptedAt).toBeInstanceOf(Date);
  });

  it("R-REG-3 under registrant management finds an unlinked registrant-managed handle by its id, never another registrar's", async () => {
    await r.prisma.handle.create({
      data: {
        handle: "UNL77-DK",
        type: "PERSON",
        name: "Ulla Unlinked",
        street: "Vestergade 1",
        postalCode: "5000",
        city: "Odense C",
        countryCode: "DK",
        email: "ulla@unlinked.test",
        managementModel: "REGISTRANT",
        accountId: null,
        createdAt: r.clock.now(),
      },
    });
    const byId = await searchRegistrationHandles(registrar(), { query: "unl77-dk", managementModel: "registrant" });
    expect(byId).toEqual([expect.objectContaining({ handle: "UNL77-DK", linked: false, termsAcceptedAt: null })]);
    // not by a part of its name: it is not one of the account's contacts
    expect(await searchRegistrationHandles(registrar(), { query: "Ulla", managementModel: "registrant" })).toEqual([]);
    // not under registrar management
    expect(await searchRegistrationHandles(registrar(), { query: "UNL77-DK", managementModel: "registrar" })).toEqual([]);
    // another registrar's handle is not found, by id or otherwise
    expect(await searchRegistrationHandles(registrar(), { query: "REG-OTHER", managementModel: "registrar" })).toEqual([]);
    expect(await searchRegistrationHandles(registrar(), { query: "REG-OTHER", managementModel: "registrant" })).toEqual([]);
    // Other Registrar does not see Demo's contacts
    expect(
      await searchRegistrationHandles(r.ctx(r.user(["REGISTRAR"], "other")), { query: "BKA101-DK", managementModel: "registrar" }),
    ).toEqual([]);
  });

  it("R-REG-3 is the Registrar's: a Proxy is NOT_AUTHORIZED", async () => {
    const error = await refusal(() =>
      searchRegistrationHandles(r.ctx(r.user(["PROXY"])), { query: "BKA", managementModel: "registrar" }),
    );
    expect(error.code).toBe("NOT_AUTHORIZED");
  });
});

describe("refusals at their field (issue 15 item 7)", () => {
  it("R-REG-4 an invalid name is refused at the Domain name field with its reason and the offending character", async () => {
    const error = await refusal(() =>
      registerDomain(registrar(), { name: "a_b.dk", registrant: "JCA1-DK", nameServers: OUT_OF_ZONE }),
    );
    expect(error.code).toBe("INVALID_DOMAIN_NAME");
    expect(error.details).toMatchObject({ field: "name", reason: "CHARACTER_NOT_ALLOWED", char: "_" });
  });

  it("R-REG-4 a taken name is refused at the Domain name field, naming it as people read it", async () => {
    const error = await refusal(() =>
      registerDomain(registrar(), { name: "søbakke.dk", registrant: "JCA1-DK", nameServers: OUT_OF_ZONE }),
    );
    expect(error.code).toBe("DOMAIN_NOT_AVAILABLE");
    expect(error.details).toMatchObject({ field: "name", reason: "REGISTERED", name: "søbakke.dk" });
  });

  it("R-REG-4 the availability check says why an invalid name is invalid, as a code with its parameters", async () => {
    const [invalid, idn] = await checkAvailability(registrar(), { names: ["ab--cd", freshName("æblegrød")] });
    expect(invalid).toMatchObject({ reason: "INVALID", invalidReason: "HYPHENS_3_4" });
    expect(idn).toMatchObject({ available: true });
    if (idn?.available) expect(idn.name).toMatch(/^xn--/);
  });
});
