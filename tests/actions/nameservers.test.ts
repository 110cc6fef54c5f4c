import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { addDsRecordAction, dnskeyToDsAction } from "@/lib/actions/dnssec";
import {
  createNameServerAction,
  issueRedelegationTokenAction,
  redelegateDomainAction,
  setNameServersAction,
} from "@/lib/actions/nameservers";
import type { RegistrarActor } from "@/lib/registry/actor";
import { registerDomain } from "@/lib/registry/domains";
import { OUT_OF_ZONE, type Registry, freshName, openRegistry } from "../registry/support";

// Issue 17: the actions' refusals land at the field the user typed them in (glue rows, host rows,
// the DS confirmation), in the reader's language; the token is returned once to its issuer.

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(() => r?.close());

const nsa = () => r.user(["NSA"]) as RegistrarActor;
const deps = () => ({ db: r.prisma, clock: r.clock });

describe("R-NS-1 glue refusals at their row", () => {
  it("R-NS-1 a private address (10.0.0.1) is refused at its IPv4 row", async () => {
    const result = await executeAction(createNameServerAction.definition, nsa(), {
      host: "ns-priv.demo-hosting.dk",
      glueV4: [{ address: "192.0.2.40" }, { address: "10.0.0.1" }],
      glueV6: [],
    }, deps());
    expect(result).toMatchObject({ ok: false, code: "INVALID_IP_ADDRESS" });
    expect(result.ok ? null : Object.keys(result.fieldErrors ?? {})).toEqual(["glueV4.1.address"]);
  });

  it("R-NS-1 glue on an out-of-zone host is refused at the glue row; Danish when the reader reads Danish", async () => {
    const result = await executeAction(createNameServerAction.definition, nsa(), {
      host: "ns-glue.dns-provider.net",
      glueV4: [],
      glueV6: [{ address: "2001:db8::40" }],
    }, deps(), "da");
    expect(result).toMatchObject({ ok: false, code: "GLUE_NOT_ALLOWED" });
    if (!result.ok) {
      expect(Object.keys(result.fieldErrors ?? {})).toEqual(["glueV6.0.address"]);
      expect(result.message).not.toMatch(/only allowed/);
    }
  });

  it("R-NS-1 a malformed address never reaches the core: the schema refuses it at its row", async () => {
    const result = await executeAction(createNameServerAction.definition, nsa(), {
      host: "ns-bad.demo-hosting.dk",
      glueV4: [{ address: "10.1" }],
      glueV6: [],
    }, deps());
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("R-NS-1 creates with glue as the form sends it", async () => {
    const result = await executeAction(createNameServerAction.definition, nsa(), {
      host: "ns-ok.demo-hosting.dk",
      glueV4: [{ address: "192.0.2.41" }],
      glueV6: [{ address: "2001:DB8::41" }],
    }, deps());
    expect(result).toMatchObject({ ok: true, data: { host: "ns-ok.demo-hosting.dk", glueV6: ["2001:db8::41"] } });
  });
});

describe("R-NS-4 host refusals at their row, the DS confirmation at its checkbox", () => {
  it("R-NS-4 an unknown host under .dk at its row; a duplicate at the second one", async () => {
    const unknown = await executeAction(setNameServersAction.definition, nsa(), {
      name: "demo-hosting.dk",
      nameServers: [{ host: "ns1.demo-hosting.dk" }, { host: "ns5.findes-ikke.dk" }],
      preview: true,
    }, deps());
    expect(unknown.ok ? null : Object.keys(unknown.fieldErrors ?? {})).toEqual(["nameServers.1.host"]);
    const duplicate = await executeAction(setNameServersAction.definition, nsa(), {
      name: "demo-hosting.dk",
      nameServers: [{ host: "ns1.demo-hosting.dk" }, { host: "ns2.demo-hosting.dk" }, { host: "NS1.demo-hosting.dk." }],
    }, deps());
    expect(duplicate.ok ? null : [duplicate.code, ...Object.keys(duplicate.fieldErrors ?? {})]).toEqual([
      "NAMESERVER_DUPLICATE",
      "nameServers.2.host",
    ]);
  });

  it("R-NS-4 replacing all of a signed domain's hosts needs confirmDsRemoval; with it the DS records go", async () => {
    const input = { name: "demo-hosting.dk", nameServers: [{ host: "ns1.dns-provider.net" }, { host: "ns2.dns-provider.net" }] };
    const refused = await executeAction(setNameServersAction.definition, nsa(), input, deps());
    expect(refused.ok ? null : [refused.code, ...Object.keys(refused.fieldErrors ?? {})]).toEqual([
      "CONFIRMATION_REQUIRED",
      "confirmDsRemoval",
    ]);
    const domain = await r.prisma.domain.findFirstOrThrow({ where: { liveName: "demo-hosting.dk" } });
    expect(await r.prisma.dsRecord.count({ where: { domainId: domain.id } })).toBeGreaterThan(0);
    const done = await executeAction(setNameServersAction.definition, nsa(), { ...input, confirmDsRemoval: true }, deps());
    expect(done.ok).toBe(true);
    expect(await r.prisma.dsRecord.count({ where: { domainId: domain.id } })).toBe(0);
  });
});

describe("R-DS-1 DS record form", () => {
  it("R-DS-1 a digest of the wrong length for its type is refused at the digest", async () => {
    const result = await executeAction(addDsRecordAction.definition, nsa(), {
      name: "blåbærhaven.dk",
      keyTag: "1234",
      algorithm: "13",
      digestType: "2",
      digest: "AB".repeat(20),
    }, deps());
    expect(result.ok ? null : Object.keys(result.fieldErrors ?? {})).toEqual(["digest"]);
  });

  it("R-DS-1 a pasted DNSKEY that is not one is refused at the DNSKEY field", async () => {
    const result = await executeAction(dnskeyToDsAction.definition, nsa(), { name: "blåbærhaven.dk", dnskey: "257 3 13 !!", digestType: "2" }, deps());
    expect(result.ok ? null : [result.code, ...Object.keys(result.fieldErrors ?? {})]).toEqual(["DS_RECORD_INVALID", "dnskey"]);
  });
});

describe("R-TOK-1/4 redelegation through the actions", () => {
  it("R-TOK-4 an NSA-REDEL token issued by Demo's NSA lets Other's NSA set the name servers once", async () => {
    const name = freshName("redel-action");
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    const issued = await executeAction(issueRedelegationTokenAction.definition, nsa(), { name }, deps());
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.data.token).toMatch(/^NSA-REDEL-[0-9a-f]{32}$/);
    const other = r.user(["NSA"], "other") as RegistrarActor;
    const input = { name, token: issued.data.token, nameServers: [{ host: "ns1.other-hosting.dk" }, { host: "ns2.other-hosting.dk" }] };
    const done = await executeAction(redelegateDomainAction.definition, other, input, deps());
    expect(done).toMatchObject({ ok: true, data: { name, nameServers: ["ns1.other-hosting.dk", "ns2.other-hosting.dk"] } });
    const again = await executeAction(redelegateDomainAction.definition, other, input, deps());
    expect(again).toMatchObject({ ok: false, code: "TOKEN_ALREADY_USED" });
  });
});
