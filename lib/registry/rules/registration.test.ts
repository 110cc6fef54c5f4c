import { describe, expect, it } from "vitest";

import { defaultPolicy, dk2026Policy, type Policy } from "@/lib/registry/policy";
import {
  checkRegistration,
  checkTermsAcceptedAt,
  exDateOnCreate,
  type RegistrationRequest,
} from "@/lib/registry/rules/registration";

const NOW = new Date("2026-01-15T10:00:00Z");
const base: RegistrationRequest = {
  domainName: "eksempel.dk",
  periodYears: 1,
  managementModel: "registrar",
  registrant: { handle: "ABC1-DK", managementModel: "registrar", termsAcceptedAt: null },
  termsAcceptedAt: new Date("2026-01-10T12:00:00Z"),
};
const withRegistrant = (patch: Partial<RegistrationRequest["registrant"]>) => ({
  registrant: { ...base.registrant, ...patch },
});

describe("R-REG-1/2/3 checkRegistration accepts", () => {
  it.each<[string, Partial<RegistrationRequest>, Policy, object]>([
    ["method 1, 1 year", {}, defaultPolicy, { terms: "method-1", exDate: "2027-01-15" }],
    ["10 years", { periodYears: 10 }, defaultPolicy, { terms: "method-1", exDate: "2036-01-15" }],
    [
      "registrant management with proxy and payer",
      {
        managementModel: "registrant",
        ...withRegistrant({ managementModel: "registrant" }),
        proxyHandle: "P1-DK",
        payerHandle: "P2-DK",
      },
      defaultPolicy,
      { terms: "method-1" },
    ],
    [
      "registrant accepted earlier, no statement",
      {
        termsAcceptedAt: null,
        ...withRegistrant({ termsAcceptedAt: new Date("2020-01-01T00:00:00Z") }),
      },
      defaultPolicy,
      { terms: "already-accepted", exDate: "2027-01-15" },
    ],
    [
      "no acceptance at all → method 2 hold until 00:00 local on the 4th day",
      { termsAcceptedAt: null },
      defaultPolicy,
      { terms: "method-2", holdEndsAt: new Date("2026-01-18T23:00:00Z") },
    ],
    [
      "statement exactly 30 days old",
      { termsAcceptedAt: new Date("2025-12-16T10:00:00Z") },
      defaultPolicy,
      { terms: "method-1" },
    ],
    ["statement at this instant", { termsAcceptedAt: NOW }, defaultPolicy, { terms: "method-1" }],
    [
      "dk2026: 1 year registrar-managed",
      {},
      dk2026Policy,
      { terms: "method-1", exDate: "2027-01-15" },
    ],
  ])("R-REG-1 %s", (_, patch, policy, expected) => {
    expect(checkRegistration({ ...base, ...patch }, policy, NOW)).toMatchObject(expected);
  });
});

describe("R-REG-1/2/3 checkRegistration refuses", () => {
  it.each<[string, Partial<RegistrationRequest>, Policy, string]>([
    ["0 years", { periodYears: 0 }, defaultPolicy, "PERIOD_NOT_ALLOWED"],
    ["11 years", { periodYears: 11 }, defaultPolicy, "PERIOD_NOT_ALLOWED"],
    ["dk2026: 2 years", { periodYears: 2 }, dk2026Policy, "PERIOD_NOT_ALLOWED"],
    [
      "dk2026: registrant management",
      { managementModel: "registrant", ...withRegistrant({ managementModel: "registrant" }) },
      dk2026Policy,
      "MANAGEMENT_MODEL_NOT_ALLOWED",
    ],
    [
      "R-REG-3 registrant under registrant management",
      withRegistrant({ managementModel: "registrant" }),
      defaultPolicy,
      "MANAGEMENT_MODEL_MISMATCH",
    ],
    [
      "R-REG-3 registrar-managed registrant for a registrant-managed domain",
      { managementModel: "registrant" },
      defaultPolicy,
      "MANAGEMENT_MODEL_MISMATCH",
    ],
    [
      "proxy under registrar management",
      { proxyHandle: "P1-DK" },
      defaultPolicy,
      "CONTACT_NOT_ALLOWED",
    ],
    [
      "payer under registrar management",
      { payerHandle: "P2-DK" },
      defaultPolicy,
      "CONTACT_NOT_ALLOWED",
    ],
    [
      "R-REG-2 statement in the future",
      { termsAcceptedAt: new Date("2026-01-15T10:00:01Z") },
      defaultPolicy,
      "TERMS_ACCEPTANCE_INVALID",
    ],
    [
      "R-REG-2 statement older than 30 days",
      { termsAcceptedAt: new Date("2025-12-16T09:59:59Z") },
      defaultPolicy,
      "TERMS_ACCEPTANCE_INVALID",
    ],
    [
      "R-REG-2 bad statement although the registrant accepted earlier",
      {
        termsAcceptedAt: new Date("2027-01-01T00:00:00Z"),
        ...withRegistrant({ termsAcceptedAt: new Date("2020-01-01") }),
      },
      defaultPolicy,
      "TERMS_ACCEPTANCE_INVALID",
    ],
    [
      "R-REG-2 invalid statement time",
      { termsAcceptedAt: new Date("nonsense") },
      defaultPolicy,
      "VALIDATION_FAILED",
    ],
  ])("R-REG-1 %s → %s", (_, patch, policy, code) => {
    expect(() => checkRegistration({ ...base, ...patch }, policy, NOW)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe("R-REG-2 checkTermsAcceptedAt across DST", () => {
  it.each([
    // 30 calendar days before 2026-04-10 12:00 local (UTC+2) is 2026-03-11 12:00 local (UTC+1).
    ["2026-03-11T11:00:00Z", true],
    ["2026-03-11T10:59:59Z", false],
  ])("accepted at %s valid=%s", (acceptedAt, ok) => {
    const run = () =>
      checkTermsAcceptedAt(
        "eksempel.dk",
        new Date(acceptedAt),
        defaultPolicy,
        new Date("2026-04-10T10:00:00Z"),
      );
    if (ok) expect(run).not.toThrow();
    else
      expect(run).toThrow(
        expect.objectContaining({
          code: "TERMS_ACCEPTANCE_INVALID",
          details: expect.objectContaining({ reason: "TOO_OLD" }),
        }),
      );
  });
});

describe("R-REG-1 exDateOnCreate", () => {
  it.each([
    ["2026-01-15T10:00:00Z", 1, "2027-01-15"],
    // 23:30 UTC on 31 Dec is already 1 Jan in Copenhagen.
    ["2026-12-31T23:30:00Z", 1, "2028-01-01"],
    ["2028-02-29T12:00:00Z", 1, "2029-02-28"],
  ])("created %s for %i year(s) → %s", (createdAt, years, expected) => {
    expect(exDateOnCreate(new Date(createdAt), years)).toBe(expected);
  });
});
