import { RegistryError } from "@/lib/registry/errors";
import type { ManagementModel, Policy } from "@/lib/registry/policy";
import type { DomainState } from "@/lib/registry/rules/lifecycle";
import { parseOrderConfirmation } from "@/lib/registry/rules/order-confirmation";

// R-CHG-1..3: whether a change of registrant happens at once or becomes a pending request. It is
// immediate only when both steps are settled: terms (a valid order-confirmation token, or terms
// accepted before) and ID control (none or passed).
// Portfolio membership of both handles (R-CHG-1) is checked by the core against the database.

export type IdControl = "none" | "required" | "passed" | "rejected";

export type RegistrantChangeRequest = {
  domain: {
    name: string;
    state: DomainState;
    managementModel: ManagementModel;
    registrantHandle: string;
  };
  newRegistrant: {
    handle: string;
    managementModel: ManagementModel;
    termsAcceptedAt: Date | null;
    idControl: IdControl;
  };
  orderConfirmation?: string | null;
};

export type RegistrantChangePlan =
  | { mode: "immediate"; confirmedAt: Date | null }
  /**
   * Steps in order: terms by mail, then ID control decided by the operator. `confirmedAt` is the
   * order-confirmation token's instant when one settled the terms step.
   */
  | { mode: "pending"; steps: ("terms" | "idControl")[]; confirmedAt: Date | null };

function notAllowed(message: string, reason: string): RegistryError {
  return new RegistryError("REGISTRANT_CHANGE_NOT_ALLOWED", message, { reason });
}

/** R-CHG-1: only a registrar-managed, active domain changes registrant through its registrar. */
export function checkRegistrantChangeDomain(
  domain: Pick<RegistrantChangeRequest["domain"], "name" | "state" | "managementModel">,
): void {
  if (domain.managementModel !== "registrar") {
    throw notAllowed(
      `Domain ${domain.name} is registrant-managed; its registrant changes it`,
      "REGISTRANT_MANAGED",
    );
  }
  if (domain.state !== "ACTIVE") {
    throw notAllowed(
      `Domain ${domain.name} cannot change registrant while ${domain.state.toLowerCase()}`,
      "NOT_ACTIVE",
    );
  }
}

export function planRegistrantChange(
  request: RegistrantChangeRequest,
  policy: Policy,
  now: Date,
): RegistrantChangePlan {
  const { domain, newRegistrant } = request;
  checkRegistrantChangeDomain(domain);
  if (newRegistrant.handle === domain.registrantHandle) {
    throw notAllowed(
      `Domain ${domain.name} already has registrant ${newRegistrant.handle}`,
      "SAME_REGISTRANT",
    );
  }
  // R-REG-3 holds for the life of the domain, not only at creation.
  if (newRegistrant.managementModel !== domain.managementModel) {
    throw new RegistryError(
      "MANAGEMENT_MODEL_MISMATCH",
      `Registrant ${newRegistrant.handle} is under ${newRegistrant.managementModel} management, domain ${domain.name} under ${domain.managementModel}`,
      { field: "newRegistrant" },
    );
  }

  // R-CHG-2: a rejected registrant is refused outright; no token or new request settles that.
  if (newRegistrant.idControl === "rejected") {
    throw notAllowed(
      `Registrant ${newRegistrant.handle} failed the registry's ID control and cannot become registrant of ${domain.name}`,
      "ID_CONTROL_REJECTED",
    );
  }
  const confirmedAt = settleTermsByToken(request, policy, now);
  // The token replaces the terms step only, never ID control.
  const needsTerms = confirmedAt === null && newRegistrant.termsAcceptedAt === null;
  const needsIdControl = newRegistrant.idControl === "required";
  if (!needsTerms && !needsIdControl) return { mode: "immediate", confirmedAt };
  const steps: ("terms" | "idControl")[] = [];
  if (needsTerms) steps.push("terms");
  if (needsIdControl) steps.push("idControl");
  return { mode: "pending", steps, confirmedAt };
}

/** The order-confirmation token's instant, or null when none is given and policy allows that. */
function settleTermsByToken(
  request: RegistrantChangeRequest,
  policy: Policy,
  now: Date,
): Date | null {
  // Decision: a token that is present but invalid is refused, never quietly turned into a
  // pending request — the registrar asked for the token's effect and must learn why it failed.
  if (request.orderConfirmation) {
    return parseOrderConfirmation(request.orderConfirmation, policy, now);
  }
  if (policy.registrantChange.orderConfirmation.required) {
    throw new RegistryError(
      "ORDER_CONFIRMATION_REQUIRED",
      `Change of registrant for ${request.domain.name} needs an order-confirmation token`,
      { field: "orderConfirmation" },
    );
  }
  return null;
}
