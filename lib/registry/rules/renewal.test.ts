import { describe, expect, it } from "vitest";

import { defaultPolicy, dk2026Policy, type Policy } from "@/lib/registry/policy";
import type { Period } from "@/lib/registry/rules/dates";
import {
  checkRenewal,
  exDateAfterOneYear,
  invoiceDueAt,
  type PayerFacts,
  type RenewableDomain,
  renewalPayer,
} from "@/lib/registry/rules/renewal";

const domain: RenewableDomain = {
  name: "eksempel.dk",
  state: "ACTIVE",
  exDate: "2026-03-20",
  paidBy: "registrar",
  hasOpenInvoice: false,
};
const NOW = "2026-01-15T10:00:00Z";
const y = (value: number): Period => ({ unit: "y", value });
const m = (value: number): Period => ({ unit: "m", value });

type Case = {
  title: string;
  policy?: Policy;
  now?: string;
  domain?: Partial<RenewableDomain>;
  curExpDate?: string;
  period?: Period;
};

describe("R-REN-1 checkRenewal accepts", () => {
  it.each<Case & { expected: string }>([
    { title: "1 year", expected: "2027-03-20" },
    { title: "6 months", period: m(6), expected: "2026-09-20" },
    { title: "9 years, within the 10-year cap", period: y(9), expected: "2035-03-20" },
    {
      title: "the last instant before 00:00 local on exDate",
      now: "2026-03-19T22:59:59Z",
      expected: "2027-03-20",
    },
    {
      title: "dk2026: first day of the 2-month window",
      policy: dk2026Policy,
      now: "2026-01-20T10:00:00Z",
      expected: "2027-03-20",
    },
    {
      title: "dk2026: 00:00 local on the first window day",
      policy: dk2026Policy,
      now: "2026-01-19T23:00:00Z",
      expected: "2027-03-20",
    },
    {
      title: "month end clamps (31 Jan + 1 month)",
      domain: { exDate: "2026-01-31" },
      curExpDate: "2026-01-31",
      period: m(1),
      expected: "2026-02-28",
    },
  ])(
    "R-REN-1 $title",
    ({ policy = defaultPolicy, now = NOW, domain: patch, curExpDate, period = y(1), expected }) => {
      const d = { ...domain, ...patch };
      const result = checkRenewal(
        d,
        { curExpDate: curExpDate ?? d.exDate, period },
        policy,
        new Date(now),
      );
      expect(result).toEqual({ newExDate: expected });
    },
  );
});

describe("R-REN-1 / R-REN-2 checkRenewal refuses", () => {
  it.each<Case & { code: string; reason?: string }>([
    {
      title: "a suspended domain",
      domain: { state: "SUSPENDED" },
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "NOT_ACTIVE",
    },
    {
      title: "a held domain",
      domain: { state: "HELD" },
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "NOT_ACTIVE",
    },
    {
      title: "a wrong current expiry date",
      curExpDate: "2026-03-21",
      code: "EXPIRY_DATE_MISMATCH",
    },
    {
      title: "a malformed current expiry date",
      curExpDate: "20-03-2026",
      code: "VALIDATION_FAILED",
    },
    {
      title: "at 00:00 local on exDate",
      now: "2026-03-19T23:00:00Z",
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "EXPIRED",
    },
    {
      title: "a registrant-paid registrant-managed domain",
      domain: { paidBy: "registrant" },
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "PAID_BY_REGISTRANT",
    },
    {
      title: "R-REN-2 an open invoice",
      domain: { hasOpenInvoice: true },
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "OPEN_INVOICE",
    },
    {
      title: "10 years (beyond today + 10 years)",
      period: y(10),
      code: "RENEWAL_PERIOD_EXCEEDS_CAP",
    },
    { title: "11 years", period: y(11), code: "PERIOD_NOT_ALLOWED" },
    { title: "12 months (ask for 1 year)", period: m(12), code: "PERIOD_NOT_ALLOWED" },
    { title: "0 months", period: m(0), code: "PERIOD_NOT_ALLOWED" },
    {
      title: "dk2026: 2 years",
      policy: dk2026Policy,
      now: "2026-02-01T10:00:00Z",
      period: y(2),
      code: "PERIOD_NOT_ALLOWED",
    },
    {
      title: "dk2026: months",
      policy: dk2026Policy,
      now: "2026-02-01T10:00:00Z",
      period: m(6),
      code: "PERIOD_NOT_ALLOWED",
    },
    {
      title: "dk2026: before the window",
      policy: dk2026Policy,
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "RENEWAL_WINDOW",
    },
    {
      title: "dk2026: one minute before the window opens locally",
      policy: dk2026Policy,
      now: "2026-01-19T22:59:00Z",
      code: "DOMAIN_NOT_RENEWABLE",
      reason: "RENEWAL_WINDOW",
    },
  ])(
    "R-REN-1 $title → $code",
    ({
      policy = defaultPolicy,
      now = NOW,
      domain: patch,
      curExpDate,
      period = y(1),
      code,
      reason,
    }) => {
      const d = { ...domain, ...patch };
      const run = () =>
        checkRenewal(d, { curExpDate: curExpDate ?? d.exDate, period }, policy, new Date(now));
      expect(run).toThrow(expect.objectContaining({ code }));
      if (reason)
        expect(run).toThrow(
          expect.objectContaining({ details: expect.objectContaining({ reason }) }),
        );
    },
  );

  it("R-REN-1 names the domain and the first allowed date under a renewal window", () => {
    expect(() =>
      checkRenewal(domain, { curExpDate: "2026-03-20", period: y(1) }, dk2026Policy, new Date(NOW)),
    ).toThrow("Domain eksempel.dk cannot be renewed before 2026-01-20");
  });
});

