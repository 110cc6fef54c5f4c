import { RegistryError } from "@/lib/registry/errors";
import type { ManagementModel, Policy } from "@/lib/registry/policy";
import {
  addLocalDays,
  addYears,
  holdEndsAt,
  localDateOf,
  type RegistryDate,
} from "@/lib/registry/rules/dates";
import { checkRegistrationPeriod } from "@/lib/registry/rules/periods";

// R-REG-1..3 checks that need no database. Availability (R-REG-4 second half), funds (R-REG-5)
// and the waiting list (R-REG-6) are the core's, inside the registration transaction.

export type RegistrationRequest = {
  /** Normalised A-label (from parseDomainName), used in messages. */
  domainName: string;
  periodYears: number;
  managementModel: ManagementModel;
  registrant: { handle: string; managementModel: ManagementModel; termsAcceptedAt: Date | null };
  proxyHandle?: string | null;
  payerHandle?: string | null;
  /** Method 1: when the registrar says the registrant accepted the terms. */
  termsAcceptedAt?: Date | null;
};

export type RegistrationPlan =
  /** Create and bill now. */
  | { terms: "method-1" | "already-accepted"; termsAcceptedAt: Date; exDate: RegistryDate }
  /** Method 2: hold the name and mail the registrant; create on acceptance. */
  | { terms: "method-2"; holdEndsAt: Date };

/** R-REG-2 method 1: not in the future (no clock-skew allowance), not older than the policy says. */
export function checkTermsAcceptedAt(
  domainName: string,
  acceptedAt: Date,
  policy: Policy,
  now: Date,
): void {
  if (Number.isNaN(acceptedAt.getTime())) {
    throw new RegistryError(
      "VALIDATION_FAILED",
      `Terms acceptance time for ${domainName} is not a valid time`,
      {
        field: "termsAcceptedAt",
      },
    );
  }
  if (acceptedAt.getTime() > now.getTime()) {
    throw new RegistryError(
      "TERMS_ACCEPTANCE_INVALID",
      `Terms acceptance for ${domainName} cannot be in the future`,
      { reason: "FUTURE", field: "termsAcceptedAt" },
    );
  }
  const maxAgeDays = policy.registration.termsMaxAgeDays;
  if (acceptedAt.getTime() < addLocalDays(now, -maxAgeDays).getTime()) {
    throw new RegistryError(
      "TERMS_ACCEPTANCE_INVALID",
      `Terms acceptance for ${domainName} is older than ${maxAgeDays} days`,
      { reason: "TOO_OLD", field: "termsAcceptedAt" },
    );
  }
}

/** A new domain expires on the same calendar date `years` later (29 Feb → 28 Feb). */
export function exDateOnCreate(createdAt: Date, years: number): RegistryDate {
  return addYears(localDateOf(createdAt), years);
}

export function checkRegistration(
  request: RegistrationRequest,
  policy: Policy,
  now: Date,
): RegistrationPlan {
  const { domainName, managementModel, registrant } = request;
  checkRegistrationPeriod(domainName, { unit: "y", value: request.periodYears }, policy);

  if (!policy.registration.managementModels.includes(managementModel)) {
    throw new RegistryError(
      "MANAGEMENT_MODEL_NOT_ALLOWED",
      `Domain ${domainName} cannot be registered under ${managementModel} management`,
      { managementModel, allowed: policy.registration.managementModels },
    );
  }
  if (registrant.managementModel !== managementModel) {
    throw new RegistryError(
      "MANAGEMENT_MODEL_MISMATCH",
      `Registrant ${registrant.handle} is under ${registrant.managementModel} management, domain ${domainName} under ${managementModel}`,
      { field: "registrant" },
    );
  }
  // Decision: refuse rather than silently drop — a registrar who fills in a payer expects it to
  // be billed, and under registrar management it never would be.
  if (managementModel === "registrar") {
    for (const field of ["proxyHandle", "payerHandle"] as const) {
      if (request[field]) {
        throw new RegistryError(
          "CONTACT_NOT_ALLOWED",
          `Domain ${domainName} is registrar-managed and cannot have a ${field === "proxyHandle" ? "proxy" : "payer"} handle`,
          { field },
        );
      }
    }
  }

  // A statement given is always checked, even when the registrant accepted earlier: a wrong
  // date must not enter the record just because it was not needed.
  if (request.termsAcceptedAt) {
    checkTermsAcceptedAt(domainName, request.termsAcceptedAt, policy, now);
    return {
      terms: "method-1",
      termsAcceptedAt: request.termsAcceptedAt,
      exDate: exDateOnCreate(now, request.periodYears),
    };
  }
  if (registrant.termsAcceptedAt) {
    return {
      terms: "already-accepted",
      termsAcceptedAt: registrant.termsAcceptedAt,
      exDate: exDateOnCreate(now, request.periodYears),
    };
  }
  return { terms: "method-2", holdEndsAt: holdEndsAt(now, policy.registration.holdDays) };
}
