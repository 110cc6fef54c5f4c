import type { Db } from "@/lib/db/client";
import type { DomainState, ManagementModel } from "@/lib/db/generated/enums";
import type { RegistrarActor } from "@/lib/registry/actor";
import { findOpenInvoice } from "@/lib/registry/billing";
import { requireAdministrable } from "@/lib/registry/domains/domain-admin";
import { exDateOf } from "@/lib/registry/domains/domain-view";
import { RegistryError } from "@/lib/registry/errors";
import type { Policy } from "@/lib/registry/policy";
import {
  checkDsRecordRoom,
  checkRegistrantChangeDomain,
  checkRenewal,
  hasExpired,
  type Period,
  renewalPayer,
} from "@/lib/registry/rules";

// Issue 14: whether an operation on a domain may go ahead now — the part of each operation's
// checks that depends on the domain and the account, not on the operation's own input. The
// operations call these after locking the domain (renewal.ts, redemption.ts, domain-contacts.ts,
// tokens/, registrants/, nameservers/), and `domainActions` calls the same functions without a
// lock to tell the page what is possible and why not. A refusal is the operation's RegistryError.

/** The domain columns the checks read (a row of `lockOwnDomain` or `findOwnDomain`). */
export type CheckedDomain = {
  id: string;
  aLabel: string;
  uLabel: string;
  state: DomainState;
  managementModel: ManagementModel;
  registrantId: string;
  proxyId: string | null;
  payerId: string | null;
  exDate: Date | null;
  deleteAt: Date | null;
};

/** R-REN-1/2: the manual renewal's checks (state, expiry date, who pays, invoice, period, window, cap). */
export async function checkRenewDomain(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
  request: { curExpDate: string; period: Period },
  policy: Policy,
  now: Date,
) {
  const account = await db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { handleId: true },
  });
  const openInvoice = await findOpenInvoice(db, domain.id);
  const { paidBy } = renewalPayer({
    managementModel: domain.managementModel === "REGISTRAR" ? "registrar" : "registrant",
    registrantId: domain.registrantId,
    payerId: domain.payerId,
    registrarHandleId: account.handleId,
  });
  try {
    return checkRenewal(
      {
        name: domain.aLabel,
        state: domain.state,
        exDate: domain.exDate ? exDateOf(domain) : "",
        paidBy,
        hasOpenInvoice: openInvoice !== null,
      },
      request,
      policy,
      now,
    );
  } catch (error) {
    throw atPeriodField(error);
  }
}

/**
 * Issue 15: a refusal of the chosen period (not offered, or past the cap) lands at the renewal
 * form's period field (`periodValue`, lib/schemas/domains.ts).
 */
function atPeriodField(error: unknown): unknown {
  if (
    error instanceof RegistryError &&
    (error.code === "PERIOD_NOT_ALLOWED" || error.code === "RENEWAL_PERIOD_EXCEEDS_CAP")
  ) {
    return new RegistryError(error.code, error.message, { ...error.details, field: "periodValue" });
  }
  return error;
}

/** The shortest renewal the policy offers: what "can it be renewed at all now" is asked with. */
export function shortestRenewalPeriod(policy: Policy): Period {
  const months = policy.renewal.periodMonths[0];
  if (months !== undefined) return { unit: "m", value: months };
  return { unit: "y", value: policy.renewal.periodYears[0] ?? 1 };
}

/** R-REN-3: the renewal policy of an administrable, active, unexpired domain. */
export async function checkSetRenewalPolicy(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
  now: Date,
): Promise<void> {
  await requireAdministrable(db, actor, domain);
  if (domain.state !== "ACTIVE" || hasExpired(exDateOf(domain), now)) {
    throw new RegistryError(
      "RENEWAL_POLICY_NOT_CHANGEABLE",
      `Domain ${domain.aLabel} is ${domain.state === "ACTIVE" ? "expired" : domain.state.toLowerCase()}; its renewal policy can no longer be changed`,
      { state: domain.state },
    );
  }
}

/** R-DEL-1: an administrable, active domain with no host under it that other domains use. */
export async function checkCancelDomain(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
): Promise<void> {
  await requireAdministrable(db, actor, domain);
  if (domain.state !== "ACTIVE") {
    throw new RegistryError(
      "DOMAIN_NOT_CANCELLABLE",
      `Domain ${domain.aLabel} cannot be cancelled while ${domain.state.toLowerCase()}`,
      { reason: "NOT_ACTIVE", state: domain.state },
    );
  }
  // Hosts under the domain that other live domains delegate to would break those domains.
  const inUse = await db.nameServer.findMany({
    where: {
      superordinateDomainId: domain.id,
      delegations: {
        some: { domainId: { not: domain.id }, domain: { liveName: { not: null } } },
      },
    },
    select: { host: true },
    orderBy: { host: "asc" },
  });
  if (inUse.length > 0) {
    const hosts = inUse.map((ns) => ns.host);
    throw new RegistryError(
      "DOMAIN_NOT_CANCELLABLE",
      `Domain ${domain.aLabel} cannot be cancelled: name server${hosts.length > 1 ? "s" : ""} ${hosts.join(", ")} under it ${hosts.length > 1 ? "are" : "is"} used by other domains`,
      { reason: "HOSTS_IN_USE", hosts },
    );
  }
}

/**
 * R-DEL-2: an administrable domain in redemption (before its deleteAt, even if the worker has not
 * run) without an open renewal invoice (R-REN-2: only paying it brings such a domain back).
 */
