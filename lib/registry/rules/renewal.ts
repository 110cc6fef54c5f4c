import { RegistryError } from "@/lib/registry/errors";
import type { ManagementModel, Policy } from "@/lib/registry/policy";
import {
  addDays,
  addMonths,
  addPeriod,
  addYears,
  expiryInstant,
  hasExpired,
  isAfterDate,
  isBeforeDate,
  localDateOf,
  parseRegistryDate,
  type Period,
  type RegistryDate,
} from "@/lib/registry/rules/dates";
import type { DomainState } from "@/lib/registry/rules/lifecycle";
import { checkRenewalPeriod } from "@/lib/registry/rules/periods";

// R-REN-1 manual renewal and R-REN-2 registrant-paid domains and their invoices. Funds are
// deliberately not checked here: manual renewal may overdraw (R-PAY-1).

/** Who pays a domain's renewals: the registrar's prepaid balance, or an invoice to a handle. */
export type RenewalPayer = { paidBy: "registrar" } | { paidBy: "registrant"; payerId: string };

export type PayerFacts = {
  managementModel: ManagementModel;
  registrantId: string;
  payerId: string | null;
  /** The registrar account's own handle. */
  registrarHandleId: string;
};

/**
 * R-REN-1 / R-REN-2, the one place that decides who pays (manual renewal, auto-renew). A
 * registrar-managed domain is the registrar's; a registrant-managed one is paid by its payer
 * contact or, with none, by its registrant — the registrar only when that handle is its own.
 */
export function renewalPayer(domain: PayerFacts): RenewalPayer {
  if (domain.managementModel === "registrar") return { paidBy: "registrar" };
  const payerId = domain.payerId ?? domain.registrantId;
  return payerId === domain.registrarHandleId
    ? { paidBy: "registrar" }
    : { paidBy: "registrant", payerId };
}

/**
 * R-REN-2: an invoice issued at `issuedAt` is due at 00:00 local on its issue date's local date
 * plus `policy.billing.invoiceDueDays` calendar days (like every registry date, not 30 × 24 h);
 * from that instant on, an unpaid invoice suspends its domain.
 */
export function invoiceDueAt(issuedAt: Date, policy: Policy): Date {
  return expiryInstant(addDays(localDateOf(issuedAt), policy.billing.invoiceDueDays));
}

export type RenewableDomain = {
  name: string;
  state: DomainState;
  exDate: RegistryDate;
  /** Who pays its renewals (`renewalPayer`). */
  paidBy: RenewalPayer["paidBy"];
  /** R-REN-2: an auto-renew invoice to a registrant payer is still open. */
  hasOpenInvoice: boolean;
};

export type RenewalRequest = { curExpDate: string; period: Period };

function notRenewable(
  domainName: string,
  reason: string,
  reasonCode: string,
  extra?: object,
): RegistryError {
  return new RegistryError("DOMAIN_NOT_RENEWABLE", `Domain ${domainName} ${reason}`, {
    reason: reasonCode,
    ...extra,
  });
}

/**
 * Checks a manual renewal and returns the new exDate. Check order follows what a caller can act
 * on first: wrong object state, stale expiry date, who pays, period, window, cap.
 */
export function checkRenewal(
  domain: RenewableDomain,
  request: RenewalRequest,
  policy: Policy,
  now: Date,
): { newExDate: RegistryDate } {
  const { name } = domain;
  if (domain.state !== "ACTIVE") {
    throw notRenewable(
      name,
      `cannot be renewed while ${domain.state.toLowerCase()}`,
      "NOT_ACTIVE",
      {
        state: domain.state,
      },
    );
  }
  const curExpDate = parseRegistryDate(request.curExpDate);
  if (curExpDate !== domain.exDate) {
    throw new RegistryError(
      "EXPIRY_DATE_MISMATCH",
      `Domain ${name} expires on ${domain.exDate}, not ${curExpDate}`,
      { exDate: domain.exDate, curExpDate },
    );
  }
  if (hasExpired(domain.exDate, now)) {
    throw notRenewable(name, `expired on ${domain.exDate} and can no longer be renewed`, "EXPIRED");
  }
  // R-REN-1/2: under registrant management the registrar renews only what it pays for itself.
  if (domain.paidBy === "registrant") {
    throw notRenewable(
      name,
      "is paid by its registrant, not the registrar: its renewals are invoiced to its payer",
      "PAID_BY_REGISTRANT",
    );
  }
  if (domain.hasOpenInvoice) {
    throw notRenewable(name, "cannot be renewed while its renewal invoice is open", "OPEN_INVOICE");
  }
  checkRenewalPeriod(name, request.period, policy);

  const today = localDateOf(now);
  const { windowMonths } = policy.renewal;
  if (windowMonths !== null) {
    const earliest = addMonths(domain.exDate, -windowMonths);
    if (isBeforeDate(today, earliest)) {
      throw notRenewable(name, `cannot be renewed before ${earliest}`, "RENEWAL_WINDOW", {
        earliest,
      });
    }
  }

  const newExDate = addPeriod(domain.exDate, request.period);
  const latest = addYears(today, policy.lifespanCapYears);
  if (isAfterDate(newExDate, latest)) {
    throw new RegistryError(
      "RENEWAL_PERIOD_EXCEEDS_CAP",
      `Domain ${name} cannot be renewed to ${newExDate}: expiry may not lie after ${latest}`,
      { newExDate, latest },
    );
  }
  return { newExDate };
}

/**
 * R-REN-4 auto-renew at expiry and R-DEL-2 restore: exDate + 1 year. Decision: neither applies
 * the renewal window, periods or cap — those limit what a registrar may choose, while these
 * lengths are fixed by the rules themselves.
 */
export function exDateAfterOneYear(exDate: RegistryDate): RegistryDate {
  return addYears(exDate, 1);
}
