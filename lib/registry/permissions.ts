import { type Actor, type MetaRole, type RegistrarActor, isRegistrarActor } from "./actor";
import { RegistryError } from "./errors";

/**
 * DESIGN.md §1's permission matrix: `resource.verb` → the meta-roles that may. One table, one
 * guard, used by pages, server actions and the core alike. The meta-roles mirror the WHOIS roles:
 * the Registrar grows the portfolio, the Proxy administers domains and their contacts, the Payer
 * pays, the NSA runs name servers and DNSSEC.
 */
const R = "REGISTRAR",
  X = "PROXY",
  P = "PAYER",
  N = "NSA",
  A = "ADMINISTRATOR";

export const permissions = {
  "domain.view": [R, X, P, N],
  // Registrar: grows the portfolio.
  "domain.register": [R],
  "domain.transferIn": [R],
  // Proxy: administers the domains (on a registrant-managed one only as its linked proxy contact,
  // domain-admin.ts) and the end-user handles.
  "domain.cancel": [X],
  "domain.restore": [X],
  "domain.setRenewalPolicy": [X],
  "domain.setContacts": [X],
  "domain.changeRegistrant": [X],
  "domain.transferToken.issue": [X],
  "domain.transferToken.retract": [X],
  // The Registrar picks registrants when registering, so it may look them up.
  "contact.view": [X, R],
  "contact.create": [X],
  "contact.update": [X],
  // Payer: pays.
  "domain.renew": [P],
  "billing.view": [P],
  "billing.topUp": [P],
  "billing.setLowBalanceThreshold": [P],
  // NSA: name servers and DNSSEC. See `objectGrants` for the Registrar's share (R-NS-2/3).
  "domain.setNameServers": [N],
  "domain.redelegate": [N],
  "nameserver.view": [N],
  "nameserver.create": [N],
  "nameserver.update": [N],
  "nameserver.delete": [N],
  "nameserver.changeAdministrator": [N],
  "redelegationToken.issue": [N, X],
  "redelegationToken.retract": [N, X],
  "dnssec.add": [N],
  "dnssec.remove": [N],
  "message.view": [A, R, X, P, N],
  "message.ack": [A, R, X, P, N],
  "account.users": [A],
  "account.serviceUsers": [A],
  "account.handles": [A],
  "account.settings": [A],
  "account.ipAllowlist": [A],
  "account.audit": [A],
  // Every portal user's own password, two-factor authentication and sessions (user menu); the
  // core acts only on the acting user itself.
  "account.ownSecurity": [A, R, X, P, N],
} as const satisfies Record<string, readonly MetaRole[]>;

export type Verb = keyof typeof permissions;

/**
 * Rights beyond the table that hold only for some objects, so they cannot be decided before the
 * object is loaded: R-NS-2/3 let the Registrar hand over and delete *registrar-managed* name
 * servers. An operation opts in (`requirePermission(…, { objectGrant: true })`) and then checks the
 * object itself (`requireNameServerAdministrator`). Pages and `can` go by the table alone.
 */
export const objectGrants = {
  "nameserver.changeAdministrator": [R],
  "nameserver.delete": [R],
} as const satisfies Partial<Record<Verb, readonly MetaRole[]>>;

function holdsObjectGrant(actor: Actor, verb: Verb): boolean {
  if (!isRegistrarActor(actor)) return false;
  const grants: Partial<Record<Verb, readonly MetaRole[]>> = objectGrants;
  const allowed = grants[verb] ?? [];
  return actor.metaRoles.some((role) => allowed.includes(role));
}

/** Whether a registrar user may perform the verb. Other actor kinds have their own entry points. */
export function can(actor: Actor, verb: Verb): boolean {
  if (!isRegistrarActor(actor)) return false;
  const allowed: readonly MetaRole[] = permissions[verb];
  return actor.metaRoles.some((role) => allowed.includes(role));
}

/**
 * The guard: returns the actor narrowed to a registrar user, or throws NOT_AUTHORIZED. With
 * `objectGrant`, an actor holding only the verb's object grant passes too; the caller must then
 * check the object.
 */
export function requirePermission(
  actor: Actor,
  verb: Verb,
  options: { objectGrant?: boolean } = {},
): RegistrarActor {
  const granted =
    can(actor, verb) || (options.objectGrant === true && holdsObjectGrant(actor, verb));
  if (!granted || !isRegistrarActor(actor)) {
    throw new RegistryError("NOT_AUTHORIZED", `You are not allowed to ${describeVerb(verb)}`, {
      verb,
    });
  }
  return actor;
}

export function requireOperator(actor: Actor): Extract<Actor, { kind: "operator" }> {
  if (actor.kind !== "operator") {
    throw new RegistryError("NOT_AUTHORIZED", "Only registry operators may do this");
  }
  return actor;
}

function describeVerb(verb: Verb): string {
  const [resource, ...rest] = verb.split(".");
  return `${rest.join(" ").replace(/([A-Z])/g, " $1").toLowerCase()} (${resource})`;
}