export async function checkRestoreDomain(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
  now: Date,
): Promise<void> {
  await requireAdministrable(db, actor, domain);
  const ended = domain.deleteAt !== null && now.getTime() >= domain.deleteAt.getTime();
  if (domain.state !== "SUSPENDED" || ended) {
    throw new RegistryError(
      "DOMAIN_NOT_RESTORABLE",
      ended
        ? `Domain ${domain.aLabel} cannot be restored: its redemption ended`
        : `Domain ${domain.aLabel} is ${domain.state.toLowerCase()}, not in redemption`,
      { reason: ended ? "REDEMPTION_ENDED" : "NOT_SUSPENDED", state: domain.state },
    );
  }
  const openInvoice = await findOpenInvoice(db, domain.id);
  if (openInvoice) {
    throw new RegistryError(
      "DOMAIN_NOT_RESTORABLE",
      `Domain ${domain.aLabel} cannot be restored while its renewal invoice ${openInvoice.number} is open`,
      { reason: "OPEN_INVOICE", invoice: openInvoice.number },
    );
  }
}

/**
 * Issue 10 item 9: proxy and payer only on a registrant-managed domain the account administers,
 * once it is registered. `field` is the form field a refusal belongs to.
 */
export async function checkSetContacts(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
  field: "proxy" | "payer" = "proxy",
): Promise<void> {
  if (domain.managementModel === "REGISTRAR") {
    throw new RegistryError(
      "CONTACT_NOT_ALLOWED",
      `Domain ${domain.aLabel} is registrar-managed and cannot have a proxy or payer handle`,
      { field },
    );
  }
  await requireAdministrable(db, actor, domain);
  if (domain.state === "HELD") {
    throw new RegistryError(
      "DOMAIN_STATE_TRANSITION_INVALID",
      `Domain ${domain.aLabel} awaits its registrant's acceptance; its contacts can be set once it is registered`,
      { state: domain.state },
    );
  }
}

/**
 * R-TOK-1: tokens are issued for active domains; REG-TRANSFER and PXY-REDEL ones as the domain's
 * administrator (`asAdministrator`), NSA-REDEL ones as the name servers' NSA.
 */
export async function checkIssueToken(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
  asAdministrator: boolean,
): Promise<void> {
  if (asAdministrator) await requireAdministrable(db, actor, domain);
  if (domain.state !== "ACTIVE") {
    throw new RegistryError(
      "DOMAIN_NOT_TRANSFERABLE",
      `Domain ${domain.uLabel} is ${domain.state.toLowerCase()}; tokens are issued for active domains only`,
      { state: domain.state },
    );
  }
}

/**
 * R-CHG-1…3 before the new registrant is known: the current registrant is a handle of the
 * account, no change is pending, and the domain allows one (registrar-managed, active). Returns
 * the current registrant.
 */
export async function checkChangeRegistrant(db: Db, actor: RegistrarActor, domain: CheckedDomain) {
  const current = await db.handle.findUniqueOrThrow({ where: { id: domain.registrantId } });
  if (current.accountId !== actor.accountId) {
    throw new RegistryError(
      "REGISTRANT_CHANGE_NOT_ALLOWED",
      `Registrant ${current.handle} of ${domain.uLabel} is not a handle of your account`,
      { reason: "CURRENT_NOT_IN_PORTFOLIO" },
    );
  }
  const pending = await db.registrantChangeRequest.count({
    where: { domainId: domain.id, state: { in: ["TERMS_REQUESTED", "ID_CONTROL_REQUESTED"] } },
  });
  if (pending > 0) {
    throw new RegistryError(
      "REGISTRANT_CHANGE_NOT_ALLOWED",
      `Domain ${domain.uLabel} already has a pending change of registrant`,
      { reason: "PENDING_REQUEST" },
    );
  }
  checkRegistrantChangeDomain({
    name: domain.aLabel,
    state: domain.state,
    managementModel: domain.managementModel === "REGISTRAR" ? "registrar" : "registrant",
  });
  return current;
}

/**
 * R-NS-4 in the own portfolio: a registered domain (active or suspended). A held one has no
 * delegation to change until its registrant accepts.
 */
export function checkSetNameServers(domain: CheckedDomain): void {
  if (domain.state !== "ACTIVE" && domain.state !== "SUSPENDED") {
    throw new RegistryError(
      "DOMAIN_STATE_TRANSITION_INVALID",
      `Domain ${domain.aLabel} awaits its registrant's acceptance; its name servers can be set once it is registered`,
      { state: domain.state },
    );
  }
}

/** Whether one of the domain's name servers is administered by a handle linked to the account. */
export async function isOnAccountNameServers(
  db: Db,
  domainId: string,
  accountId: string,
): Promise<boolean> {
  const linked = await db.delegation.count({
    where: { domainId, nameServer: { nsaHandle: { accountId } } },
  });
  return linked > 0;
}

/** R-DS-1 on the account's own domain: it must be on the account's name servers. */
export async function checkDsRecordsOwnDomain(
  db: Db,
  accountId: string,
  domain: Pick<CheckedDomain, "id" | "aLabel">,
): Promise<void> {
  if (!(await isOnAccountNameServers(db, domain.id, accountId))) {
    throw new RegistryError(
      "NOT_AUTHORIZED",
      `Domain ${domain.aLabel} is not delegated to your name servers; its DS records are changed by the administrator of its name servers`,
      { field: "name", reason: "NOT_ON_YOUR_NAME_SERVERS" },
    );
  }
}

/** R-DS-1: another DS record fits (at most 8). */
export async function checkAddDsRecord(
  db: Db,
  actor: RegistrarActor,
  domain: CheckedDomain,
): Promise<void> {
  await checkDsRecordsOwnDomain(db, actor.accountId, domain);
  const existing = await db.dsRecord.count({ where: { domainId: domain.id } });
  checkDsRecordRoom(domain.aLabel, existing, 1);
}
