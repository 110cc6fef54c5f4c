import { describe, expect, it } from "vitest";
import type { Actor, MetaRole } from "./actor";
import { can, objectGrants, permissions, requirePermission, type Verb } from "./permissions";

const user = (...metaRoles: MetaRole[]): Actor => ({
  kind: "portal",
  userId: "u",
  accountId: "a",
  metaRoles,
  ip: "127.0.0.1",
  label: "u@example.test",
});

const ROLES: MetaRole[] = ["ADMINISTRATOR", "REGISTRAR", "PROXY", "PAYER", "NSA"];
const EVERY_ROLE: MetaRole[] = ROLES;
const PORTFOLIO: MetaRole[] = ["REGISTRAR", "PROXY", "PAYER", "NSA"];

// DESIGN.md §1's matrix, written out row by row from the design (not from the code), so that any
// drift of the table in permissions.ts fails here.
const MATRIX: Record<Verb, MetaRole[]> = {
  "domain.view": PORTFOLIO,
  "domain.register": ["REGISTRAR"],
  "domain.transferIn": ["REGISTRAR"],
  "domain.cancel": ["PROXY"],
  "domain.restore": ["PROXY"],
  "domain.setRenewalPolicy": ["PROXY"],
  "domain.setContacts": ["PROXY"],
  "domain.changeRegistrant": ["PROXY"],
  "domain.transferToken.issue": ["PROXY"],
  "domain.transferToken.retract": ["PROXY"],
  "contact.view": ["PROXY", "REGISTRAR"],
  "contact.create": ["PROXY"],
  "contact.update": ["PROXY"],
  "domain.renew": ["PAYER"],
  "domain.setNameServers": ["NSA"],
  "domain.redelegate": ["NSA"],
  "nameserver.view": ["NSA"],
  "nameserver.create": ["NSA"],
  "nameserver.update": ["NSA"],
  "nameserver.delete": ["NSA"],
  "nameserver.changeAdministrator": ["NSA"],
  "redelegationToken.issue": ["NSA", "PROXY"],
  "redelegationToken.retract": ["NSA", "PROXY"],
  "dnssec.add": ["NSA"],
  "dnssec.remove": ["NSA"],
  "billing.view": ["PAYER"],
  "billing.topUp": ["PAYER"],
  "billing.setLowBalanceThreshold": ["PAYER"],
  "message.view": EVERY_ROLE,
  "message.ack": EVERY_ROLE,
  "account.users": ["ADMINISTRATOR"],
  "account.serviceUsers": ["ADMINISTRATOR"],
  "account.handles": ["ADMINISTRATOR"],
  "account.settings": ["ADMINISTRATOR"],
  "account.ipAllowlist": ["ADMINISTRATOR"],
  "account.audit": ["ADMINISTRATOR"],
  // not in §1's table: every user's own password, two-factor and sessions (issue 19)
  "account.ownSecurity": EVERY_ROLE,
};

describe("permission matrix (DESIGN.md §1)", () => {
  it("DESIGN §1 matrix: the table has exactly the design's verbs", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.entries(MATRIX) as [Verb, MetaRole[]][])(
    "DESIGN §1 matrix: %s is allowed for exactly %j",
    (verb, allowed) => {
      for (const role of ROLES) {
        expect(can(user(role), verb), `${verb} as ${role}`).toBe(allowed.includes(role));
        if (!allowed.includes(role)) {
          expect(() => requirePermission(user(role), verb)).toThrow(
            expect.objectContaining({ code: "NOT_AUTHORIZED" }),
          );
        }
      }
    },
  );

  it("DESIGN §1 matrix: Registrar grows, Proxy administers, Payer pays, NSA runs name servers", () => {
    const verbsOf = (role: MetaRole) =>
      (Object.keys(permissions) as Verb[]).filter(
        (v) => can(user(role), v) && !v.startsWith("message.") && v !== "account.ownSecurity",
      );
    expect(verbsOf("REGISTRAR").sort()).toEqual(
      ["contact.view", "domain.register", "domain.transferIn", "domain.view"].sort(),
    );
    expect(verbsOf("PAYER").sort()).toEqual(
      ["billing.setLowBalanceThreshold", "billing.topUp", "billing.view", "domain.renew", "domain.view"].sort(),
    );
  });

  it("R-NS-2/3: the Registrar's object grant (hand over, delete) needs opting in; can() ignores it", () => {
    expect(Object.keys(objectGrants).sort()).toEqual(["nameserver.changeAdministrator", "nameserver.delete"]);
    for (const verb of ["nameserver.changeAdministrator", "nameserver.delete"] as const) {
      expect(can(user("REGISTRAR"), verb)).toBe(false);
      expect(() => requirePermission(user("REGISTRAR"), verb)).toThrow(
        expect.objectContaining({ code: "NOT_AUTHORIZED" }),
      );
      expect(requirePermission(user("REGISTRAR"), verb, { objectGrant: true }).kind).toBe("portal");
      expect(() => requirePermission(user("PAYER"), verb, { objectGrant: true })).toThrow(
        expect.objectContaining({ code: "NOT_AUTHORIZED" }),
      );
    }
    // Not a back door for the verbs without an object grant.
    expect(() => requirePermission(user("REGISTRAR"), "nameserver.create", { objectGrant: true })).toThrow(
      expect.objectContaining({ code: "NOT_AUTHORIZED" }),
    );
  });

  it("refuses every verb to a user without meta-roles and to non-registrar actors", () => {
    for (const verb of Object.keys(permissions) as Verb[]) {
      expect(can(user(), verb)).toBe(false);
      expect(can({ kind: "operator", operatorId: "o", ip: "::1", label: "op" }, verb)).toBe(false);
      expect(can({ kind: "system", label: "lifecycle" }, verb)).toBe(false);
      expect(() =>
        requirePermission({ kind: "system", label: "lifecycle" }, verb, { objectGrant: true }),
      ).toThrow(expect.objectContaining({ code: "NOT_AUTHORIZED" }));
    }
  });
});
