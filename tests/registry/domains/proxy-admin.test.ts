import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "@/lib/registry/context";
import {
  cancelDomain,
  registerDomain,
  restoreDomain,
  setDomainContacts,
  setRenewalPolicy,
} from "@/lib/registry/domains";
import { issueRedelegationToken, issueTransferToken, retractToken } from "@/lib/registry/tokens";
import { CORE2_TABLES } from "../core2-support";
import { OUT_OF_ZONE, type Registry, expectRefusal, freshName, openRegistry } from "../support";

// Issue 10 item 2: the Proxy verbs on a registrant-managed domain need the domain's proxy contact
// to be a handle linked to the account (mirroring R-REN-1's payer condition); otherwise
// DOMAIN_NOT_ADMINISTRABLE, naming the domain and why. Registrar-managed domains are unaffected.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const registrar = () => r.ctx(r.user(["REGISTRAR"]));
const proxy = () => r.ctx(r.user(["PROXY"]));

/** A registrant-managed domain of Demo (registrant SS4-DK) with the given proxy handle. */
async function registrantManaged(proxyHandle: string | null, state: "ACTIVE" | "SUSPENDED" = "ACTIVE") {
  const name = freshName("selv");
  await registerDomain(registrar(), {
    name,
    registrant: "SS4-DK",
    managementModel: "registrant",
    ...(proxyHandle ? { proxy: proxyHandle } : {}),
    nameServers: OUT_OF_ZONE,
  });
  if (state === "SUSPENDED") {
    await r.prisma.domain.updateMany({
      where: { liveName: name },
      data: {
        state: "SUSPENDED",
        suspendedAt: r.clock.now(),
        suspensionReason: "CANCELLED",
        deleteAt: new Date(r.clock.now().getTime() + 30 * 86_400_000),
      },
    });
  }
  return name;
}

/** A transfer token issued while the domain was administrable, then the proxy unlinked or cleared. */
async function tokenThenProxy(proxyHandle: string | null) {
  const name = await registrantManaged("JCA1-DK");
  const issued = await issueTransferToken(proxy(), { name });
  const proxyId = proxyHandle
    ? (await r.prisma.handle.findFirstOrThrow({ where: { handle: proxyHandle } })).id
    : null;
  await r.prisma.domain.updateMany({ where: { liveName: name }, data: { proxyId } });
  return issued.id;
}

type Verb = {
  name: string;
  state: "ACTIVE" | "SUSPENDED";
  run: (ctx: CoreContext, name: string) => Promise<unknown>;
};

const VERBS: Verb[] = [
  { name: "cancelDomain", state: "ACTIVE", run: (c, name) => cancelDomain(c, { name }) },
  { name: "restoreDomain", state: "SUSPENDED", run: (c, name) => restoreDomain(c, { name }) },
  {
    name: "setRenewalPolicy",
    state: "ACTIVE",
    run: (c, name) => setRenewalPolicy(c, { name, renewalPolicy: "AUTO_EXPIRE" }),
  },
  {
    name: "setDomainContacts",
    state: "ACTIVE",
    run: (c, name) => setDomainContacts(c, { name, payer: "DRA7-DK" }),
  },
  { name: "issueTransferToken", state: "ACTIVE", run: (c, name) => issueTransferToken(c, { name }) },
  {
    name: "issueRedelegationToken (PXY-REDEL)",
    state: "ACTIVE",
    run: (c, name) => issueRedelegationToken(c, { name, role: "PXY" }),
  },
];

describe("issue 10 item 2: administering a registrant-managed domain", () => {
  for (const verb of VERBS) {
    it(`issue 10 item 2: ${verb.name} is refused without a proxy contact (DOMAIN_NOT_ADMINISTRABLE)`, async () => {
      const name = await registrantManaged(null, verb.state);
      const error = await expectRefusalError(() => verb.run(proxy(), name));
      expect(error.message).toBe(
        `Domain ${name} is registrant-managed and has no proxy contact; only its registrant can administer it`,
      );
    });

    it(`issue 10 item 2: ${verb.name} is refused when the proxy is not linked to the account (DOMAIN_NOT_ADMINISTRABLE)`, async () => {
      // DRA7-DK: an unlinked handle, a valid proxy at registration but not the registrar's.
      const name = await registrantManaged("DRA7-DK", verb.state);
      const error = await expectRefusalError(() => verb.run(proxy(), name));
      expect(error.message).toBe(
        `Domain ${name} is registrant-managed and its proxy contact DRA7-DK is not linked to your account`,
      );
    });

    it(`issue 10 item 2: ${verb.name} is allowed when the proxy is a handle linked to the account`, async () => {
      const name = await registrantManaged("JCA1-DK", verb.state);
      await expect(verb.run(proxy(), name)).resolves.toBeTruthy();
    });
  }

  it("issue 10 item 2: retracting a transfer token needs the linked proxy too", async () => {
    const unlinked = await tokenThenProxy("DRA7-DK");
    await expectRefusal(
      r,
      () => retractToken(proxy(), { tokenId: unlinked, kind: "TRANSFER" }),
      "DOMAIN_NOT_ADMINISTRABLE",
      CORE2_TABLES,
    );
    const none = await tokenThenProxy(null);
    await expectRefusal(
      r,
      () => retractToken(proxy(), { tokenId: none, kind: "TRANSFER" }),
      "DOMAIN_NOT_ADMINISTRABLE",
      CORE2_TABLES,
    );
    const linked = await tokenThenProxy("JCA1-DK");
    await expect(retractToken(proxy(), { tokenId: linked, kind: "TRANSFER" })).resolves.toMatchObject({
      id: linked,
    });
  });

  it("issue 10 item 2: an NSA-REDEL token is the NSA's business, not the proxy's", async () => {
    const name = await registrantManaged(null);
    const issued = await issueRedelegationToken(r.ctx(r.user(["NSA"])), { name, role: "NSA" });
    expect(issued.token).toMatch(/^NSA-REDEL-/);
  });

  it("issue 10 item 2: a registrar-managed domain needs no proxy contact", async () => {
    const name = freshName("reg");
    await registerDomain(registrar(), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    await expect(setRenewalPolicy(proxy(), { name, renewalPolicy: "AUTO_EXPIRE" })).resolves.toMatchObject({
      renewalPolicy: "AUTO_EXPIRE",
    });
  });
});

/** expectRefusal with DOMAIN_NOT_ADMINISTRABLE over every registry table; returns the error. */
async function expectRefusalError(run: () => Promise<unknown>): Promise<Error> {
  let caught: Error | undefined;
  await expectRefusal(
    r,
    async () => {
      try {
        return await run();
      } catch (error) {
        caught = error as Error;
        throw error;
      }
    },
    "DOMAIN_NOT_ADMINISTRABLE",
    CORE2_TABLES,
  );
  return caught!;
}
