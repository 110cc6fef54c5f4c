import { type Actor, type MetaRole, type RegistrarActor, isRegistrarActor } from "./actor";
import { RegistryError } from "./errors";

/**
 * DESIGN.md §1's permission matrix: `resource.verb` → the meta-roles that may. One table, one
 * guard, used by pages, server actions and the core alike.
 */
const R = "REGISTRAR",
  X = "PROXY",
  P = "PAYER",
  N = "NSA",
  A = "ADMINISTRATOR";

export const permissions = {
  "domain.view": [R, X, P, N],
  "domain.register": [R],
  "domain.cancel": [R],
  "domain.restore": [R],
  "domain.setRenewalPolicy": [R],
  "domain.transferToken.issue": [R],
  "domain.transferToken.retract": [R],
  "domain.transferIn": [R],
  "domain.changeRegistrant": [R],
  "domain.renew": [P, R],
  "domain.setNameServers": [R, X, N],
  "domain.redelegate": [N],
  "domain.setContacts": [R, X],
  "nameserver.view": [N, R],
  // Registrar may act on registrar-managed name servers only (R-NS-2); the core checks that.
  "nameserver.create": [N, R],
  "nameserver.update": [N, R],
  "nameserver.delete": [N, R],
  "nameserver.changeAdministrator": [N, R],
  "redelegationToken.issue": [N, X],
  "redelegationToken.retract": [N, X],
  "dnssec.add": [N],
  "dnssec.remove": [N],
  "billing.view": [P],
  "billing.topUp": [P],
  "billing.setLowBalanceThreshold": [P],
  "message.view": [A, R, X, P, N],
  "message.ack": [A, R, X, P, N],
  "account.users": [A],
  "account.serviceUsers": [A],
  "account.handles": [A],
  "account.settings": [A],
  "account.ipAllowlist": [A],
  "account.audit": [A],
} as const satisfies Record<string, readonly MetaRole[]>;

export type Verb = keyof typeof permissions;

/** Whether a registrar user may perform the verb. Other actor kinds have their own entry points. */
export function can(actor: Actor, verb: Verb): boolean {
  if (!isRegistrarActor(actor)) return false;
  const allowed: readonly MetaRole[] = permissions[verb];
  return actor.metaRoles.some((role) => allowed.includes(role));
}

/** The guard: returns the actor narrowed to a registrar user, or throws NOT_AUTHORIZED. */
export function requirePermission(actor: Actor, verb: Verb): RegistrarActor {
  if (!can(actor, verb) || !isRegistrarActor(actor)) {
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
