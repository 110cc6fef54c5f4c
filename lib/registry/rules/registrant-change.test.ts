import { describe, expect, it } from "vitest";

import { defaultPolicy, dk2026Policy, type Policy } from "@/lib/registry/policy";
import {
  planRegistrantChange,
  type RegistrantChangeRequest,
} from "@/lib/registry/rules/registrant-change";

const NOW = new Date("2026-01-15T10:00:00Z");
const TOKEN = String(Date.parse("2026-01-15T09:00:00Z") / 1000);
const base: RegistrantChangeRequest = {
  domain: {
    name: "eksempel.dk",
    state: "ACTIVE",
    managementModel: "registrar",
    registrantHandle: "OLD1-DK",
  },
  newRegistrant: {
    handle: "NEW1-DK",
    managementModel: "registrar",
    termsAcceptedAt: new Date("2025-01-01"),
    idControl: "none",
  },
};
const newRegistrant = (patch: Partial<RegistrantChangeRequest["newRegistrant"]>) => ({
  newRegistrant: { ...base.newRegistrant, ...patch },
});
const domain = (patch: Partial<RegistrantChangeRequest["domain"]>) => ({
  domain: { ...base.domain, ...patch },
});

describe("R-CHG-2/3 planRegistrantChange", () => {
  it.each<[string, Partial<RegistrantChangeRequest>, Policy, object]>([
    ["terms accepted, no ID control", {}, defaultPolicy, { mode: "immediate", confirmedAt: null }],
    [
      "ID control passed",
      newRegistrant({ idControl: "passed" }),
      defaultPolicy,
      { mode: "immediate" },
    ],
    [
      "valid token",
      { orderConfirmation: TOKEN },
      defaultPolicy,
      { mode: "immediate", confirmedAt: new Date(Number(TOKEN) * 1000) },
    ],
    [
      "valid token settles missing terms",
      { orderConfirmation: TOKEN, ...newRegistrant({ termsAcceptedAt: null }) },
      defaultPolicy,
      { mode: "immediate", confirmedAt: new Date(Number(TOKEN) * 1000) },
    ],
    [
      "valid token replaces the terms step only: ID control still required",
      {
        orderConfirmation: TOKEN,
        ...newRegistrant({ termsAcceptedAt: null, idControl: "required" }),
      },
      defaultPolicy,
      { mode: "pending", steps: ["idControl"], confirmedAt: new Date(Number(TOKEN) * 1000) },
    ],
    [
      "dk2026: valid token, ID control required",
      { orderConfirmation: TOKEN, ...newRegistrant({ idControl: "required" }) },
      dk2026Policy,
      { mode: "pending", steps: ["idControl"] },
    ],
    ["dk2026: valid token", { orderConfirmation: TOKEN }, dk2026Policy, { mode: "immediate" }],
    [
      "R-CHG-3 no terms",
      newRegistrant({ termsAcceptedAt: null }),
      defaultPolicy,
      { mode: "pending", steps: ["terms"] },
    ],
    [
      "R-CHG-3 ID control required",
      newRegistrant({ idControl: "required" }),
      defaultPolicy,
      { mode: "pending", steps: ["idControl"] },
    ],
    [
      "R-CHG-3 no terms and ID control required",
      newRegistrant({ termsAcceptedAt: null, idControl: "required" }),
      defaultPolicy,
      { mode: "pending", steps: ["terms", "idControl"] },
    ],
  ])("R-CHG-2 %s", (_, patch, policy, expected) => {
    expect(planRegistrantChange({ ...base, ...patch }, policy, NOW)).toEqual(
      expect.objectContaining(expected),
    );
  });

  it.each<[string, Partial<RegistrantChangeRequest>, Policy, string]>([
    ["dk2026: no token", {}, dk2026Policy, "ORDER_CONFIRMATION_REQUIRED"],
    [
      "invalid token is not downgraded to pending",
      { orderConfirmation: "123" },
      defaultPolicy,
      "ORDER_CONFIRMATION_INVALID",
    ],
    [
      "registrant-managed domain",
      domain({ managementModel: "registrant" }),
      defaultPolicy,
      "REGISTRANT_CHANGE_NOT_ALLOWED",
    ],
    [
      "suspended domain",
      domain({ state: "SUSPENDED" }),
      defaultPolicy,
      "REGISTRANT_CHANGE_NOT_ALLOWED",
    ],
    [
      "same registrant",
      newRegistrant({ handle: "OLD1-DK" }),
      defaultPolicy,
      "REGISTRANT_CHANGE_NOT_ALLOWED",
    ],
    [
      "a registrant whose ID control was rejected",
      newRegistrant({ idControl: "rejected" }),
      defaultPolicy,
      "REGISTRANT_CHANGE_NOT_ALLOWED",
    ],
    [
      "a rejected registrant even with a valid token",
      { orderConfirmation: TOKEN, ...newRegistrant({ idControl: "rejected" }) },
      defaultPolicy,
      "REGISTRANT_CHANGE_NOT_ALLOWED",
    ],
    [
      "R-REG-3 new registrant under registrant management",
      newRegistrant({ managementModel: "registrant" }),
      defaultPolicy,
      "MANAGEMENT_MODEL_MISMATCH",
    ],
  ])("R-CHG-2 refuses %s with %s", (_, patch, policy, code) => {
    expect(() => planRegistrantChange({ ...base, ...patch }, policy, NOW)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it("R-CHG-2 refuses a rejected registrant naming the handle and the reason ID_CONTROL_REJECTED", () => {
    expect(() =>
      planRegistrantChange(
        { ...base, orderConfirmation: TOKEN, ...newRegistrant({ idControl: "rejected" }) },
        defaultPolicy,
        NOW,
      ),
    ).toThrow(
      expect.objectContaining({
        code: "REGISTRANT_CHANGE_NOT_ALLOWED",
        message: expect.stringContaining("NEW1-DK"),
        details: { reason: "ID_CONTROL_REJECTED" },
      }),
    );
  });
});
