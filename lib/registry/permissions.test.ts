import { describe, expect, it } from "vitest";
import type { Actor, MetaRole } from "./actor";
import { can, permissions, requirePermission, type Verb } from "./permissions";

const user = (...metaRoles: MetaRole[]): Actor => ({
  kind: "portal",
  userId: "u",
  accountId: "a",
  metaRoles,
  ip: "127.0.0.1",
  label: "u@example.test",
});

describe("permission matrix (DESIGN.md §1)", () => {
  it.each<[Verb, MetaRole[], MetaRole[]]>([
    ["domain.view", ["REGISTRAR", "PROXY", "PAYER", "NSA"], ["ADMINISTRATOR"]],
    ["domain.register", ["REGISTRAR"], ["PROXY", "PAYER", "NSA", "ADMINISTRATOR"]],
    ["domain.renew", ["PAYER", "REGISTRAR"], ["PROXY", "NSA", "ADMINISTRATOR"]],
    ["domain.setNameServers", ["REGISTRAR", "PROXY", "NSA"], ["PAYER", "ADMINISTRATOR"]],
    ["domain.redelegate", ["NSA"], ["REGISTRAR", "PROXY", "PAYER", "ADMINISTRATOR"]],
    ["dnssec.add", ["NSA"], ["REGISTRAR", "PROXY", "PAYER", "ADMINISTRATOR"]],
    ["billing.topUp", ["PAYER"], ["REGISTRAR", "PROXY", "NSA", "ADMINISTRATOR"]],
    ["message.ack", ["ADMINISTRATOR", "REGISTRAR", "PROXY", "PAYER", "NSA"], []],
    ["account.ipAllowlist", ["ADMINISTRATOR"], ["REGISTRAR", "PROXY", "PAYER", "NSA"]],
  ])("%s is allowed for %j and refused for %j", (verb, allowed, refused) => {
    for (const role of allowed) expect(can(user(role), verb)).toBe(true);
    for (const role of refused) {
      expect(can(user(role), verb)).toBe(false);
      expect(() => requirePermission(user(role), verb)).toThrow(
        expect.objectContaining({ code: "NOT_AUTHORIZED" }),
      );
    }
  });

  it("refuses every verb to a user without meta-roles and to non-registrar actors", () => {
    for (const verb of Object.keys(permissions) as Verb[]) {
      expect(can(user(), verb)).toBe(false);
      expect(can({ kind: "operator", operatorId: "o", ip: "::1", label: "op" }, verb)).toBe(false);
      expect(can({ kind: "system", label: "lifecycle" }, verb)).toBe(false);
    }
  });
});
