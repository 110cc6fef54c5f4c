import { RegistryError } from "@/lib/registry/errors";
import type { Policy } from "@/lib/registry/policy";
import type { Period } from "@/lib/registry/rules/dates";

// Which periods the policy offers, shared by registration (years only) and renewal.

export function formatPeriod(period: Period): string {
  const unit = period.unit === "y" ? "year" : "month";
  return `${period.value} ${unit}${period.value === 1 ? "" : "s"}`;
}

function refusePeriod(
  domainName: string,
  operation: string,
  period: Period,
  allowed: string,
): RegistryError {
  return new RegistryError(
    "PERIOD_NOT_ALLOWED",
    `Domain ${domainName} cannot be ${operation} for ${formatPeriod(period)}; allowed: ${allowed}`,
    { unit: period.unit, value: period.value },
  );
}

function describeAllowed(years: readonly number[], months: readonly number[]): string {
  const parts = [];
  if (years.length > 0) parts.push(`${years.join(", ")} years`);
  if (months.length > 0) parts.push(`${months.join(", ")} months`);
  return parts.join(" or ") || "none";
}

export function checkRegistrationPeriod(domainName: string, period: Period, policy: Policy): void {
  const years = policy.registration.periodYears;
  if (period.unit !== "y" || !years.includes(period.value)) {
    throw refusePeriod(domainName, "registered", period, describeAllowed(years, []));
  }
}

export function checkRenewalPeriod(domainName: string, period: Period, policy: Policy): void {
  const { periodYears, periodMonths } = policy.renewal;
  const allowed = period.unit === "y" ? periodYears : periodMonths;
  if (!allowed.includes(period.value)) {
    throw refusePeriod(domainName, "renewed", period, describeAllowed(periodYears, periodMonths));
  }
}