describe("R-REN-2 renewalPayer: who pays a domain's renewals", () => {
  const facts = (patch: Partial<PayerFacts>): PayerFacts => ({
    managementModel: "registrant",
    registrantId: "registrant",
    payerId: null,
    registrarHandleId: "registrar",
    ...patch,
  });
  it.each<[string, Partial<PayerFacts>, ReturnType<typeof renewalPayer>]>([
    ["R-REN-1: registrar-managed", { managementModel: "registrar" }, { paidBy: "registrar" }],
    [
      "R-REN-1: registrar-managed, whatever payer is stored",
      { managementModel: "registrar", payerId: "payer" },
      { paidBy: "registrar" },
    ],
    [
      "R-REN-1: registrant-managed, payer = the registrar's handle",
      { payerId: "registrar" },
      { paidBy: "registrar" },
    ],
    [
      "R-REN-2: registrant-managed, another payer",
      { payerId: "payer" },
      { paidBy: "registrant", payerId: "payer" },
    ],
    [
      "R-REN-2: registrant-managed, no payer: the registrant pays",
      {},
      { paidBy: "registrant", payerId: "registrant" },
    ],
  ])("%s", (_, patch, expected) => {
    expect(renewalPayer(facts(patch))).toEqual(expected);
  });
});

describe("R-REN-2 invoiceDueAt: 00:00 Copenhagen, issue date + invoiceDueDays", () => {
  it.each([
    // 11:00 CET → 30 calendar days later, across the March DST change: 9 April 00:00 CEST
    ["2026-03-10T10:00:00Z", 30, "2026-04-08T22:00:00.000Z"],
    // 00:30 local on 10 March (23:30 UTC the day before) counts from 10 March
    ["2026-03-09T23:30:00Z", 30, "2026-04-08T22:00:00.000Z"],
    // 23:59 local on 9 March counts from 9 March
    ["2026-03-09T22:59:00Z", 30, "2026-04-07T22:00:00.000Z"],
    // across the October change: 20 November 00:00 CET
    ["2026-10-20T22:30:00Z", 30, "2026-11-19T23:00:00.000Z"],
    ["2026-03-10T10:00:00Z", 14, "2026-03-23T23:00:00.000Z"],
  ])("issued %s, %i days → due %s", (issuedAt, invoiceDueDays, expected) => {
    const policy = { ...defaultPolicy, billing: { ...defaultPolicy.billing, invoiceDueDays } };
    expect(invoiceDueAt(new Date(issuedAt), policy).toISOString()).toBe(expected);
  });
});

describe("R-REN-4 / R-DEL-2 exDateAfterOneYear", () => {
  it.each([
    ["2026-03-20", "2027-03-20"],
    ["2028-02-29", "2029-02-28"],
  ])("%s → %s", (exDate, expected) => {
    expect(exDateAfterOneYear(exDate)).toBe(expected);
  });
});
