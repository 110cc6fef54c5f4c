import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerDomain, setDomainContacts } from "@/lib/registry/domains";
import { CORE2_TABLES } from "../core2-support";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

// domain.setContacts (issue 10 item 9): the proxy and payer of a registrant-managed domain.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const proxy = () => r.ctx(r.user(["PROXY"]));

/** A registrant-managed domain administered by Demo: proxy JCA1-DK (linked), no payer. */
async function registrantManaged() {
  const name = freshName("kontakt");
  await registerDomain(registrar(), {
    name,
    registrant: "SS4-DK",
    managementModel: "registrant",
    proxy: "JCA1-DK",
    nameServers: OUT_OF_ZONE,
  });
  return name;
}

describe("setDomainContacts", () => {
  it("issue 10 item 9: sets the payer to a linked or an unlinked handle, audited before → after", async () => {
    const name = await registrantManaged();
    const linked = await setDomainContacts(proxy(), { name, payer: "REG-DEMO" });
    expect(linked).toMatchObject({ proxy: "JCA1-DK", payer: "REG-DEMO" });
    const unlinked = await setDomainContacts(proxy(), { name, payer: "dra7-dk" });
    expect(unlinked).toMatchObject({ proxy: "JCA1-DK", payer: "DRA7-DK" });
    const audits = await r.prisma.auditEvent.findMany({
      where: { operation: "domain.setContacts", objectLabel: name },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.outcome, a.before, a.after])).toEqual([
      ["SUCCESS", { proxy: "JCA1-DK", payer: null }, { proxy: "JCA1-DK", payer: "REG-DEMO" }],
      ["SUCCESS", { proxy: "JCA1-DK", payer: "REG-DEMO" }, { proxy: "JCA1-DK", payer: "DRA7-DK" }],
    ]);
  });

  it("issue 10 item 9: clears the payer (null) and leaves an absent field as it is", async () => {
    const name = await registrantManaged();
    await setDomainContacts(proxy(), { name, payer: "MN2-DK" });
    const cleared = await setDomainContacts(proxy(), { name, payer: null });
    expect(cleared).toMatchObject({ proxy: "JCA1-DK", payer: null });
  });

  it("issue 10 item 9: hands the proxy to another handle; the domain then leaves the account's administration", async () => {
    const name = await registrantManaged();
    expect(await setDomainContacts(proxy(), { name, proxy: "DRA8-DK" })).toMatchObject({
      proxy: "DRA8-DK",
    });
    await expectRefusal(
      r,
      () => setDomainContacts(proxy(), { name, proxy: "JCA1-DK" }),
      "DOMAIN_NOT_ADMINISTRABLE",
      CORE2_TABLES,
    );
  });

  it("issue 10 item 9: refuses a handle linked to another registrar (NOT_FOUND, as if it did not exist)", async () => {
    const name = await registrantManaged();
    await expectRefusal(
      r,
      () => setDomainContacts(proxy(), { name, payer: "OC1-DK" }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
  });

  it("issue 10 item 9: refuses proxy or payer on a registrar-managed domain (CONTACT_NOT_ALLOWED), as registration does", async () => {
    const name = freshName("regstyret");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await expectRefusal(
      r,
      () => setDomainContacts(proxy(), { name, payer: "MN2-DK" }),
      "CONTACT_NOT_ALLOWED",
      CORE2_TABLES,
    );
    await expectRefusal(
      r,
      () => setDomainContacts(proxy(), { name, proxy: null }),
      "CONTACT_NOT_ALLOWED",
      CORE2_TABLES,
    );
  });

  it("issue 10 item 9: another registrar's domain is NOT_FOUND; a call naming no contact is VALIDATION_FAILED", async () => {
    await expectRefusal(
      r,
      () => setDomainContacts(proxy(), { name: "other-shop.dk", payer: "MN2-DK" }),
      "NOT_FOUND",
      CORE2_TABLES,
    );
    const name = await registrantManaged();
    await expectRefusal(r, () => setDomainContacts(proxy(), { name }), "VALIDATION_FAILED", CORE2_TABLES);
  });

  it("DESIGN §1 matrix: only the Proxy sets a domain's contacts (NOT_AUTHORIZED otherwise)", async () => {
    const name = await registrantManaged();
    for (const role of ["REGISTRAR", "PAYER", "NSA", "ADMINISTRATOR"] as const) {
      await expectRefusal(
        r,
        () => setDomainContacts(r.ctx(r.user([role])), { name, payer: "MN2-DK" }),
        "NOT_AUTHORIZED",
        CORE2_TABLES,
      );
    }
  });
});
